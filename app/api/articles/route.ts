import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listArticlesPage } from "@/lib/desk/list-articles-page";

/** GET /api/articles?page=&pageSize=: every article, a page at a time (pageSize at most 100). */
export const GET = guardedRoute("workbench.view", async (request) => {
  const search = new URL(request.url).searchParams;
  const page = await listArticlesPage(db, { page: search.get("page") ?? undefined, pageSize: search.get("pageSize") ?? undefined });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
