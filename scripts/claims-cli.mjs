#!/usr/bin/env node
/**
 * Starts the claims command (scripts/claims.ts) from a bundle.
 *
 * Under tsx every start compiled the TypeScript of the whole pipeline again: 3–5 s a call, most of
 * what a scorer running the command once per article waits for. esbuild bundles it once into
 * node_modules/.cache (git-ignored), and the bundle is made again only when a source file is newer
 * than it, so the command's output never lags the code. Same arguments, same JSON, same exit codes.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "scripts", "claims.ts");
const bundle = path.join(root, "node_modules", ".cache", "claimdesk", "claims-cli.mjs");
/** What the bundle is made of: the pipeline's code, the model's weights, and the locked dependencies. */
const SOURCES = ["lib", "models", "scripts/claims.ts", "scripts/claims-cli.mjs", "package-lock.json", "tsconfig.json"];

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
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(p, entry.name)));
  }
  return max;
}

async function ensureBundle() {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map((s) => newest(path.join(root, s))))) return;
  const { build } = await import("esbuild");
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Written beside and renamed into place, so a command started meanwhile never runs half a bundle.
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
    external: ["better-sqlite3", "@prisma/*", "server-only"],
  });
  renameSync(partial, bundle);
}

await ensureBundle();
// In this process: the command reads process.argv.slice(2), which are this launcher's own arguments.
await import(pathToFileURL(bundle).href);
