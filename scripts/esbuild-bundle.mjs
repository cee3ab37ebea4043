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

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * External packages the bundle loads with require() instead of import. Node's ESM loader reads a
 * CommonJS file imported from ESM as text and scans it for its export names (cjs-module-lexer):
 * Prisma's runtime is 230 kB of CommonJS, and its scan and decoding were ~40 ms of each start.
 * `lazy` maps packages to the named exports the bundle imports from them; each is required on
 * first use rather than at the start: node-postgres and Prisma's adapter for it serve only a
 * postgres:// URL, and loading pg (which touches a lazy global that loads undici) cost ~50 ms of
 * every SQLite import.
 */
function requirePlugin({ viaRequire = [], lazy = {} }) {
  const names = [...viaRequire, ...Object.keys(lazy)];
  return {
    name: "claimdesk-require",
    setup(build) {
      if (names.length === 0) return;
      const filter = new RegExp(`^(?:${names.map(escape).join("|")})$`);
      // The stand-in module's own require() of the package is left to node_modules.
      build.onResolve({ filter }, (args) => (args.namespace === "claimdesk-require" ? { path: args.path, external: true } : { path: args.path, namespace: "claimdesk-require" }));
      build.onLoad({ filter: /.*/, namespace: "claimdesk-require" }, ({ path: name }) => {
        const id = JSON.stringify(name);
        if (!(name in lazy)) return { contents: `module.exports = require(${id});`, loader: "js" };
        // A stand-in for each export that forwards to the real one, loaded by the first use.
        const stand = (get) =>
          `new Proxy(function () {}, { get: (_, k) => Reflect.get(${get}, k), has: (_, k) => Reflect.has(${get}, k), ` +
          `construct: (_, args) => Reflect.construct(${get}, args), apply: (_, self, args) => Reflect.apply(${get}, self, args) })`;
        const lines = [`let loaded;`, `const load = () => (loaded ??= require(${id}));`, `export default ${stand("load()")};`];
        for (const item of lazy[name]) lines.push(`export const ${item} = ${stand(`load().${item}`)};`);
        return { contents: lines.join("\n"), loader: "js" };
      });
    },
  };
}

/**
 * Builds `entry` (relative to the project) into the cache as `name` when missing or stale, and
 * answers the bundle's absolute path. `sources`: what the bundle is made of, relative paths whose
 * newest file decides staleness; `external`: packages left to node_modules at run time;
 * `viaRequire` and `lazy`: external packages loaded with require(), `lazy` ones on first use
 * (see requirePlugin).
 */
export async function ensureBundle({ entry, name, sources, external = [], viaRequire = [], lazy = {} }) {
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
    plugins: [requirePlugin({ viaRequire, lazy })],
  });
  renameSync(partial, bundle);
  return bundle;
}
