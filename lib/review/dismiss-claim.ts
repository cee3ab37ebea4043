import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { assertClaimEditable, CLAIM_SUMMARY, findClaimForChange, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { DismissClaimInput } from "./schemas";

/**
 * Dismisses a claim that is not worth checking, with the reason shown to the next person. Nothing
 * is deleted: reviews stay with the claim and restoreClaim brings it back.
 */
export async function dismissClaim(db: Database, input: DismissClaimInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = DismissClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await findClaimForChange(tx, data.claimId);
    if (claim.state === "dismissed") throw new AppError("CONFLICT", "This claim is already dismissed.");
    assertClaimEditable(claim);
    const updated = await tx.claim.update({
      where: { id: claim.id },
      data: { state: "dismissed", dismissReason: data.reason },
      select: CLAIM_SUMMARY,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.dismiss",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { state: claim.state },
      after: { state: updated.state, dismissReason: updated.dismissReason },
    });
    return updated;
  });
}
