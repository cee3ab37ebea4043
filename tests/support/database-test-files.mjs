/**
 * Which unit test files can meet a database, for the PostgreSQL unit run of `npm test`
 * (scripts/test-postgres.mjs). A file that never opens one runs the same code on either engine, so
 * running it twice proves nothing new. A file is kept when either holds:
 * - its text names the test database (tempDatabase, DATABASE_URL, onPostgres, postgres, prisma): a
 *   child process it starts can reach a database only through the URL it is handed;
 * - its import graph (esbuild's metafile, dynamic imports included, the `@/` paths of tsconfig)
 *   loads Prisma's client or a database driver (@prisma/*, better-sqlite3, pg, pg-boss): nothing
 *   opens a database without one (lib/db/busy-error.ts, which only classifies errors, does not count).
 * Everything else (the claim pipeline, anchoring, rendering, pure policies) is left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, stop } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NAMES_DATABASE = /tempDatabase|temp-database|DATABASE_URL|onPostgres|postgres|prisma/i;
const DATABASE_PACKAGE = /^(@prisma\/|\.prisma\/|better-sqlite3$|pg$|pg\/|pg-boss$|pg-boss\/)/;

/** Every unit test file, as vitest.config.ts includes them (tests/unit/**\/*.test.ts), relative to the root. */
export function unitTestFiles() {
  const found = [];
  const walk = (dir) => {
    for (const item of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, item.name);
      if (item.isDirectory()) walk(rel);
      else if (item.name.endsWith(".test.ts")) found.push(rel);
    }
  };
  walk("tests/unit");
  return found.sort();
}

/**
 * Splits the unit test files into those that can meet a database (with the first reason found)
 * and those that cannot.
 * @returns {{ database: { file: string, why: string }[], pure: string[] }}
 */
export async function databaseTestFiles(files = unitTestFiles()) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: files,
    bundle: true,
    // Shared chunks: the graph is wanted, not 120 copies of the claim pipeline.
    splitting: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    outdir: "out",
    packages: "external",
    tsconfig: "tsconfig.json",
    // Assets and styles are read as nothing.
    loader: { ".css": "empty", ".md": "empty", ".onnx": "empty", ".bin": "empty", ".txt": "empty", ".html": "empty", ".node": "empty" },
    logLevel: "silent",
  });
  // esbuild's service process would otherwise stay beside the test run that follows.
  await stop();
  const { inputs } = result.metafile;
  /** The first database package that `file`'s graph loads, if any. */
  const reaches = (file) => {
    const seen = new Set([file]);
    const queue = [file];
    while (queue.length) {
      const at = queue.shift();
      for (const i of inputs[at]?.imports ?? []) {
        if (i.external) {
          if (DATABASE_PACKAGE.test(i.path)) return i.path;
        } else if (!seen.has(i.path)) {
          seen.add(i.path);
          queue.push(i.path);
        }
      }
    }
    return null;
  };
  const database = [];
  const pure = [];
  for (const file of files) {
    if (!inputs[file]) {
      // Never leave a test out by accident.
      database.push({ file, why: "not analysed" });
      continue;
    }
    const names = NAMES_DATABASE.test(readFileSync(path.join(root, file), "utf8"));
    const reached = names ? null : reaches(file);
    if (names) database.push({ file, why: "names the test database" });
    else if (reached) database.push({ file, why: `imports ${reached}` });
    else pure.push(file);
  }
  return { database, pure };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { database, pure } = await databaseTestFiles();
  for (const { file, why } of database) console.log(`db    ${file} (${why})`);
  for (const file of pure) console.log(`pure  ${file}`);
  console.log(`${database.length} can meet a database, ${pure.length} cannot`);
}
