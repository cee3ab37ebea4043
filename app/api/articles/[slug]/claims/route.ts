import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { listClaimsPage } from "@/lib/desk/list-claims-page";

/** GET /api/articles/<slug>/claims?page=&pageSize=: claims with their reviews and citations. */
export const GET = guardedRoute<{ slug: string }>("workbench.view", async (request, { params }) => {
  const search = new URL(request.url).searchParams;
  const page = await listClaimsPage(db, {
    slug: params.slug,
    page: search.get("page") ?? undefined,
    pageSize: search.get("pageSize") ?? undefined,
  });
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
