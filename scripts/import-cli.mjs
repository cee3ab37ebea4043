#!/usr/bin/env node
/**
 * Starts `npm run import` (scripts/import.ts) from bundles, as the claims command does
 * (scripts/claims-cli.mjs).
 *
 * Under tsx every start compiled the TypeScript of the pipeline, Prisma's client and their
 * dependencies again: about 1.5 s of a 2,000-claim import, and nearly all of an identical re-import
 * (issue 13). esbuild bundles them once into node_modules/.cache (git-ignored), made again only when
 * a source is newer, so the command never lags the code. Two bundles: the light one reads the file
 * and answers an unchanged one; the heavy one (scripts/import-run.ts: the pipeline, Prisma, the
 * progress bar) is checked and loaded only when there is something to import. Same arguments,
 * output and exit codes as `tsx scripts/import.ts`.
 */
import { pathToFileURL } from "node:url";
import { ensureBundle } from "./esbuild-bundle.mjs";

// Native and engine packages stay in node_modules: they load files relative to themselves. pg-boss
// too: only `--job` on PostgreSQL loads it, so the bundle need not carry it for every import.
const external = ["better-sqlite3", "@prisma/*", "server-only", "pg-boss"];
const launcher = ["scripts/import-cli.mjs", "scripts/esbuild-bundle.mjs", "package-lock.json", "tsconfig.json"];
// CommonJS packages required rather than imported, and PostgreSQL's only on first use (a SQLite
// import never loads them): see esbuild-bundle.mjs's requirePlugin.
const viaRequire = ["@prisma/client/runtime/client", "@prisma/adapter-better-sqlite3", "better-sqlite3"];
const lazy = { pg: [], "@prisma/adapter-pg": ["PrismaPg"] };

globalThis.claimdeskImportRun = async () => {
  const heavy = await ensureBundle({
    entry: "scripts/import-run.ts",
    name: "import-run.mjs",
    // The pipeline and the generated Prisma client (both under lib), the models' weights.
    sources: ["lib", "lib/generated", "models", "scripts/import-run.ts", "scripts/import-progress-bar.ts", ...launcher],
    // server-only bundled, not left outside: the queue (lib/jobs, for --job) reaches the job
    // handlers and server modules through an import() that only a worker runs, and esbuild keeps
    // that lazy for bundled code but hoists an external import to the top of the bundle, where
    // server-only's plain entry throws on every start. Bundled, it throws only if that code ran.
    external: external.filter((name) => name !== "server-only"),
    viaRequire,
    lazy,
  });
  return import(pathToFileURL(heavy).href);
};

const light = await ensureBundle({
  entry: "scripts/import.ts",
  name: "import-cli.mjs",
  sources: ["lib", "scripts/import.ts", ...launcher],
  external,
  viaRequire,
  lazy,
});
// In this process: the command reads process.argv.slice(2), which are this launcher's own arguments.
await import(pathToFileURL(light).href);
