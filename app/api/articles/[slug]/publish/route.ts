import { publishArticle, unpublishArticle } from "@/lib/articles/publish-article";
import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

/** POST /api/articles/<slug>/publish: an editor publishes the article's reading view. */
export const POST = guardedRoute<{ slug: string }>("article.publish", async (_request, { params, viewer }) => {
  const outcome = await publishArticle(db, { slug: params.slug, viewer });
  return Response.json({ data: outcome });
});

/** DELETE /api/articles/<slug>/publish: an editor takes the reading view down again. */
export const DELETE = guardedRoute<{ slug: string }>("article.publish", async (_request, { params, viewer }) => {
  const outcome = await unpublishArticle(db, { slug: params.slug, viewer });
  return Response.json({ data: outcome });
});
