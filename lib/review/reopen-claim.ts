import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { CLAIM_SUMMARY, stateForReviews, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { ReopenClaimInput } from "./schemas";

/**
 * An editor unlocks an approved claim and says why: the approval is cleared (the audit trail keeps
 * which review it was, and the reason) and the claim returns to the state its reviews warrant, open
 * to review edits again. The caller checks the `claim.reopen` permission.
 */
export async function reopenClaim(db: Database, input: ReopenClaimInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = ReopenClaimInput.parse(rest);
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
