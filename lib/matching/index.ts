/**
 * Seen before (issue 16): each claim matched to earlier, checked claims of other articles.
 *
 *   claim text ──searchTerms──▶ FTS5 index of checked claims (search-index.ts, BM25)
 *              ──8 candidates──▶ scoreMatch: shared words (Porter2 stems, normalise.ts), figures, dates and
 *                                names (figures.ts, number-words.ts), polarity with each negation's scope
 *                                (polarity.ts), contrasting subjects (contrast.ts)
 *              ──best 5──▶ ClaimMatch rows ("same" only when figures, polarity and subject agree)
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
