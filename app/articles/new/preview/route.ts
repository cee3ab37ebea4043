import { guardedRoute } from "@/lib/auth/guard";
import { readImportForm } from "@/lib/articles/import-request";
import { PreviewArticleInput } from "@/lib/articles/new-article-schemas";
import { previewArticle } from "@/lib/articles/preview-article";
import { db } from "@/lib/db/client";

/**
 * POST /articles/new/preview (multipart: `file` or `text`): the metadata and claims the import
 * form shows before importing, found in the processing worker; nothing is written.
 */
export const POST = guardedRoute("article.import", async (request) => {
  const { source } = await readImportForm(request, PreviewArticleInput);
  const preview = await previewArticle(db, source, { signal: request.signal });
  return Response.json({ data: preview }, { headers: { "Cache-Control": "private, no-store" } });
});
