/**
 * Runs a processing task (tasks.ts) in a worker thread with a time limit, so an upload that takes
 * minutes to read never holds the server's event loop: the health check and every other request go
 * on being answered. Past the limit, or when the request that asked for it is aborted, the worker
 * is terminated and the caller gets an AppError, never a result, so nothing is written afterwards.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { ProcessingTask, TaskResult } from "./tasks";

/** How long one upload's reading or re-anchoring may take; an ordinary 5 MB article needs a few seconds. */
export const PROCESSING_TIME_LIMIT_MS = 20_000;
/** A worker's heap; hostile input meets the time limit before it, ordinary 5 MB articles need a fraction. */
const WORKER_HEAP_MB = 2048;

export type RunOptions = { timeLimitMs?: number; signal?: AbortSignal };

let ready: Promise<string> | null = null;

/**
 * The worker bundle's path, built by scripts/build-processing-worker.mjs when missing or older than
 * its sources. The script runs in a worker thread of its own, so neither Next's bundler nor the
 * server's thread ever loads esbuild. Once per process in production; on every call in
 * development and tests, so an edit to the pipeline is never run from a stale bundle.
 *
 * Both `new Worker` calls carry turbopackIgnore: without it next build follows the dynamic path and
 * traces every file of the project (README.md, tests, esbuild) into the server, and fails.
 */
function workerBundle(): Promise<string> {
  if (ready && process.env.NODE_ENV === "production") return ready;
  const root = process.cwd();
  const script = path.join(root, "scripts", "build-processing-worker.mjs");
  const bundle = path.join(root, "node_modules", ".cache", "claimdesk", "processing-worker.mjs");
  ready = new Promise<string>((resolve, reject) => {
    const build = new Worker(/* turbopackIgnore: true */ script, { argv: ["--if-stale"] });
    build.once("error", reject);
    build.once("exit", (code) => (code === 0 ? resolve(bundle) : reject(new Error(`building the processing worker exited with ${code}`))));
  });
  ready.catch(() => (ready = null));
  return ready;
}

/** Runs `task` in a new worker thread and answers its result, or throws an AppError (see above). */
export async function runInWorker<T extends ProcessingTask>(task: T, options: RunOptions = {}): Promise<TaskResult<T>> {
  const { timeLimitMs = PROCESSING_TIME_LIMIT_MS, signal } = options;
  signal?.throwIfAborted?.();
  const file = await workerBundle();
  if (signal?.aborted) throw cancelled();
  return new Promise<TaskResult<T>>((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ file, { workerData: task, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex(timeLimitMs))), timeLimitMs);
    const onAbort = () => settle(() => reject(cancelled()));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (m: { ok: true; value: TaskResult<T> } | { ok: false; code: ErrorCode; message: string }) =>
      settle(() => (m.ok ? resolve(m.value) : reject(m.code === "INTERNAL" ? unreadable(m.message) : new AppError(m.code, m.message)))),
    );
    worker.once("error", (error) => settle(() => reject(isOutOfMemory(error) ? tooComplex(timeLimitMs) : unreadable(error.message))));
    worker.once("exit", (code) => settle(() => reject(unreadable(`the worker stopped (exit code ${code})`))));
  });
}

function tooComplex(ms: number): AppError {
  const seconds = Math.round(ms / 1000);
  return new AppError(
    "INVALID",
    `This text is too complex to process (it took longer than ${seconds} ${seconds === 1 ? "second" : "seconds"}); nothing was imported. Deeply nested lists, thousands of * or [ marks, or megabytes on one line do this: tidy the text, or import it as plain text (.txt).`,
  );
}

function cancelled(): AppError {
  return new AppError("BAD_INPUT", "The upload was cancelled before it was processed; nothing was imported.");
}

function unreadable(detail: string): AppError {
  return new AppError("INVALID", "This text could not be read as an article; nothing was imported. Check that it is Markdown, plain text or HTML.", { details: detail });
}

function isOutOfMemory(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
}
