#!/usr/bin/env node
/**
 * Bundles one e2e seed script (a TypeScript file under tests/e2e) with esbuild and prints the
 * bundle's path: runSeedScript (tests/e2e/support.ts) runs this at a script's first use in a
 * Playwright worker, since the helpers are synchronous and esbuild's build is not. The bundle is
 * kept in node_modules/.cache/claimdesk and made again only when a source is newer
 * (scripts/esbuild-bundle.mjs), so each e2e run compiles a seed script once, not at every call as
 * tsx did (about 2 s of CPU each: the pipeline and Prisma's client).
 *
 *   node tests/e2e/seed-bundle.mjs tests/e2e/reading/seed-approved.ts
 */
import path from "node:path";
import { ensureBundle, root } from "../../scripts/esbuild-bundle.mjs";

const file = process.argv[2];
if (!file?.endsWith(".ts")) throw new Error("usage: node tests/e2e/seed-bundle.mjs <tests/e2e/…/script.ts>");
const entry = path.relative(root, path.resolve(file));
const bundle = await ensureBundle({
  entry,
  name: `e2e-${path.relative("tests/e2e", entry).replaceAll(path.sep, "-").replace(/\.ts$/, ".mjs")}`,
  // The seed scripts import only lib (the generated Prisma client included), which imports models.
  sources: [entry, "lib", "lib/generated", "models", "tests/e2e/seed-bundle.mjs", "scripts/esbuild-bundle.mjs", "package-lock.json", "tsconfig.json"],
  // As the import command's heavy bundle (scripts/import-cli.mjs, which says why server-only is bundled).
  external: ["better-sqlite3", "@prisma/*", "pg-boss"],
});
process.stdout.write(bundle);
