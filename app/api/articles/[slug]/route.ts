import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getArticleSummary } from "@/lib/desk/get-article-summary";

/** GET /api/articles/<slug>: one article's metadata, latest revision and claims per state. */
export const GET = guardedRoute<{ slug: string }>("workbench.view", async (_request, { params }) => {
  const article = await getArticleSummary(db, { slug: params.slug });
  return Response.json({ data: article }, { headers: { "Cache-Control": "private, no-store" } });
});
