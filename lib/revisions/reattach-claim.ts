import { extractQuantities } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { anchorSpan } from "@/lib/review/anchor-span";
import { CLAIM_SUMMARY, renumberClaims, stateForReviews, type ClaimSummary, type SignedInViewer } from "@/lib/review/claim-rules";
import { recordAudit } from "@/lib/review/record-audit";
import { ReattachClaimInput } from "./schemas";

const DUPLICATE_REASON = "duplicate of a re-attached claim";

/**
 * An editor puts an orphaned claim back into the text: on the span they selected in the latest
 * revision, in the state it had before it was orphaned (the editor judged this the claim's place;
 * its reviews come back with it). When the selected words differ from the claim's old text the
 * claim is marked changed, so reviewers see both texts side by side.
 *
 * A new claim the import extracted from exactly this span, with no reviews yet, is the same claim
 * found again: it is dismissed as a duplicate. One with reviews of its own is not touched; the
 * editor decides between the two first. The caller checks the permission (editors).
 */
export async function reattachClaim(db: Database, input: ReattachClaimInput & { viewer: SignedInViewer }): Promise<ClaimSummary> {
  const { viewer, ...rest } = input;
  const data = ReattachClaimInput.parse(rest);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: data.claimId },
      select: { ...CLAIM_SUMMARY, stateBeforeOrphan: true, reviews: { select: { verdict: true } } },
    });
    if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
    if (claim.state !== "orphaned") throw new AppError("CONFLICT", "This claim is not orphaned: it already has its place in the text.");
    const revision = await tx.revision.findUnique({ where: { id: data.revisionId }, select: { id: true, articleId: true, number: true, text: true } });
    if (!revision || revision.articleId !== claim.articleId) throw new AppError("NOT_FOUND", "This revision of the article no longer exists; reload the page.");
    const latest = await tx.revision.findFirst({ where: { articleId: revision.articleId }, orderBy: { number: "desc" }, select: { id: true } });
    if (latest?.id !== revision.id) {
      throw new AppError("CONFLICT", "The article was re-imported since you opened it; reload the page and select the text again.");
    }

    const anchor = anchorSpan(revision.text, data.sourceStart, data.sourceEnd);
    const twin = await tx.claim.findFirst({
      where: { revisionId: revision.id, sourceStart: anchor.sourceStart, sourceEnd: anchor.sourceEnd, state: { notIn: ["dismissed", "orphaned"] } },
      select: { id: true, state: true, _count: { select: { reviews: true } } },
    });
    if (twin && twin._count.reviews > 0) {
      throw new AppError("CONFLICT", "Another claim with reviews of its own covers exactly this text; dismiss or merge it first, or select other text.");
    }
    if (twin) {
      await tx.claim.update({ where: { id: twin.id }, data: { state: "dismissed", dismissReason: DUPLICATE_REASON } });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "claim.dismiss",
        entityType: "claim",
        entityId: twin.id,
        articleId: claim.articleId,
        before: { state: twin.state },
        after: { state: "dismissed", dismissReason: DUPLICATE_REASON, duplicateOf: claim.id },
      });
    }

    const changed = anchor.quoteExact !== claim.quoteExact;
    const state = claim.stateBeforeOrphan ?? stateForReviews(claim.reviews);
    const last = await tx.claim.aggregate({ where: { revisionId: revision.id }, _max: { position: true } });
    await tx.claim.update({
      where: { id: claim.id },
      data: {
        revisionId: revision.id,
        sourceStart: anchor.sourceStart,
        sourceEnd: anchor.sourceEnd,
        quoteExact: anchor.quoteExact,
        quotePrefix: anchor.quotePrefix,
        quoteSuffix: anchor.quoteSuffix,
        textStart: null,
        textEnd: null,
        ...(changed ? { text: anchor.text, quantities: JSON.stringify(extractQuantities(anchor.text)) } : {}),
        state,
        stateBeforeOrphan: null,
        anchorStatus: changed ? "changed" : "exact",
        previousText: changed ? claim.text : null,
        previousRevisionId: claim.revisionId,
        // Past the end for now; renumbering puts it in reading order.
        position: (last._max.position ?? -1) + 1,
      },
    });
    await renumberClaims(tx, revision.id);
    const anchorRow = { status: changed ? "changed" : "exact", sourceStart: anchor.sourceStart, sourceEnd: anchor.sourceEnd, text: changed ? anchor.text : claim.text };
    await tx.claimAnchor.upsert({
      where: { claimId_revisionId: { claimId: claim.id, revisionId: revision.id } },
      create: { claimId: claim.id, revisionId: revision.id, ...anchorRow },
      update: anchorRow,
    });
    const updated = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: CLAIM_SUMMARY });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.reattach",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: { state: claim.state, revisionId: claim.revisionId, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd, text: claim.text },
      after: {
        state: updated.state,
        revisionId: revision.id,
        revisionNumber: revision.number,
        sourceStart: updated.sourceStart,
        sourceEnd: updated.sourceEnd,
        text: updated.text,
        ...(twin ? { dismissedDuplicate: twin.id } : {}),
      },
    });
    return updated;
  });
}
