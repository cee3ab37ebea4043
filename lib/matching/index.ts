/**
 * Seen before (issue 16): each claim matched to earlier, checked claims of other articles.
 *
 *   claim text ──searchTerms──▶ FTS5 index of checked claims (search-index.ts, BM25)
 *              ──20 candidates──▶ scoreMatch: shared words, figures (figures.ts), polarity (polarity.ts)
 *              ──best 5──▶ ClaimMatch rows ("same" only when figures and polarity agree)
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
