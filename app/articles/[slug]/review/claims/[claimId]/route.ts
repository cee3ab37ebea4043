import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { toClaimView } from "../../claim-view";

/**
 * GET one claim's full detail for the workbench (reviews, citations, history), as JSON: the page
 * carries only the list, and the workbench fetches the selected claim and its neighbours. A route,
 * not a server action: the browser runs server actions one at a time, and a prefetch must never
 * hold up a save.
 */
export const GET = guardedRoute<{ slug: string; claimId: string }>("workbench.view", async (_request, { params, viewer }) => {
  const claim = toClaimView(await getClaimDetail(db, { viewer, slug: params.slug, claimId: params.claimId }), viewer.id);
  return Response.json(claim, { headers: { "Cache-Control": "private, no-store" } });
});
