/**
 * `npm run import -- FILE [--slug S] [--job]`: imports a Markdown, plain-text or HTML article. Prints
 * one line: created / revised (with how the claims were re-anchored) / unchanged. Bad input exits 1
 * with a one-line reason and writes nothing. On a terminal, stderr shows a progress bar meanwhile.
 * `--job` on PostgreSQL hands the import to the job queue (lib/jobs) and waits for a worker to do
 * it, with the same bar and line; on SQLite it is accepted and the import runs here, as jobs do there.
 */
import { parseArgs } from "node:util";
import type { ImportOutcome } from "@/lib/articles/import-article";
import { readArticleFile } from "@/lib/articles/source-file";
import { unchangedFile } from "@/lib/articles/unchanged-file";
import { databaseUrl } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { cliMessage } from "@/lib/errors";

const USAGE = "usage: npm run import -- FILE [--slug SLUG] [--job]";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { slug: { type: "string" }, job: { type: "boolean" } } });
  if (positionals.length !== 1) throw new Error(USAGE);
  const file = positionals[0]!;
  // Read and check the file before touching the database: refused input writes nothing at all.
  const text = await readArticleFile(file);
  migrateDatabase();
  // An unchanged file, of any format, is answered before the claim pipeline and Prisma are even loaded.
  const unchanged = await unchangedFile(databaseUrl(), { text, fileName: file, slug: values.slug });
  if (unchanged) return report({ status: "unchanged", ...unchanged });

  report(await (await loadImportRun()).runImport({ text, file, slug: values.slug, job: values.job }));
}

type ImportRun = typeof import("./import-run");

/**
 * The heavy half (import-run.ts): from its own bundle when scripts/import-cli.mjs started this one
 * (it leaves a loader on globalThis), else from source (tsx). The specifier is built at run time so
 * the bundler never pulls the pipeline and Prisma into this light bundle.
 */
function loadImportRun(): Promise<ImportRun> {
  const fromBundle = (globalThis as { claimdeskImportRun?: () => Promise<ImportRun> }).claimdeskImportRun;
  if (fromBundle) return fromBundle();
  const source = new URL("./import-run.ts", import.meta.url).href;
  return import(source) as Promise<ImportRun>;
}

function report(outcome: ImportOutcome): void {
  const what = { created: "imported", revised: "new revision", unchanged: "unchanged" }[outcome.status];
  console.log(`${what}: ${outcome.slug} revision ${outcome.revisionNumber}, ${outcome.claimCount} claims${reanchorSummary(outcome)}`);
}

/** " (24 re-anchored: 22 exact, 2 changed; 1 orphaned; 2 new)" for a new revision, else "". */
function reanchorSummary({ reanchored: r }: ImportOutcome): string {
  if (!r) return "";
  const restored = r.restored > 0 ? `, ${r.restored} of them back from orphaned` : "";
  return ` (${r.exact + r.changed} re-anchored: ${r.exact} exact, ${r.changed} changed${restored}; ${r.orphaned} orphaned; ${r.added} new)`;
}

main().catch((error: unknown) => {
  console.error(`import failed: ${cliMessage(error)}`);
  process.exit(1);
});
