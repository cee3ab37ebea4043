/**
 * Starts processing tasks in worker threads (lib/processing/run-in-worker.ts loads this file). Plain
 * Node, never bundled: Next's bundler follows `new Worker(path)` and paths built from the working
 * directory into every file of the project and fails the build, so the thread handling lives here,
 * loaded with an import the bundler is told to leave alone.
 *
 * The worker runs a bundle of lib/processing/worker-main.ts, made by esbuild into
 * node_modules/.cache/claimdesk (git-ignored) when missing or older than its sources, as the claims
 * command's bundle is (scripts/claims-cli.mjs).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "lib", "processing", "worker-main.ts");
const bundle = path.join(root, "node_modules", ".cache", "claimdesk", "processing-worker.mjs");
/** What the bundle is made of: the pipeline's code, the models' weights, and the locked dependencies. */
const SOURCES = ["lib", "models", "scripts/processing-host.mjs", "package-lock.json", "tsconfig.json"];

/** The newest modification time under `p` (a file or a folder), in ms. */
function newest(p) {
  let stat;
  try {
    stat = statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const item of readdirSync(p, { withFileTypes: true })) {
    if (item.name === "generated" || item.name.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(p, item.name)));
  }
  return max;
}

let checked = null;

/**
 * The bundle's path, built first when stale. Checked once per process in production (the sources
 * do not change under a running server), on every call otherwise.
 */
export async function workerBundle() {
  if (checked && process.env.NODE_ENV === "production") return checked;
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built <= Math.max(...SOURCES.map((s) => newest(path.join(root, s))))) {
    const { build } = await import("esbuild");
    mkdirSync(path.dirname(bundle), { recursive: true });
    // Written beside and renamed into place, so a worker started meanwhile never runs half a bundle.
    const partial = `${bundle}.${process.pid}.tmp`;
    await build({
      entryPoints: [entry],
      outfile: partial,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      tsconfig: path.join(root, "tsconfig.json"),
      logLevel: "error",
      // CommonJS dependencies bundled into ESM still call require().
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    renameSync(partial, bundle);
  }
  checked = bundle;
  return bundle;
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
