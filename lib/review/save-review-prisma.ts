import type { Database } from "@/lib/db/create-database";
import { displayName, type SignedInViewer } from "./claim-rules";
import { recordAudit, reviewSnapshot, type Tx } from "./record-audit";
import { conflictError, decideSave, savedReview, stateAfterSave, type ClaimRead, type ReviewRow, type SavedReview, type SaveRequest, type Yours } from "./save-review-rules";

const REVIEW_FIELDS = {
  id: true,
  claimId: true,
  reviewerId: true,
  verdict: true,
  confidence: true,
  note: true,
  version: true,
  updatedAt: true,
} as const;

/**
 * saveReview through Prisma: the engine on PostgreSQL, and on any client that does not hand out its
 * SQLite connection. One transaction of four statements on the common path (profiled: it was ten,
 * most of a save's CPU being Prisma building and interpreting them): the claim with all its reviews
 * in one read (Prisma sends it as two SELECTs), the review's write (its version check is in the
 * WHERE, and the write returns the row), the audit event, and the claim's state only when it
 * changes. The reviewer's name is read only for a conflict message.
 */
export async function saveReviewWithPrisma(db: Database, viewer: SignedInViewer, request: SaveRequest): Promise<SavedReview> {
  const yours: Yours = { verdict: request.verdict, confidence: request.confidence, note: request.note };
  try {
    return await db.$transaction(async (tx) => {
      const claim: ClaimRead | null = await tx.claim.findUnique({
        where: { id: request.claimId },
        select: { id: true, articleId: true, state: true, reviews: { select: REVIEW_FIELDS } },
      });
      const decision = decideSave(claim, viewer, request);
      if (decision.kind === "conflict") throw await conflict(tx, yours, decision.theirs);
      if (decision.kind === "unchanged") return savedReview(decision.existing);
      if (decision.kind === "create") {
        const created = await tx.review.create({
          data: { claimId: claim!.id, reviewerId: viewer.id, ...yours, version: 1 },
          select: REVIEW_FIELDS,
        });
        await finish(tx, viewer, claim!, null, created);
        return savedReview(created);
      }
      const { existing } = decision;
      // The version check is part of the write: a save that slipped in since the read finds no row.
      const saved = await tx.review
        .update({ where: { id: existing.id, version: existing.version }, data: { ...yours, version: { increment: 1 } }, select: REVIEW_FIELDS })
        .catch(async (error: unknown) => {
          if (!hasCode(error, "P2025")) throw error;
          throw await conflict(tx, yours, await tx.review.findUniqueOrThrow({ where: { id: existing.id }, select: REVIEW_FIELDS }));
        });
      await finish(tx, viewer, claim!, existing, saved);
      return savedReview(saved);
    });
  } catch (error) {
    // Two first saves of the same review at once: the unique (claimId, reviewerId) refuses the second.
    if (hasCode(error, "P2002") && !request.reviewId) {
      const theirs = await db.review.findUnique({
        where: { claimId_reviewerId: { claimId: request.claimId, reviewerId: viewer.id } },
        select: REVIEW_FIELDS,
      });
      if (theirs) throw await conflict(db, yours, theirs);
    }
    throw error;
  }
}

/** The audit event, and the claim's state brought in line with its reviews as they now are. */
async function finish(tx: Tx, viewer: SignedInViewer, claim: ClaimRead, before: ReviewRow | null, after: ReviewRow): Promise<void> {
  await recordAudit(tx, {
    actorId: viewer.id,
    action: "review.save",
    entityType: "review",
    entityId: after.id,
    articleId: claim.articleId,
    before: before && reviewSnapshot(before),
    after: reviewSnapshot(after),
  });
  // The claim and its reviews were read in this transaction, so the new state needs no second read.
  const state = stateAfterSave(claim, after);
  if (state) await tx.claim.update({ where: { id: claim.id }, data: { state }, select: { id: true } });
}

async function conflict(tx: Tx | Database, yours: Yours, theirs: ReviewRow) {
  const reviewer = await tx.user.findUnique({ where: { id: theirs.reviewerId }, select: { name: true, email: true } });
  return conflictError(yours, theirs, reviewer ? displayName(reviewer) : "someone");
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === code;
}
