import { AppError } from "@/lib/errors";
import { MAX_CLAIM_LENGTH } from "./schemas";

/**
 * Anchoring for claims written by hand (add, split, merge): the exact span of the revision text
 * and its W3C TextQuoteSelector, computed the way the extraction pipeline anchors its claims, so
 * re-anchoring (DESIGN.md §5) treats both alike. Pure: text in, plain data out.
 */

/** Characters of context kept each side of a quote, as the pipeline does. */
export const QUOTE_CONTEXT = 32;

export type SpanAnchor = {
  sourceStart: number;
  sourceEnd: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  /** The claim's text: the quote with runs of whitespace (line breaks of the Markdown) made single spaces. */
  text: string;
};

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Anchors [start, end) of `revisionText`, first shrinking it past surrounding whitespace (a mouse
 * selection often takes a trailing space or line break). Throws INVALID for a span outside the
 * text, a blank span or one longer than `maxLength` (a claim's limit unless a caller only shrinks).
 */
export function anchorSpan(revisionText: string, start: number, end: number, maxLength: number = MAX_CLAIM_LENGTH): SpanAnchor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= revisionText.length)) {
    throw new AppError("INVALID", "The selection is not inside the article's text; select the text again.");
  }
  let s = start;
  let e = end;
  while (s < e && isSpace(revisionText[s])) s++;
  while (e > s && isSpace(revisionText[e - 1])) e--;
  if (s === e) throw new AppError("INVALID", "The selection holds only spaces; select the words of the claim.");
  if (e - s > maxLength) {
    throw new AppError("INVALID", `A claim can be at most ${maxLength.toLocaleString("en")} characters; select a shorter passage.`);
  }
  const quoteExact = revisionText.slice(s, e);
  return {
    sourceStart: s,
    sourceEnd: e,
    quoteExact,
    quotePrefix: contextBefore(revisionText, s),
    quoteSuffix: contextAfter(revisionText, e),
    text: quoteExact.replace(/\s+/g, " "),
  };
}

// Context is cut at QUOTE_CONTEXT code units, but never through a surrogate pair (an emoji, say),
// which would store half a character.
function contextBefore(text: string, start: number): string {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  return text.slice(from, start);
}

function contextAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return text.slice(end, to);
}

/**
 * Maps an offset into a claim's display text to an offset into `quote`, the claim's source slice.
 * They differ where the text collapses line breaks or the pipeline dropped Markdown syntax, so the
 * two are walked side by side, skipping quote characters the text does not show. Null when the
 * text is not a subsequence of the quote.
 */
export function textOffsetToQuoteOffset(text: string, quote: string, at: number): number | null {
  if (text === quote) return at;
  let j = 0;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    while (j < quote.length && !(quote[j] === ch || (isSpace(ch) && isSpace(quote[j])))) j++;
    if (j >= quote.length) return null;
    j++;
    // One space of the text stands for a whole run of whitespace in the quote.
    if (isSpace(ch)) while (j < quote.length && isSpace(quote[j])) j++;
  }
  return j;
}
