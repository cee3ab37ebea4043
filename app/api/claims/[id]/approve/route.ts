import { guardedRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { readJsonBody } from "@/lib/processing/read-json-body";
import { approveClaim } from "@/lib/review/approve-claim";
import { ApproveClaimInput } from "@/lib/review/schemas";

/** POST { reviewId }: an editor approves one review as the claim's final verdict. */
export const POST = guardedRoute<{ id: string }>("claim.approve", async (request, { params, viewer }) => {
  const body = await readJsonBody(request, { example: '{"reviewId": "…"}' });
  const input = ApproveClaimInput.parse({ ...(typeof body === "object" && body ? body : {}), claimId: params.id });
  const approved = await approveClaim(db, { viewer, ...input });
  return Response.json({ data: approved });
});
