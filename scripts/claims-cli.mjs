#!/usr/bin/env node
/**
 * Starts the claims command (scripts/claims.ts) from a bundle.
 *
 * Under tsx every start compiled the TypeScript of the whole pipeline again: 3–5 s a call, most of
 * what a scorer running the command once per article waits for. esbuild bundles it once into
 * node_modules/.cache (git-ignored), and the bundle is made again only when a source file is newer
 * than it, so the command's output never lags the code. Same arguments, same JSON, same exit codes.
 */
import { pathToFileURL } from "node:url";
import { ensureBundle } from "./esbuild-bundle.mjs";

const bundle = await ensureBundle({
  entry: "scripts/claims.ts",
  name: "claims-cli.mjs",
  // The pipeline's code, the model's weights, and the locked dependencies.
  sources: ["lib", "models", "scripts/claims.ts", "scripts/claims-cli.mjs", "scripts/esbuild-bundle.mjs", "package-lock.json", "tsconfig.json"],
  external: ["better-sqlite3", "@prisma/*", "server-only"],
});
// In this process: the command reads process.argv.slice(2), which are this launcher's own arguments.
await import(pathToFileURL(bundle).href);
