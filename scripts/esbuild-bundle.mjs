/**
 * One esbuild bundle of a TypeScript entry, kept in node_modules/.cache/claimdesk (git-ignored) and
 * made again only when a source is newer than it, so what runs never lags the code. Used by the
 * claims command (scripts/claims-cli.mjs) and the upload processing worker
 * (scripts/processing-host.mjs), which would otherwise compile the whole pipeline on every start.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
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
  await build({ ...buildOptions({ external, viaRequire, lazy }), entryPoints: [path.join(root, entry)], outfile: partial });
  renameSync(partial, bundle);
  return bundle;
}

function buildOptions({ external, viaRequire, lazy }) {
  return {
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
  };
}

/** Builds kept besides the current one, for processes that started on them and load more of them. */
const KEEP_BUILDS = 2;

/**
 * Like ensureBundle, for entries that one process loads in turn (the import command's light and
 * heavy halves): one build with code splitting, so the code they share (zod, the errors, the
 * database's set-up) is read and run once, not once per bundle. `entries` maps output names to
 * entries. Each build is a folder of its own under node_modules/.cache/claimdesk/`name`, and the
 * link `current` names the newest, replaced at once when a build is done: a process resolves the
 * link once and loads every entry from that one folder, so it never mixes two builds. Answers the
 * folder's real path.
 */
export async function ensureBundles({ name, entries, sources, external = [], viaRequire = [], lazy = {} }) {
  const home = path.join(root, "node_modules", ".cache", "claimdesk", name);
  const current = path.join(home, "current");
  const built = existsSync(current) ? statSync(current).mtimeMs : 0;
  if (built > Math.max(...sources.map((s) => newest(path.join(root, s))))) return realpathSync(current);
  const { build } = await import("esbuild");
  const folder = `build-${Date.now()}-${process.pid}`;
  mkdirSync(path.join(home, folder), { recursive: true });
  await build({
    ...buildOptions({ external, viaRequire, lazy }),
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, entry]) => [out, path.join(root, entry)])),
    outdir: path.join(home, folder),
    outExtension: { ".js": ".mjs" },
    splitting: true,
    chunkNames: "chunk-[hash]",
  });
  const link = path.join(home, `current.${process.pid}.tmp`);
  rmSync(link, { force: true });
  symlinkSync(folder, link);
  renameSync(link, current);
  // Folders are named by time: drop all but the newest few (the current one among them).
  const builds = readdirSync(home).filter((f) => /^build-\d+-\d+$/.test(f)).sort((a, b) => Number(b.split("-")[1]) - Number(a.split("-")[1]));
  for (const old of builds.slice(KEEP_BUILDS + 1)) if (old !== folder) rmSync(path.join(home, old), { recursive: true, force: true });
  return realpathSync(current);
}
