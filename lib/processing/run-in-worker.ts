/**
 * Runs a processing task (tasks.ts) in a worker thread with a time limit, so an upload that takes
 * minutes to read never holds the server's event loop: the health check and every other request go
 * on being answered. Past the limit, or when the request that asked for it is aborted, the worker
 * is terminated and the caller gets an AppError, never a result, so nothing is written afterwards.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { ProcessingTask, TaskResult } from "./tasks";

/**
 * How long one upload's reading or re-anchoring may take. An ordinary 3.8 MB article of 100,000 short
 * paragraphs needs 20–28 s of CPU here, so 20 s refused it on a loaded machine; the work is off the
 * event loop, so a long limit costs the other requests nothing.
 */
export const PROCESSING_TIME_LIMIT_MS = 60_000;
/** A worker's heap; hostile input meets the time limit before it, ordinary 5 MB articles need a fraction. */
const WORKER_HEAP_MB = 2048;

export type RunOptions = { timeLimitMs?: number; signal?: AbortSignal };

type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; message: string }
  | { stopped: "time" | "aborted" | "memory" | "crashed"; detail?: string };

type Host = { runInWorkerThread<T>(task: ProcessingTask, options: { timeLimitMs: number; signal?: AbortSignal; heapMb: number }): Promise<Answer<T>> };

/**
 * scripts/processing-host.mjs, which starts the threads. Loaded at run time, out of Next's bundle
 * (turbopackIgnore, webpackIgnore): the bundler cannot follow a worker thread's entry (see there).
 */
function host(): Promise<Host> {
  const file = pathToFileURL(path.join(process.cwd(), "scripts", "processing-host.mjs")).href;
  return import(/* turbopackIgnore: true */ /* webpackIgnore: true */ /* @vite-ignore */ file) as Promise<Host>;
}

/** Runs `task` in a new worker thread and answers its result, or throws an AppError (see above). */
export async function runInWorker<T extends ProcessingTask>(task: T, options: RunOptions = {}): Promise<TaskResult<T>> {
  const { timeLimitMs = PROCESSING_TIME_LIMIT_MS, signal } = options;
  if (signal?.aborted) throw cancelled();
  const answer = await (await host()).runInWorkerThread<TaskResult<T>>(task, { timeLimitMs, signal, heapMb: WORKER_HEAP_MB });
  if ("stopped" in answer) {
    if (answer.stopped === "aborted") throw cancelled();
    if (answer.stopped === "crashed") throw unreadable(answer.detail ?? "the worker stopped");
    throw tooComplex(timeLimitMs);
  }
  if (answer.ok) return answer.value;
  throw answer.code === "INTERNAL" ? unreadable(answer.message) : new AppError(answer.code, answer.message);
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
