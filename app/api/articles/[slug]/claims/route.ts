import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listClaimsPage } from "@/lib/desk/list-claims-page";
import { articleNotFound, getVisibleArticle } from "@/lib/home/get-visible-article";

/** GET /api/articles/<slug>/claims?page=&pageSize=: claims with their reviews and citations. */
export const GET = guardedRoute<{ slug: string }>("workbench.view", async (request, { params, viewer }) => {
  const search = new URL(request.url).searchParams;
  const page = await listClaimsPage(db, {
    slug: params.slug,
    page: search.get("page") ?? undefined,
    pageSize: search.get("pageSize") ?? undefined,
  });
  // After the listing, which validates the slug (422) and answers a missing one (404): a draft the
  // policy keeps from this viewer (canSeeArticle) gets that same 404.
  if (!(await getVisibleArticle(db, { slug: params.slug, viewer }))) throw articleNotFound(params.slug);
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
