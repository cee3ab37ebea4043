#!/usr/bin/env node
/**
 * Starts `npm run import` (scripts/import.ts) from bundles, as the claims command does
 * (scripts/claims-cli.mjs).
 *
 * Under tsx every start compiled the TypeScript of the pipeline, Prisma's client and their
 * dependencies again: about 1.5 s of a 2,000-claim import, and nearly all of an identical re-import
 * (issue 13). esbuild bundles them once into node_modules/.cache (git-ignored), made again only when
 * a source is newer, so the command never lags the code. Two entries of one build: the light one
 * reads the file and answers an unchanged one; the heavy one (scripts/import-run.ts: the pipeline,
 * Prisma, the progress bar) is loaded only when there is something to import, and shares the light
 * one's modules. Same arguments, output and exit codes as `tsx scripts/import.ts`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import { ensureBundles } from "./esbuild-bundle.mjs";

// Native and engine packages stay in node_modules: they load files relative to themselves. pg-boss
// too: only `--job` on PostgreSQL loads it, so the bundle need not carry it for every import.
// server-only is bundled, not left outside: the queue (lib/jobs, for --job) reaches the job
// handlers and server modules through an import() that only a worker runs, and esbuild keeps that
// lazy for bundled code but hoists an external import to the top of the bundle, where
// server-only's plain entry throws on every start. Bundled, it throws only if that code ran.
const external = ["better-sqlite3", "@prisma/*", "pg-boss"];
const launcher = ["scripts/import-cli.mjs", "scripts/esbuild-bundle.mjs", "package-lock.json", "tsconfig.json"];
// CommonJS packages required rather than imported, and PostgreSQL's only on first use (a SQLite
// import never loads them): see esbuild-bundle.mjs's requirePlugin.
const viaRequire = ["@prisma/client/runtime/client", "@prisma/adapter-better-sqlite3", "better-sqlite3"];
const lazy = { pg: [], "@prisma/adapter-pg": ["PrismaPg"] };

// Prisma's query compiler is WebAssembly (~2 MB). V8 compiles it with its baseline compiler,
// Liftoff, and then again, function by function, with TurboFan on background threads; an import
// sends it a few dozen queries (the claims themselves go in as raw SQL), so the second compile
// never pays back, and on a small machine those threads take the core from the pipeline: ~130 ms
// of CPU of every import. Set before anything compiles WebAssembly; JavaScript is not affected.
v8.setFlagsFromString("--liftoff-only");
// The same for JavaScript: V8 optimizes a function with TurboFan, on background threads, once it has
// run 66 kB of bytecode; a one-shot import runs much of the pipeline's code just past that and then
// no more, so most of that compiling was spent on code that hardly ran again. Eight times the budget
// keeps TurboFan for the truly hot code. Whole process, median of 3-4 (load 3): the bench article
// 2,260 -> 1,750 ms CPU, a 1 MB article (7,500 claims) 5,430 -> 4,850 ms, all claim fixtures in one
// file 1,530 -> 1,200 ms. Set before the bundles load, so their functions start with this budget.
v8.setFlagsFromString("--interrupt-budget=540672");

// One build of both halves (esbuild-bundle.mjs's ensureBundles): the heavy half reuses the light
// half's modules instead of carrying and running copies of them.
const bundles = await ensureBundles({
  name: "import",
  entries: { "import-cli": "scripts/import.ts", "import-run": "scripts/import-run.ts" },
  // The pipeline and the generated Prisma client (both under lib), the models' weights.
  sources: ["lib", "lib/generated", "models", "scripts/import.ts", "scripts/import-run.ts", "scripts/import-progress-bar.ts", ...launcher],
  external,
  viaRequire,
  lazy,
});
const entry = (name) => pathToFileURL(path.join(bundles, `${name}.mjs`)).href;
globalThis.claimdeskImportRun = () => import(entry("import-run"));
// In this process: the command reads process.argv.slice(2), which are this launcher's own arguments.
await import(entry("import-cli"));
