import { assertOwnsReview } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { assertClaimEditable, stateForReviews, type SignedInViewer } from "./claim-rules";

/**
 * What a save decides, shared by its two engines (save-review-sqlite.ts, save-review-prisma.ts) so
 * both refuse, conflict and write in exactly the same cases: plain data in, a decision out.
 */

/** A review as the form needs it after a save: the new version is the one to send next time. */
export type SavedReview = {
  id: string;
  version: number;
  verdict: string | null;
  confidence: string | null;
  note: string;
  updatedAt: Date;
};

/** What the reviewer sent. */
export type Yours = { verdict: string | null; confidence: string | null; note: string };
export type ReviewRow = Yours & { id: string; claimId: string; reviewerId: string; version: number; updatedAt: Date };
export type ClaimRead = { id: string; articleId: string; state: string; reviews: ReviewRow[] };
export type SaveRequest = Yours & { claimId: string; reviewId?: string; expectedVersion: number | null };

export type SaveDecision =
  | { kind: "create" }
  | { kind: "update"; existing: ReviewRow }
  /** A repeated save (a key pressed twice) changes nothing and is not history. */
  | { kind: "unchanged"; existing: ReviewRow }
  /** Someone saved since the form was loaded: refuse with both versions (conflictError). */
  | { kind: "conflict"; theirs: ReviewRow };

/**
 * Decides a save from the claim and its reviews as read inside the save's transaction. Throws
 * NOT_FOUND for a missing claim or a review that is not the claim's, CONFLICT for a locked claim,
 * FORBIDDEN for another person's review without the editor's right. With no review yet nothing
 * can be overwritten, so a create goes ahead whatever version the form had.
 */
export function decideSave(claim: ClaimRead | null, viewer: SignedInViewer, request: SaveRequest): SaveDecision {
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  assertClaimEditable(claim);
  const existing = request.reviewId ? claim.reviews.find((r) => r.id === request.reviewId) : claim.reviews.find((r) => r.reviewerId === viewer.id);
  if (request.reviewId && !existing) throw new AppError("NOT_FOUND", "That review is not one of this claim's reviews; reload the page.");
  if (!existing) return { kind: "create" };
  assertOwnsReview(viewer, existing);
  if (request.expectedVersion !== existing.version) return { kind: "conflict", theirs: existing };
  if (existing.verdict === request.verdict && existing.confidence === request.confidence && existing.note === request.note) return { kind: "unchanged", existing };
  return { kind: "update", existing };
}

/**
 * The claim's state once `after` is saved, or null when it stays: approved, dismissed and orphaned
 * claims keep theirs (settleClaimState's rule), the others follow their reviews as they now are.
 */
export function stateAfterSave(claim: ClaimRead, after: { id: string; verdict: string | null }): string | null {
  if (!["open", "in_review", "reviewed"].includes(claim.state)) return null;
  const state = stateForReviews([...claim.reviews.filter((r) => r.id !== after.id), after]);
  return state === claim.state ? null : state;
}

export function savedReview(review: ReviewRow): SavedReview {
  const { id, version, verdict, confidence, note, updatedAt } = review;
  return { id, version, verdict, confidence, note, updatedAt };
}

/** The CONFLICT a stale save gets: both versions, so the form can show them side by side. */
export function conflictError(yours: Yours, theirs: ReviewRow, reviewerName: string): AppError {
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
