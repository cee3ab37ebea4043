import { assertOwnsReview } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { assertClaimEditable, displayName, stateForReviews, type SignedInViewer } from "./claim-rules";
import { recordAudit, reviewSnapshot, type Tx } from "./record-audit";
import { SaveReviewInput } from "./schemas";

/** A review as the form needs it after a save: the new version is the one to send next time. */
export type SavedReview = {
  id: string;
  version: number;
  verdict: string | null;
  confidence: string | null;
  note: string;
  updatedAt: Date;
};

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

type Yours = { verdict: string | null; confidence: string | null; note: string };
type ReviewRow = Yours & { id: string; claimId: string; reviewerId: string; version: number; updatedAt: Date };

/**
 * Saves a review with optimistic concurrency. With `expectedVersion: null` it creates the viewer's
 * review of the claim; otherwise it updates the review only if it is still at `expectedVersion`,
 * and bumps the version. A stale save throws CONFLICT carrying both versions and writes nothing.
 * `reviewId` names another person's review, which only an editor may edit (assertOwnsReview).
 *
 * One transaction of four statements on the common path (profiled: it was ten, most of a save's
 * CPU being Prisma building and interpreting them): the claim with all its reviews in one read
 * (Prisma sends it as two SELECTs), the review's write (its version check is in the WHERE, and
 * the write returns the row), the audit event, and the claim's state only when it changes. The
 * state the reviews warrant is worked out from the reviews already read (stateForReviews), and the
 * reviewer's name is read only for a conflict message.
 */
export async function saveReview(db: Database, input: SaveReviewInput & { viewer: SignedInViewer }): Promise<SavedReview> {
  const { viewer, ...rest } = input;
  const data = SaveReviewInput.parse(rest);
  const yours: Yours = { verdict: data.verdict, confidence: data.confidence, note: data.note };
  try {
    return await db.$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({
        where: { id: data.claimId },
        select: { id: true, articleId: true, state: true, reviews: { select: REVIEW_FIELDS } },
      });
      if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
      assertClaimEditable(claim);
      const existing = data.reviewId ? claim.reviews.find((r) => r.id === data.reviewId) : claim.reviews.find((r) => r.reviewerId === viewer.id);
      if (data.reviewId && !existing) {
        throw new AppError("NOT_FOUND", "That review is not one of this claim's reviews; reload the page.");
      }

      // No review yet: nothing can be overwritten, so create it whatever version the form had.
      if (!existing) {
        const created = await tx.review.create({
          data: { claimId: claim.id, reviewerId: viewer.id, ...yours, version: 1 },
          select: REVIEW_FIELDS,
        });
        await finish(tx, viewer, claim, null, created);
        return pick(created);
      }

      assertOwnsReview(viewer, existing);
      if (data.expectedVersion !== existing.version) throw await conflict(tx, yours, existing);
      if (existing.verdict === yours.verdict && existing.confidence === yours.confidence && existing.note === yours.note) {
        return pick(existing); // a repeated save (a key pressed twice) changes nothing and is not history
      }
      // The version check is part of the write: a save that slipped in since the read finds no row.
      const saved = await tx.review
        .update({ where: { id: existing.id, version: data.expectedVersion }, data: { ...yours, version: { increment: 1 } }, select: REVIEW_FIELDS })
        .catch(async (error: unknown) => {
          if (!isNotFound(error)) throw error;
          throw await conflict(tx, yours, await tx.review.findUniqueOrThrow({ where: { id: existing.id }, select: REVIEW_FIELDS }));
        });
      await finish(tx, viewer, claim, existing, saved);
      return pick(saved);
    });
  } catch (error) {
    // Two first saves of the same review at once: the unique (claimId, reviewerId) refuses the second.
    if (isUniqueViolation(error) && !data.reviewId) {
      const theirs = await db.review.findUnique({
        where: { claimId_reviewerId: { claimId: data.claimId, reviewerId: viewer.id } },
        select: REVIEW_FIELDS,
      });
      if (theirs) throw await conflict(db, yours, theirs);
    }
    throw error;
  }
}

type ClaimRead = { id: string; articleId: string; state: string; reviews: ReviewRow[] };

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
  // Approved, dismissed and orphaned claims keep their state (settleClaimState's rule); the claim
  // and its reviews were read in this transaction, so the new state needs no second read.
  if (!["open", "in_review", "reviewed"].includes(claim.state)) return;
  const state = stateForReviews([...claim.reviews.filter((r) => r.id !== after.id), after]);
  if (state !== claim.state) await tx.claim.update({ where: { id: claim.id }, data: { state }, select: { id: true } });
}

function pick(review: ReviewRow): SavedReview {
  const { id, version, verdict, confidence, note, updatedAt } = review;
  return { id, version, verdict, confidence, note, updatedAt };
}

/** The CONFLICT a stale save gets: both versions, so the form can show them side by side. */
async function conflict(tx: Tx | Database, yours: Yours, theirs: ReviewRow): Promise<AppError> {
  const reviewer = await tx.user.findUnique({ where: { id: theirs.reviewerId }, select: { name: true, email: true } });
  const reviewerName = reviewer ? displayName(reviewer) : "someone";
  return new AppError(
    "CONFLICT",
    `Someone else saved this review first (it is now at version ${theirs.version}). Nothing was overwritten: compare the two versions, then save again.`,
    {
      details: {
        yours,
        theirs: {
          verdict: theirs.verdict,
          confidence: theirs.confidence,
          note: theirs.note,
          version: theirs.version,
          updatedAt: theirs.updatedAt.toISOString(),
          reviewerName,
        },
      },
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

/** Prisma's "no row matched" on update: here, the version moved on since the read. */
function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2025";
}
