import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { ApproveClaimInput } from "./schemas";

/** A claim's approval: the review chosen as final, by whom and when. */
export type ApprovedClaim = {
  id: string;
  state: string;
  approvedReviewId: string;
  approvedById: string;
  approvedAt: Date;
  verdict: string;
};

/**
 * An editor approves one review of a claim as its final verdict; the claim is then locked (no
 * review or claim edits) until an editor reopens it. The caller has checked the editor role; here
 * the review must belong to the claim and carry a verdict.
 */
export async function approveClaim(db: Database, input: ApproveClaimInput & { viewer: SignedInViewer }): Promise<ApprovedClaim> {
  const { viewer, ...rest } = input;
  const data = ApproveClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { id: true, articleId: true, state: true, approvedReviewId: true },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
    if (claim.state === "dismissed") throw new AppError("CONFLICT", "This claim is dismissed: restore the claim first.");
    if (claim.state === "orphaned") throw new AppError("CONFLICT", "This claim could not be placed in the latest text; place it before approving.");
    if (claim.state === "approved") {
      throw new AppError("CONFLICT", "This claim is already approved; reopen it first to approve a different review.");
    }
    const review = await tx.review.findUnique({ where: { id: data.reviewId }, select: { id: true, claimId: true, verdict: true } });
    if (!review || review.claimId !== claim.id) {
      throw new AppError("BAD_INPUT", "That review is not one of this claim's reviews.");
    }
    if (review.verdict === null) throw new AppError("INVALID", "This review has no verdict yet; only a review with a verdict can be approved.");

    const approved = await tx.claim.update({
      where: { id: claim.id },
      data: { state: "approved", approvedReviewId: review.id, approvedById: viewer.id, approvedAt: new Date() },
      select: { id: true, state: true, approvedAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.approve",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { state: claim.state },
      after: { state: approved.state, approvedReviewId: review.id, verdict: review.verdict },
    });
    return {
      id: approved.id,
      state: approved.state,
      approvedReviewId: review.id,
      approvedById: viewer.id,
      approvedAt: approved.approvedAt ?? new Date(),
      verdict: review.verdict,
    };
  });
}
