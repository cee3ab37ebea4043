import type { ClaimListEntry, ReviewView, SavedReviewAnswer, WorkbenchClaim } from "./types";

/**
 * A save's answer put into what the workbench shows, without fetching the claim again: the saved
 * review replaces its copy (keeping its citations, which a save does not change) or joins the
 * claim's reviews, the claim takes its new state, and the save's line joins the history. Other
 * reviewers' reviews stay as they were shown until the claim is loaded again; their verdicts are
 * current in the list line, which the answer carries for every review.
 */
export function withSavedReview(view: WorkbenchClaim, answer: SavedReviewAnswer, viewerId: string): WorkbenchClaim {
  const known = new Map(view.reviews.map((r) => [r.id, r]));
  const saved: ReviewView = { ...answer.review, citations: known.get(answer.review.id)?.citations ?? [] };
  known.set(saved.id, saved);
  // In the server's order; a review the answer names but this copy never had (someone else's,
  // new since) waits for the next load, as it would have to show its note.
  const reviews = answer.claim.reviews.flatMap((r) => known.get(r.id) ?? []);
  const history = answer.event && !view.history.some((h) => h.id === answer.event!.id) ? [...view.history, answer.event] : view.history;
  return { ...view, state: answer.claim.state, reviews, myReview: reviews.find((r) => r.reviewerId === viewerId) ?? null, history };
}

/** The claim's list line after a save: its state, every review's verdict, and the viewer's. */
export function entryWithSavedReview(entry: ClaimListEntry, answer: SavedReviewAnswer, viewerId: string): ClaimListEntry {
  const { state, reviews } = answer.claim;
  return {
    ...entry,
    state: state as ClaimListEntry["state"],
    verdicts: reviews.flatMap((r) => (r.verdict ? [r.verdict] : [])),
    myVerdict: reviews.find((r) => r.reviewerId === viewerId)?.verdict ?? null,
  };
}
