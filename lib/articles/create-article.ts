import "server-only";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { workerProcessing, type ArticleProcessing } from "@/lib/processing";
import type { ArticleSource } from "./article-source";
import { describeArticle } from "./describe-article";
import { importArticle, type ImportOutcome, type OnImportProgress } from "./import-article";
import type { ArticleFields } from "./new-article-schemas";
import { PASTED_FILE_NAME } from "./preview-article";
import { NewSlug } from "./slug";

/**
 * Creates an article from the import form: the text (a file's or pasted), with the metadata the
 * person set winning over what the text says of itself (describe-article.ts). The slug must be
 * free: the form never adds a revision to another article (CONFLICT on the slug field). The text
 * is read and its claims found once, in the processing worker, as a revision upload does; the
 * import reuses that reading and writes in one transaction. Nothing is written if the worker
 * refused or `signal` aborted. The caller checks `article.import`. The browser's import runs it
 * as a job ("import-article", lib/jobs): inline on SQLite, in a pg-boss worker on PostgreSQL.
 */
export async function createArticle(
  db: Database,
  input: { source: ArticleSource; fields: Partial<ArticleFields>; actorId: string },
  options: { signal?: AbortSignal; timeLimitMs?: number; processing?: ArticleProcessing; onProgress?: OnImportProgress } = {},
): Promise<ImportOutcome> {
  const { source, fields, actorId } = input;
  const fileName = source.fileName ?? PASTED_FILE_NAME;
  const processing = options.processing ?? workerProcessing(options);
  // The worker's reading is the first stage; importArticle reports the rest.
  options.onProgress?.({ stage: "extracting", done: 0, total: 1 });
  const reading = processing.readArticle(source.text, { fileName });
  const found = describeArticle(await reading, source);
  if (options.signal?.aborted) throw new AppError("BAD_INPUT", "The upload was cancelled before it was processed; nothing was imported.");

  const slug = NewSlug.safeParse(fields.slug ?? found.slug);
  if (!slug.success) {
    const said = slug.error.issues[0]?.message ?? "the slug is not valid";
    const message = `${said[0]!.toUpperCase()}${said.slice(1)}.`;
    throw new AppError("INVALID", message, { fieldErrors: { slug: [message] } });
  }
  const metadata = {
    title: fields.title ?? found.title,
    publisher: fields.publisher ?? found.publisher,
    author: fields.author ?? found.author,
    originalUrl: fields.originalUrl ?? found.originalUrl,
    publishedOn: fields.publishedOn ?? found.publishedOn,
  };
  return importArticle(db, {
    text: source.text,
    fileName,
    slug: slug.data,
    actorId,
    metadata: Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined)),
    mustBeNew: true,
    onProgress: options.onProgress,
    // The reading above, not a second one: importArticle asks for it again.
    processing: { ...processing, readArticle: () => reading },
  });
}
