import type { Database } from "@/lib/db/create-database";
import { citationSnapshot, CITATION_FIELDS, recordLockedSourceCorrection, toSavedCitation, upsertSource, type SavedCitation } from "./citation-rows";
import { assertClaimEditable, findClaimForChange, settleClaimState, type SignedInViewer } from "./claim-rules";
import { recordAudit, reviewSnapshot, type Tx } from "./record-audit";
import { AddCitationInput } from "./schemas";

/**
 * Cites a source in the viewer's review of a claim. A reviewer often finds the evidence before
 * deciding the verdict, so a viewer without a review gets an empty one (version 1) first. The
 * source is shared by normalised URL. Citations are rows of their own: the review's version is not
 * bumped, so adding evidence never makes an open review form stale. A source an approved verdict
 * cites keeps its stored metadata unless the viewer is an editor; `notice` then says why.
 */
export async function addCitation(db: Database, input: AddCitationInput & { viewer: SignedInViewer }): Promise<SavedCitation & { notice?: string }> {
  const { viewer, ...rest } = input;
  const data = AddCitationInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await findClaimForChange(tx, data.claimId);
    assertClaimEditable(claim);
    const reviewId = await ownReviewId(tx, viewer, claim);
    const source = await upsertSource(tx, data, { viewer });
    const last = await tx.citation.aggregate({ where: { reviewId }, _max: { position: true } });
    const row = await tx.citation.create({
      data: {
        reviewId,
        sourceId: source.id,
        stance: data.stance,
        excerpt: data.excerpt,
        accessedOn: data.accessedOn,
        archiveUrl: data.archiveUrl ?? null,
        position: (last._max.position ?? -1) + 1,
      },
      select: CITATION_FIELDS,
    });
    const citation = toSavedCitation(row);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "citation.add",
      entityType: "citation",
      entityId: citation.id,
      articleId: claim.articleId,
      after: citationSnapshot(claim.id, citation),
    });
    if (source.correctedLocked) {
      await recordLockedSourceCorrection(tx, { actorId: viewer.id, articleId: claim.articleId, claimId: claim.id, citationId: citation.id, sourceId: source.id, change: source.correctedLocked });
    }
    return source.notice ? { ...citation, notice: source.notice } : citation;
  });
}

/** The viewer's review of the claim, created empty (and audited) when there is none yet. */
async function ownReviewId(tx: Tx, viewer: SignedInViewer, claim: { id: string; articleId: string }): Promise<string> {
  const mine = await tx.review.findUnique({
    where: { claimId_reviewerId: { claimId: claim.id, reviewerId: viewer.id } },
    select: { id: true },
  });
  if (mine) return mine.id;
  const created = await tx.review.create({
    data: { claimId: claim.id, reviewerId: viewer.id, version: 1 },
    select: { id: true, claimId: true, reviewerId: true, verdict: true, confidence: true, note: true, version: true },
  });
  await recordAudit(tx, {
    actorId: viewer.id,
    action: "review.save",
    entityType: "review",
    entityId: created.id,
    articleId: claim.articleId,
    after: reviewSnapshot(created),
  });
  await settleClaimState(tx, claim.id);
  return created.id;
}
