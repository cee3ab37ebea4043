import { importArticle, type ImportArticleInput, type ImportOutcome } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { workerProcessing, type ArticleProcessing } from "@/lib/processing";
import { ImportRevisionInput } from "./schemas";

/** Pasted text has no file name; without an extension the format is told from the text itself. */
const PASTED = "pasted text";

/**
 * Imports a new revision of an existing article from the revisions page: importArticle under the
 * article's slug, so claims are re-anchored. Refuses an unknown slug rather than creating an
 * article from a form that was meant to update one. The caller checks `article.import`.
 *
 * The text is read and its claims found in a worker thread first (lib/processing), within the time
 * limit, so a hostile upload is refused with a sentence while the server goes on answering; the
 * import then reuses that reading and re-anchors in a worker too. Nothing is written unless the
 * worker answered in time and `signal` (the request's, where the caller has one) is not aborted.
 */
export async function importRevision(
  db: Database,
  input: ImportRevisionInput & { actorId: string },
  options: { signal?: AbortSignal; timeLimitMs?: number } = {},
): Promise<ImportOutcome> {
  const { actorId, ...rest } = input;
  const data = ImportRevisionInput.parse(rest);
  const article = await db.article.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "This article no longer exists; import it as a new article instead.");
  const fileName = data.fileName || PASTED;
  const processing = reusingReading(workerProcessing(options));
  await processing.readArticle(data.text, { fileName });
  if (options.signal?.aborted) throw new AppError("BAD_INPUT", "The upload was cancelled before it was processed; nothing was imported.");
  // importArticle takes `processing` for its reading and re-anchoring (see the report of issue 11 §8).
  const importInput: ImportArticleInput & { processing: ArticleProcessing } = { text: data.text, fileName, slug: data.slug, actorId, processing };
  return importArticle(db, importInput);
}

/** `processing`, answering a second reading of the same text from the first instead of reading it again. */
function reusingReading(processing: ArticleProcessing): ArticleProcessing {
  let last: { key: string; value: ReturnType<ArticleProcessing["readArticle"]> } | null = null;
  return {
    ...processing,
    readArticle(text, options) {
      const key = `${options.format ?? ""}\u0000${options.fileName ?? ""}\u0000${text}`;
      if (last?.key !== key) last = { key, value: processing.readArticle(text, options) };
      return last.value;
    },
  };
}
