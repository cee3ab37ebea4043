/**
 * The heavy half of `npm run import` (scripts/import.ts): the claim pipeline, Prisma and the progress
 * bar, loaded only once the file is known to need importing. The bundled command (scripts/import-cli.mjs)
 * builds it as a bundle of its own, so an identical re-import never loads it at all.
 */
import { importArticle, type ImportOutcome } from "@/lib/articles/import-article";
import { createDatabase } from "@/lib/db/create-database";
import { importProgressBar } from "./import-progress-bar";

/** Imports `text` (read from `file`) under `slug` when given, with the progress bar on a terminal. */
export async function runImport({ text, file, slug }: { text: string; file: string; slug?: string }): Promise<ImportOutcome> {
  const db = createDatabase();
  const progress = importProgressBar();
  try {
    const outcome = await importArticle(db, { text, fileName: file, slug, onProgress: progress?.onProgress });
    progress?.stop();
    return outcome;
  } finally {
    progress?.stop();
    await db.$disconnect();
  }
}
