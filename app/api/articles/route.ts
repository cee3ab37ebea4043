import { guardedRoute } from "@/lib/auth/guard";
import { createArticle } from "@/lib/articles/create-article";
import { readImportForm } from "@/lib/articles/import-request";
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
 * taken slug is a 409. A route handler, not a server action, so the file's own bytes reach the
 * command line's reader, and an API token can import too.
 */
export const POST = guardedRoute("article.import", async (request, { viewer }) => {
  const { input, source } = await readImportForm(request, CreateArticleInput);
  const { title, slug, publisher, author, originalUrl, publishedOn } = input;
  const fields = { title, slug, publisher, author, originalUrl, publishedOn };
  const outcome = await createArticle(db, { source, fields, actorId: viewer.id }, { signal: request.signal });
  return Response.json({ data: outcome }, { status: 201 });
});
