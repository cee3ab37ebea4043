import { assertOwnsReview } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { citationSnapshot, CITATION_FIELDS, recordLockedSourceCorrection, toSavedCitation, upsertSource, type SavedCitation } from "./citation-rows";
import { assertClaimEditable, type SignedInViewer } from "./claim-rules";
import { recordAudit } from "./record-audit";
import { UpdateCitationInput } from "./schemas";

/**
 * Replaces the fields of one citation of the viewer's own review (the form sends them all). A
 * changed URL moves the citation to that URL's source; metadata typed here corrects the source,
 * which every citation of the same page shares. A source an approved verdict cites is corrected
 * only by an editor, and audited; a reviewer's attempt is refused (FORBIDDEN) and changes nothing.
 */
export async function updateCitation(db: Database, input: UpdateCitationInput & { viewer: SignedInViewer }): Promise<SavedCitation> {
  const { viewer, ...rest } = input;
  const data = UpdateCitationInput.parse(rest);
  return db.$transaction(async (tx) => {
    const found = await tx.citation.findUnique({
      where: { id: data.citationId },
      select: { ...CITATION_FIELDS, review: { select: { reviewerId: true, claimId: true, claim: { select: { state: true, articleId: true } } } } },
    });
    if (!found) throw new AppError("NOT_FOUND", "This citation no longer exists; reload the page.");
    const { review, ...row } = found;
    assertOwnsReview(viewer, review);
    assertClaimEditable(review.claim);

    const before = toSavedCitation(row);
    const source = await upsertSource(tx, data, { mode: "correct", viewer });
    const updated = await tx.citation.update({
      where: { id: before.id },
      data: {
        sourceId: source.id,
        stance: data.stance,
        excerpt: data.excerpt,
        accessedOn: data.accessedOn,
        archiveUrl: data.archiveUrl ?? null,
      },
      select: CITATION_FIELDS,
    });
    const after = toSavedCitation(updated);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "citation.update",
      entityType: "citation",
      entityId: after.id,
      articleId: review.claim.articleId,
      before: citationSnapshot(review.claimId, before),
      after: citationSnapshot(review.claimId, after),
    });
    if (source.correctedLocked) {
      await recordLockedSourceCorrection(tx, { actorId: viewer.id, articleId: review.claim.articleId, claimId: review.claimId, citationId: after.id, sourceId: source.id, change: source.correctedLocked });
    }
    return after;
  });
}
