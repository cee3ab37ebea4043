/**
 * "Checked before" (issue 16): what the desk already knows about a claim that comes back.
 *
 *   lib/matching (M2: scores, stores, indexes)  ─ matchesOfClaim ─┐
 *   stored claims, reviews, citations, articles ──────────────────┴─ getCheckedBefore → workbench panel, GET /api/claims/{id}/matches
 *   the viewer's explicit "Start my review from this" ─ reuseReview → saveReview / removeCitation / addCitation + claim.reuse event
 *   the desk's counts and /desk/repeated read lib/matching directly (lib/desk/*).
 *
 * Nothing here applies an earlier verdict on its own: only reuseReview copies, and only when asked.
 */
export * from "./schemas";
