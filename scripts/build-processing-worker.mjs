#!/usr/bin/env node
/**
 * Bundles the processing worker (lib/processing/worker-main.ts) into one .mjs file that
 * `new Worker(path)` can start in every runtime we have: `next start`, `next dev` (Turbopack), Vitest
 * and tsx. Neither Turbopack nor webpack reliably bundles a node:worker_threads entry of its own, so
 * the worker is built apart from them, as the claims command is (scripts/claims-cli.mjs).
 *
 *   node scripts/build-processing-worker.mjs [--if-stale]
 *
 * Written to node_modules/.cache/claimdesk/processing-worker.mjs (git-ignored). With --if-stale the
 * bundle is made only when a source file is newer than it. Prints the bundle's path (on the command
 * line; lib/processing/run-in-worker.ts runs it in a worker thread).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "lib", "processing", "worker-main.ts");
const bundle = path.join(root, "node_modules", ".cache", "claimdesk", "processing-worker.mjs");
/** What the bundle is made of: the pipeline's code, the models' weights, and the locked dependencies. */
const SOURCES = ["lib", "models", "scripts/build-processing-worker.mjs", "package-lock.json", "tsconfig.json"];

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

const ifStale = process.argv.includes("--if-stale");
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (!ifStale || built <= Math.max(...SOURCES.map((s) => newest(path.join(root, s))))) {
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
// From the command line, say where it is; from the server (a worker thread), stay quiet.
if (isMainThread) process.stdout.write(`${bundle}\n`);
