/**
 * The one place selectors are built. Every claim stores, and every re-anchoring searches, a
 * TextQuoteSelector cut from the same text its offsets count in: the revision's Markdown
 * (`Revision.text`), with UTF-16 offsets. The W3C export builds its selectors here too, over the
 * plain text and with code-point offsets. Two builders over two texts once stored a plain-text
 * quote beside Markdown offsets, and re-anchoring then lost claims whose sentence held inline
 * Markdown.
 */
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/claims/types";

import type { ClaimSelector } from "./types";

/** Characters of context kept each side of a quote: W3C practice, and what Hypothesis stores. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** How a TextPositionSelector counts: UTF-16 code units (storage) or code points (W3C output). */
export type OffsetUnit = "utf16" | "codepoint";

/** Options for {@link buildSelectors}. */
export interface SelectorOptions {
  /** Unit of the returned position; the input offsets are always UTF-16. Default "utf16". */
  offsets?: OffsetUnit;
  /** UTF-16 code units of context each side, at most (fewer where a surrogate pair would be cut). */
  contextLength?: number;
}

/**
 * Both W3C selectors for `text[start, end)` over the stated text; offsets "utf16" (storage, default)
 * or "codepoint" (W3C output: the Web Annotation model counts characters = code points). Context
 * never cuts a surrogate pair. `start` and `end` are UTF-16 offsets (JavaScript string indices)
 * whatever `offsets` says; only the returned position is converted. Throws a RangeError for a span
 * outside the text.
 */
export function buildSelectors(
  text: string,
  start: number,
  end: number,
  options: SelectorOptions = {},
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`span [${start}, ${end}) is outside a text of ${text.length} characters`);
  }
  const contextLength = options.contextLength ?? QUOTE_CONTEXT_LENGTH;
  let from = Math.max(0, start - contextLength);
  // Starting on the second half of a pair would store half a character: take one unit less.
  if (from > 0 && from < start && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + contextLength);
  if (to < text.length && to > end && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  const quote: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  };
  const position: TextPositionSelector =
    options.offsets === "codepoint"
      ? { type: "TextPositionSelector", start: codePointOffset(text, start), end: codePointOffset(text, end) }
      : { type: "TextPositionSelector", start, end };
  return { quote, position };
}

/**
 * The number of code points in `text[0, utf16Offset)`: the W3C position of a UTF-16 offset. An
 * offset between the halves of a pair counts the lone high half as one.
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  let count = utf16Offset;
  for (let i = 1; i < utf16Offset; i++) {
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) count--;
  }
  return count;
}

/** A claim's stored quote: the Claim.quoteExact / quotePrefix / quoteSuffix columns. */
export interface QuoteColumns {
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
}

/**
 * The quote columns of a claim at UTF-16 offsets `[start, end)` of its revision's text (the
 * Markdown): what every write of a claim's place stores, so re-anchoring finds every claim alike.
 */
export function quoteColumns(revisionText: string, start: number, end: number): QuoteColumns {
  const { quote } = buildSelectors(revisionText, start, end);
  return { quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix };
}

/** The TextQuoteSelector stored in a claim's quote columns. */
export function quoteOfColumns(columns: QuoteColumns): TextQuoteSelector {
  return { type: "TextQuoteSelector", exact: columns.quoteExact, prefix: columns.quotePrefix, suffix: columns.quoteSuffix };
}

/** The W3C TextQuoteSelector for `text[start, end)`: {@link buildSelectors}'s quote. */
export function buildQuoteSelector(
  text: string,
  start: number,
  end: number,
  contextLength: number = QUOTE_CONTEXT_LENGTH,
): TextQuoteSelector {
  return buildSelectors(text, start, end, { contextLength }).quote;
}

/** The W3C TextPositionSelector for UTF-16 offsets `[start, end)`. */
export function buildPositionSelector(start: number, end: number): TextPositionSelector {
  return { type: "TextPositionSelector", start, end };
}

/** Both selectors for `text[start, end)`: what {@link anchorClaim} needs to find the span again. */
export function buildClaimSelector(text: string, start: number, end: number): ClaimSelector {
  return buildSelectors(text, start, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
