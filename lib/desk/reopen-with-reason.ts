import { assertCan } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { CLAIM_SUMMARY, stateForReviews, type ClaimSummary, type SignedInViewer } from "@/lib/review/claim-rules";
import { recordAudit } from "@/lib/review/record-audit";
import { ReopenWithReasonInput } from "./schemas";

/**
 * An editor unlocks an approved claim and says why: the approval is cleared, the claim returns to
 * the state its reviews warrant, and the `claim.reopen` audit event keeps the approved review and
 * the reason. Like lib/review/reopen-claim.ts, whose input has no reason yet.
 */
export async function reopenWithReason(db: Database, input: ReopenWithReasonInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  assertCan(viewer, "claim.reopen");
  const data = ReopenWithReasonInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { id: true, articleId: true, state: true, approvedReviewId: true, reviews: { select: { verdict: true } } },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
    if (claim.state !== "approved") throw new AppError("CONFLICT", "This claim is not approved, so there is nothing to reopen.");
    const reopened = await tx.claim.update({
      where: { id: claim.id },
      data: { state: stateForReviews(claim.reviews), approvedReviewId: null, approvedById: null, approvedAt: null },
      select: CLAIM_SUMMARY,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.reopen",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { state: claim.state, approvedReviewId: claim.approvedReviewId },
      after: { state: reopened.state, reason: data.reason },
    });
    return reopened;
  });
}
