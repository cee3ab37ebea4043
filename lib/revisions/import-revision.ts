import { importArticle, type ImportOutcome } from "@/lib/articles/import-article";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { ImportRevisionInput } from "./schemas";

/** Pasted text has no file name; without an extension the format is told from the text itself. */
const PASTED = "pasted text";

/**
 * Imports a new revision of an existing article from the revisions page: importArticle under the
 * article's slug, so claims are re-anchored. Refuses an unknown slug rather than creating an
 * article from a form that was meant to update one. The caller checks `article.import`.
 */
export async function importRevision(db: Database, input: ImportRevisionInput & { actorId: string }): Promise<ImportOutcome> {
  const { actorId, ...rest } = input;
  const data = ImportRevisionInput.parse(rest);
  const article = await db.article.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "This article no longer exists; import it as a new article instead.");
  return importArticle(db, { text: data.text, fileName: data.fileName || PASTED, slug: data.slug, actorId });
}
