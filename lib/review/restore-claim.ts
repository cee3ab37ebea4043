import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { CLAIM_SUMMARY, stateForReviews, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { RestoreClaimInput } from "./schemas";

/**
 * Brings a dismissed claim back, to the state its reviews warrant (open, in review or reviewed).
 * A claim dismissed by a merge comes back with its old span, overlapping the merged claim; the
 * reviewer then dismisses or splits one of them.
 */
export async function restoreClaim(db: Database, input: RestoreClaimInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = RestoreClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { ...CLAIM_SUMMARY, reviews: { select: { verdict: true } } },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
    if (claim.state !== "dismissed") throw new AppError("CONFLICT", "This claim is not dismissed, so there is nothing to restore.");
    const updated = await tx.claim.update({
      where: { id: claim.id },
      data: { state: stateForReviews(claim.reviews), dismissReason: null },
      select: CLAIM_SUMMARY,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.restore",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { state: claim.state, dismissReason: claim.dismissReason },
      after: { state: updated.state },
    });
    return updated;
  });
}
