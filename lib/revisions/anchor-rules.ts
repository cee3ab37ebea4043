/**
 * The state rules of re-anchoring, shared by the import (carry-claims.ts) and re-attaching an orphan
 * (reattach-claim.ts). Pure.
 */

/**
 * The state of a claim whose words the new revision changed (a number, a name, a date).
 *
 * A verdict was given on the old words, and "from 36 to 149" checked as Accurate says nothing about
 * "from 36 to 150". So a reviewed or approved claim goes back to in_review: it stays in the queue,
 * flagged "changed", with its reviews (verdicts, notes, citations) all kept, and old and new text
 * side by side; the reviewer confirms or revises and saving the review makes it reviewed again. An
 * approval is cleared for the same reason the reading view must not show it on the new words; an
 * editor approves again. Open, in-review and dismissed claims keep their state: nothing was decided
 * about their words.
 */
export function stateAfterTextChange(state: string): string {
  return state === "reviewed" || state === "approved" ? "in_review" : state;
}

/** Claim texts are the quote with runs of whitespace (line breaks of the Markdown) made single spaces. */
export function claimTextOf(quote: string): string {
  return quote.replace(/\s+/g, " ");
}
