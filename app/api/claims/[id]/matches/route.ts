import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getClaimMatches } from "@/lib/matching-review/get-claim-matches";

/**
 * GET the earlier, checked claims a claim matches (issue 16), as the workbench's "Checked before"
 * shows them: relation, score and reasons, the earlier claim, its article, verdicts, notes (Markdown)
 * and sources. Same permission as the workbench; an unknown or hidden claim is 404.
 */
export const GET = guardedRoute<{ id: string }>("workbench.view", async (_request, { params, viewer }) => {
  const data = await getClaimMatches(db, { viewer, claimId: params.id });
  return Response.json({ data }, { headers: { "Cache-Control": "private, no-store" } });
});
