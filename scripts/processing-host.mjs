/**
 * Starts processing tasks in worker threads (lib/processing/run-in-worker.ts loads this file). Plain
 * Node, never bundled: Next's bundler follows `new Worker(path)` and paths built from the working
 * directory into every file of the project and fails the build, so the thread handling lives here,
 * loaded with an import the bundler is told to leave alone.
 *
 * The worker runs a bundle of lib/processing/worker-main.ts, made when missing or older than its
 * sources by scripts/esbuild-bundle.mjs, as the claims command's bundle is.
 */
import { Worker } from "node:worker_threads";
import { ensureBundle } from "./esbuild-bundle.mjs";

let checked = null;

/**
 * The bundle's path, built first when stale. Checked once per process in production (the sources
 * do not change under a running server), on every call otherwise.
 */
export async function workerBundle() {
  if (checked && process.env.NODE_ENV === "production") return checked;
  checked = await ensureBundle({
    entry: "lib/processing/worker-main.ts",
    name: "processing-worker.mjs",
    // The pipeline's code, the models' weights, and the locked dependencies.
    sources: ["lib", "models", "scripts/processing-host.mjs", "scripts/esbuild-bundle.mjs", "package-lock.json", "tsconfig.json"],
  });
  return checked;
}

/**
 * Runs `task` in a new worker thread. Answers the worker's message ({ ok, value } or { ok: false,
 * code, message }), or { stopped: "time" | "aborted" | "memory" | "crashed", detail } after
 * terminating it: past `timeLimitMs`, when `signal` aborts, or when the thread dies.
 */
export async function runInWorkerThread(task, { timeLimitMs, signal, heapMb }) {
  const file = await workerBundle();
  if (signal?.aborted) return { stopped: "aborted" };
  return new Promise((resolve) => {
    const worker = new Worker(file, { workerData: task, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    let settled = false;
    const settle = (answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ stopped: "time" }), timeLimitMs);
    const onAbort = () => settle({ stopped: "aborted" });
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (message) => settle(message));
    worker.once("error", (error) => settle({ stopped: error?.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crashed", detail: String(error?.message ?? error) }));
    worker.once("exit", (code) => settle({ stopped: "crashed", detail: `exit code ${code}` }));
  });
}
