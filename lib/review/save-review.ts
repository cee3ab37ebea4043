import { assertOwnsReview } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { assertClaimEditable, displayName, findClaimForChange, settleClaimState, type SignedInViewer } from "./claim-rules";
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
  reviewer: { select: { name: true, email: true } },
} as const;

type Yours = { verdict: string | null; confidence: string | null; note: string };

/**
 * Saves a review with optimistic concurrency. With `expectedVersion: null` it creates the viewer's
 * review of the claim; otherwise it updates the review only if it is still at `expectedVersion`,
 * and bumps the version. A stale save throws CONFLICT carrying both versions and writes nothing.
 * `reviewId` names another person's review, which only an editor may edit (assertOwnsReview).
 */
export async function saveReview(db: Database, input: SaveReviewInput & { viewer: SignedInViewer }): Promise<SavedReview> {
  const { viewer, ...rest } = input;
  const data = SaveReviewInput.parse(rest);
  const yours: Yours = { verdict: data.verdict, confidence: data.confidence, note: data.note };
  try {
    return await db.$transaction(async (tx) => {
      const claim = await findClaimForChange(tx, data.claimId);
      assertClaimEditable(claim);
      const existing = data.reviewId
        ? await tx.review.findUnique({ where: { id: data.reviewId }, select: REVIEW_FIELDS })
        : await tx.review.findUnique({ where: { claimId_reviewerId: { claimId: claim.id, reviewerId: viewer.id } }, select: REVIEW_FIELDS });
      if (data.reviewId && existing?.claimId !== claim.id) {
        throw new AppError("NOT_FOUND", "That review is not one of this claim's reviews; reload the page.");
      }

      // No review yet: nothing can be overwritten, so create it whatever version the form had.
      if (!existing) {
        const created = await tx.review.create({
          data: { claimId: claim.id, reviewerId: viewer.id, ...yours, version: 1 },
          select: REVIEW_FIELDS,
        });
        await finish(tx, viewer, claim.articleId, null, created);
        return pick(created);
      }

      assertOwnsReview(viewer, existing);
      if (data.expectedVersion !== existing.version) throw conflict(yours, existing);
      if (existing.verdict === yours.verdict && existing.confidence === yours.confidence && existing.note === yours.note) {
        return pick(existing); // a repeated save (a key pressed twice) changes nothing and is not history
      }
      // The version check is part of the write: a save that slipped in since the read makes count 0.
      const { count } = await tx.review.updateMany({
        where: { id: existing.id, version: data.expectedVersion },
        data: { ...yours, version: { increment: 1 } },
      });
      if (count !== 1) {
        throw conflict(yours, await tx.review.findUniqueOrThrow({ where: { id: existing.id }, select: REVIEW_FIELDS }));
      }
      const saved = await tx.review.findUniqueOrThrow({ where: { id: existing.id }, select: REVIEW_FIELDS });
      await finish(tx, viewer, claim.articleId, existing, saved);
      return pick(saved);
    });
  } catch (error) {
    // Two first saves of the same review at once: the unique (claimId, reviewerId) refuses the second.
    if (isUniqueViolation(error) && !data.reviewId) {
      const theirs = await db.review.findUnique({
        where: { claimId_reviewerId: { claimId: data.claimId, reviewerId: viewer.id } },
        select: REVIEW_FIELDS,
      });
      if (theirs) throw conflict(yours, theirs);
    }
    throw error;
  }
}

type ReviewRow = Yours & { id: string; claimId: string; reviewerId: string; version: number; updatedAt: Date; reviewer: { name: string | null; email: string } };

async function finish(tx: Tx, viewer: SignedInViewer, articleId: string, before: ReviewRow | null, after: ReviewRow): Promise<void> {
  await recordAudit(tx, {
    actorId: viewer.id,
    action: "review.save",
    entityType: "review",
    entityId: after.id,
    articleId,
    before: before && reviewSnapshot(before),
    after: reviewSnapshot(after),
  });
  await settleClaimState(tx, after.claimId);
}

function pick(review: ReviewRow): SavedReview {
  const { id, version, verdict, confidence, note, updatedAt } = review;
  return { id, version, verdict, confidence, note, updatedAt };
}

/** The CONFLICT a stale save gets: both versions, so the form can show them side by side. */
function conflict(yours: Yours, theirs: ReviewRow): AppError {
  const reviewerName = displayName(theirs.reviewer);
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
