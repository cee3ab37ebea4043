import { assertOwnsReview } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { citationSnapshot, CITATION_FIELDS, toSavedCitation } from "./citation-rows";
import { assertClaimEditable, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { RemoveCitationInput } from "./schemas";

/**
 * Removes one citation of the viewer's own review. The source stays: other citations may share it,
 * and it keeps being offered as a suggestion. The audit event keeps the citation's last fields, so
 * the claim's history still shows what was removed.
 */
export async function removeCitation(db: Database, input: RemoveCitationInput & { viewer: SignedInViewer }): Promise<{ id: string }> {
  const { viewer, ...rest } = input;
  const data = RemoveCitationInput.parse(rest);
  return db.$transaction(async (tx) => {
    const found = await tx.citation.findUnique({
      where: { id: data.citationId },
      select: { ...CITATION_FIELDS, review: { select: { reviewerId: true, claimId: true, claim: { select: { state: true, articleId: true } } } } },
    });
    if (!found) throw new AppError("NOT_FOUND", "This citation was already removed; reload the page.");
    const { review, ...row } = found;
    assertOwnsReview(viewer, review);
    assertClaimEditable(review.claim);

    await tx.citation.delete({ where: { id: found.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "citation.remove",
      entityType: "citation",
      entityId: found.id,
      articleId: review.claim.articleId,
      before: citationSnapshot(review.claimId, toSavedCitation(row)),
    });
    return { id: found.id };
  });
}
