import type { Database } from "@/lib/db/create-database";
import { assertClaimEditable, CLAIM_SUMMARY, findClaimForChange, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { ChangeClaimKindInput } from "./schemas";

/**
 * Retypes a claim (statistic, program rule, policy assertion, factual) when the pipeline guessed
 * wrong. Choosing the kind it already has changes nothing and writes no history.
 */
export async function changeClaimKind(db: Database, input: ChangeClaimKindInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = ChangeClaimKindInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await findClaimForChange(tx, data.claimId);
    assertClaimEditable(claim);
    if (claim.kind === data.kind) return claim;
    const updated = await tx.claim.update({ where: { id: claim.id }, data: { kind: data.kind }, select: CLAIM_SUMMARY });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.kind",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { kind: claim.kind },
      after: { kind: updated.kind },
    });
    return updated;
  });
}
