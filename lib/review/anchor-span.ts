import { quoteColumns, type QuoteColumns } from "@/lib/anchoring";
import { AppError } from "@/lib/errors";
import { claimTextOf } from "@/lib/revisions/anchor-rules";
import { MAX_CLAIM_LENGTH } from "./schemas";

/**
 * Anchoring for claims placed by hand (add, split, merge, re-attach): the exact span of the
 * revision's Markdown and its quote columns from the one selector builder (lib/anchoring), the same
 * columns the import stores for extracted claims, so re-anchoring (DESIGN.md §5) treats both alike.
 * Pure: text in, plain data out.
 */

export type SpanAnchor = QuoteColumns & {
  sourceStart: number;
  sourceEnd: number;
  /** The claim's text: the quote with runs of whitespace (line breaks of the Markdown) made single spaces. */
  text: string;
};

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

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
  const quote = quoteColumns(revisionText, s, e);
  return { sourceStart: s, sourceEnd: e, ...quote, text: claimTextOf(quote.quoteExact) };
}

/**
 * Maps an offset into a claim's display text to an offset into `quote`, the claim's source slice.
 * They differ where the text collapses line breaks or the pipeline dropped Markdown syntax, so the
 * two are walked side by side, skipping quote characters the text does not show. Syntax right at
 * the offset goes with the words it belongs to: after a word (`**` closing bold, `](url)` ending a
 * link) it stays before the offset, at the start of a word (`**` opening bold) it comes after.
 * Null when the text is not a subsequence of the quote.
 */
export function textOffsetToQuoteOffset(text: string, quote: string, at: number): number | null {
  if (text === quote) return at;
  let j = 0;
  for (let i = 0; i < at; i++) {
    const next = nextShown(quote, j, text[i]!);
    if (next === null) return null;
    j = next + 1;
    // One space of the text stands for a whole run of whitespace in the quote.
    if (isSpace(text[i])) while (j < quote.length && isSpace(quote[j])) j++;
  }
  if (at > 0 && at < text.length && !isSpace(text[at - 1])) j = nextShown(quote, j, text[at]!) ?? j;
  return j;
}

/** Where in `quote`, from `from` on, the text's character `ch` is shown; null when nowhere. */
function nextShown(quote: string, from: number, ch: string): number | null {
  for (let j = from; j < quote.length; j++) if (quote[j] === ch || (isSpace(ch) && isSpace(quote[j]))) return j;
  return null;
}
