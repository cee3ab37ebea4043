/**
 * One esbuild bundle of a TypeScript entry, kept in node_modules/.cache/claimdesk (git-ignored) and
 * made again only when a source is newer than it, so what runs never lags the code. Used by the
 * claims command (scripts/claims-cli.mjs) and the upload processing worker
 * (scripts/processing-host.mjs), which would otherwise compile the whole pipeline on every start.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

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

/**
 * Builds `entry` (relative to the project) into the cache as `name` when missing or stale, and
 * answers the bundle's absolute path. `sources`: what the bundle is made of, relative paths whose
 * newest file decides staleness; `external`: packages left to node_modules at run time.
 */
export async function ensureBundle({ entry, name, sources, external = [] }) {
  const bundle = path.join(root, "node_modules", ".cache", "claimdesk", name);
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built > Math.max(...sources.map((s) => newest(path.join(root, s))))) return bundle;
  const { build } = await import("esbuild");
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Written beside and renamed into place, so a process started meanwhile never runs half a bundle.
  const partial = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
    // CommonJS dependencies bundled into ESM still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    external,
  });
  renameSync(partial, bundle);
  return bundle;
}
