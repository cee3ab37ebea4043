/**
 * Seen before (issue 16): each claim matched to earlier, checked claims of other articles.
 *
 *   claim text ──searchTerms──▶ FTS5 index of checked claims (search-index.ts, BM25)
 *              ──8 candidates──▶ readPair (pair-features.ts): shared words (Porter2 stems, normalise.ts),
 *                                names, the candidate's place among the others; and the guards: figures
 *                                (figures.ts, number-words.ts, written-numbers.ts), polarity with each
 *                                negation's scope (polarity.ts), contrasting subjects (contrast.ts)
 *              ──judgePair (score.ts)──▶ "same" only when no guard objects and the learned same-claim
 *                                model (same-claim.ts, models/matching/) is sure enough; else "related"
 *              ──best 5──▶ ClaimMatch rows
 *
 * Runs on import (lib/articles/import-article.ts calls matchImportedArticle after its transaction,
 * waiting for it or not: after-import.ts)
 * and on demand (refreshClaimMatches, when a claim is opened or "Look again"). The index is kept by
 * triggers, so no verb that edits claims or reviews needs to know of it.
 *
 * No "server-only" here: the import command line and setup run the hook outside Next.
 */

export type { ClaimMatch, MatchRelation } from "./types";
export { MATCH_RELATIONS } from "./types";
export { computeMatches, refreshArticleMatches, refreshClaimMatches, MAX_MATCHES } from "./refresh";
export { matchesOfClaim, mostRepeatedClaims, seenBeforeCounts, type RepeatedClaim } from "./read-matches";
export { matchImportedArticle, matchingOnImport, matchingSettled, type MatchingMode } from "./after-import";
