import { guardedRoute } from "@/lib/auth/guard";
import { createArticle } from "@/lib/articles/create-article";
import { IMPORT_EVENTS_TYPE, importEventStream } from "@/lib/articles/import-events";
import { readImportForm } from "@/lib/articles/import-request";
import type { OnImportProgress } from "@/lib/articles/import-progress";
import { CreateArticleInput } from "@/lib/articles/new-article-schemas";
import { db } from "@/lib/db/client";
import { listArticlesPage } from "@/lib/desk/list-articles-page";

/** GET /api/articles?page=&pageSize=: every article, a page at a time (pageSize at most 100). */
export const GET = guardedRoute("workbench.view", async (request) => {
  const search = new URL(request.url).searchParams;
  const page = await listArticlesPage(db, { page: search.get("page") ?? undefined, pageSize: search.get("pageSize") ?? undefined });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});

/**
 * POST /api/articles (multipart: `file` or `text`, and optional title, slug, publisher, author,
 * originalUrl, publishedOn): creates an article, as the import form does. 201 with the outcome; a
 * taken slug is a 409. With `Accept: application/x-ndjson` (the import form) the answer is a stream
 * of the import's stages, then the outcome or the refusal (import-events.ts). A route handler, not a
 * server action, so the file's own bytes reach the command line's reader, and an API token can
 * import too.
 */
export const POST = guardedRoute("article.import", async (request, { viewer }) => {
  const { input, source } = await readImportForm(request, CreateArticleInput);
  const { title, slug, publisher, author, originalUrl, publishedOn } = input;
  const fields = { title, slug, publisher, author, originalUrl, publishedOn };
  const create = (onProgress?: OnImportProgress) => createArticle(db, { source, fields, actorId: viewer.id }, { signal: request.signal, onProgress });
  if (request.headers.get("accept")?.includes(IMPORT_EVENTS_TYPE)) {
    return new Response(importEventStream(create), { headers: { "Content-Type": IMPORT_EVENTS_TYPE, "Cache-Control": "no-store" } });
  }
  return Response.json({ data: await create() }, { status: 201 });
});
