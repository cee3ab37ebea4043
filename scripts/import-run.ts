/**
 * The heavy half of `npm run import` (scripts/import.ts): the claim pipeline, Prisma and the progress
 * bar, loaded only once the file is known to need importing. The bundled command (scripts/import-cli.mjs)
 * builds it as a bundle of its own, so an identical re-import never loads it at all.
 */
import { importArticle, type ImportOutcome } from "@/lib/articles/import-article";
import type { OnImportProgress } from "@/lib/articles/import-progress";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { databaseUrl, engineOf } from "@/lib/db/database-url";
import { AppError } from "@/lib/errors";
import { openJobQueue, type JobPayload } from "@/lib/jobs";
import { NO_WORKER_TEXT, watchJob } from "@/lib/jobs/watch-job";
import { importProgressBar } from "./import-progress-bar";

/**
 * Imports `text` (read from `file`) under `slug` when given, with the progress bar on a terminal:
 * here, or with `job` on PostgreSQL as a job of the queue that a worker does (importAsJob).
 */
export async function runImport({ text, file, slug, job = false }: { text: string; file: string; slug?: string; job?: boolean }): Promise<ImportOutcome> {
  const db = createDatabase();
  const progress = importProgressBar();
  try {
    const outcome =
      job && engineOf(databaseUrl()) === "postgresql"
        ? await importAsJob(db, { text, fileName: file, slug }, progress?.onProgress)
        : await importArticle(db, { text, fileName: file, slug, onProgress: progress?.onProgress });
    progress?.stop();
    return outcome;
  } finally {
    progress?.stop();
    await db.$disconnect();
  }
}

/**
 * Queues the import as an "import-file" job (this process only queues: `work: false`) and follows
 * it to the end, drawing its progress on the same bar. A refusal comes back as the domain's own
 * error, so the command prints the sentence an inline import would. While no worker takes it, the
 * no-worker sentence goes to stderr once, without the browser's "you may leave this page".
 */
async function importAsJob(db: Database, payload: JobPayload<"import-file">, onProgress?: OnImportProgress): Promise<ImportOutcome> {
  const queue = await openJobQueue(db, { work: false });
  try {
    const { id } = await queue.enqueue("import-file", payload);
    const onWaiting = (text: string) => {
      if (text === NO_WORKER_TEXT) console.error(text.replace("; you may leave this page", ""));
    };
    const job = await watchJob(queue, id, { onProgress, onWaiting });
    if (job.state === "failed") throw new AppError(job.error!.code, job.error!.message);
    return job.result as ImportOutcome;
  } finally {
    await queue.stop({ graceMs: 0 });
  }
}
