/**
 * Re-anchoring claims onto a new revision of their article (../shared/DESIGN.md §5). Pure: text and
 * plain data in, plain data out.
 *
 *   text-diff → text-position (old → new offsets) → anchor-claim (position, quote + context, quote,
 *   fuzzy via match-quote + match-score) → reanchor-claims (every claim, with status and counts)
 *
 * quote-selector is the one builder of selectors, for every caller: stored quotes over the
 * revision's Markdown with UTF-16 offsets (what re-anchoring searches), the pipeline's over its
 * plain text, and the W3C export's with code-point offsets.
 */
export { anchorClaim, MIN_QUOTE_LENGTH, MIN_SCORE, SEARCH_RADIUS } from "./anchor-claim";
export {
  contextResemblance,
  contextSimilarity,
  scoreMatch,
  SCORE_WEIGHTS,
  stringSimilarity,
  textSimilarity,
} from "./match-score";
export {
  buildClaimSelector,
  buildPositionSelector,
  buildQuoteSelector,
  buildSelectors,
  codePointOffset,
  QUOTE_CONTEXT_LENGTH,
  quoteColumns,
  quoteOfColumns,
  type OffsetUnit,
  type QuoteColumns,
  type SelectorOptions,
} from "./quote-selector";
export { reanchorClaims, type ReanchorOptions } from "./reanchor-claims";
export { diffTexts, splitUnits } from "./text-diff";
export { createPositionMap, PositionMap, type MappedSpan } from "./text-position";
export * from "./types";
