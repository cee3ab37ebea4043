import { guardedRoute } from "@/lib/auth/guard";
import { canSeeArticle } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { getArticleSummary } from "@/lib/desk/get-article-summary";
import { articleNotFound } from "@/lib/home/get-visible-article";

/** GET /api/articles/<slug>: one article's metadata, latest revision and claims per state. */
export const GET = guardedRoute<{ slug: string }>("workbench.view", async (_request, { params, viewer }) => {
  const article = await getArticleSummary(db, { slug: params.slug });
  // Everyone the guard lets in may see drafts today; asking canSeeArticle keeps this read on the
  // policy's one rule should that change, with the very 404 of a missing slug.
  if (!canSeeArticle(viewer, article)) throw articleNotFound(article.slug);
  return Response.json({ data: article }, { headers: { "Cache-Control": "private, no-store" } });
});
