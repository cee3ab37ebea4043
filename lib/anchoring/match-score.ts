/**
 * How well a place in the new text fits a stored quote: quote, prefix, suffix and position, weighted
 * as Hypothesis's `match-quote.ts` does, so an exact quote in the wrong context loses to the right
 * context, and position only breaks near-ties.
 */

import type { TextQuoteSelector } from "@/lib/claims/types";

import { QUOTE_CONTEXT_LENGTH } from "./quote-selector";

/** Weights of the four similarities (Hypothesis: quote 50, prefix 20, suffix 20, position 2). */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

const TOTAL_WEIGHT = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

/** The four similarities of one candidate place, each in [0, 1]. */
export interface MatchSimilarity {
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
}

/** The weighted score in [0, 1]. */
export function scoreMatch(s: MatchSimilarity): number {
  const raw =
    SCORE_WEIGHTS.quote * s.quote +
    SCORE_WEIGHTS.prefix * s.prefix +
    SCORE_WEIGHTS.suffix * s.suffix +
    SCORE_WEIGHTS.position * s.position;
  return raw / TOTAL_WEIGHT;
}

/**
 * How closely `pattern` occurs in `text`: 1 − (edit distance of the best approximate occurrence ÷
 * pattern length). An empty pattern carries no information, so it neither helps nor hurts: 1.
 */
export function textSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text === pattern) return 1;
  if (text.length === 0) return 0;
  return remembered(textSimilarities, text, pattern, () => Math.max(0, 1 - bestSubstringDistance(text, pattern) / pattern.length));
}

/**
 * Answers already computed, by the pair of strings. A claim's quote is scored at every place it
 * occurs, and where an article repeats a sentence (a refrain, a list item, a summary) the places'
 * contexts repeat too: the 76 claims of the changed sections of a 2,000-claim re-import had 9,464
 * occurrences but 565 distinct contexts, and these dynamic programmes were ~150 ms of it (issue 13).
 * Both functions are pure, so a remembered answer is the answer. Bounded: cleared when full.
 */
const textSimilarities = new Map<string, number>();
const stringSimilarities = new Map<string, number>();
const REMEMBERED = 20_000;
/** Longer pairs (no caller passes them: contexts are 32 characters) are computed, not kept. */
const REMEMBERED_LENGTH = 256;

function remembered(memo: Map<string, number>, a: string, b: string, compute: () => number): number {
  if (a.length + b.length > REMEMBERED_LENGTH) return compute();
  // The first string's length makes the pair unambiguous whatever characters either holds.
  const key = `${a.length}:${a}${b}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= REMEMBERED) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * The fewest edits that turn `pattern` into some substring of `text` (Sellers's dynamic programme):
 * the error count of approx-string-match's best match, which this used to call with as many errors
 * allowed as the pattern is long. For a 32-character context that allowance makes every place a
 * match, and the library then finds each best match's start by searching again, reversed: about
 * 110 µs a call, 260 ms of a 2,000-claim re-import whose article repeats sentences (issue 13). Only
 * the count is needed here; O(text × pattern), no set-up, for strings of context length.
 */
export function bestSubstringDistance(text: string, pattern: string): number {
  const m = pattern.length;
  // Column j holds, for each pattern prefix, the fewest edits matching it to text ending at j.
  let before = new Uint32Array(m + 1).map((_, i) => i);
  let column = new Uint32Array(m + 1);
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const char = text.charCodeAt(j);
    column[0] = 0; // a match may start anywhere in the text
    for (let i = 1; i <= m; i++) {
      const substitute = before[i - 1]! + (pattern.charCodeAt(i - 1) === char ? 0 : 1);
      column[i] = Math.min(substitute, before[i]! + 1, column[i - 1]! + 1);
    }
    if (column[m]! < best) best = column[m]!;
    [before, column] = [column, before];
  }
  return best;
}

/** How well the text around `[start, end)` agrees with the stored prefix and suffix. */
export function contextSimilarity(
  text: string,
  start: number,
  end: number,
  quote: TextQuoteSelector,
): { prefix: number; suffix: number } {
  return {
    prefix: textSimilarity(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix),
    suffix: textSimilarity(text.slice(end, end + quote.suffix.length), quote.suffix),
  };
}

/** True when the text around `[start, end)` equals the stored prefix and suffix character for character. */
export function contextIsExact(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  return (
    start >= quote.prefix.length &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  );
}

/**
 * How alike two short strings are as wholes: 1 − Levenshtein distance ÷ the longer length. Unlike
 * {@link textSimilarity} it is symmetric and an empty string only resembles an empty string, so a
 * claim stored at the very start of the text (empty prefix) resembles a place at the start, not
 * every place. Meant for 32-character contexts: O(a·b).
 */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return remembered(stringSimilarities, a, b, () => levenshteinSimilarity(a, b));
}

function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  // Two rows of typed integers, as bestSubstringDistance keeps: the arrays grown by push per cell
  // were most of this function's time.
  let row = new Uint32Array(b.length + 1).map((_, j) => j);
  let next = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
    }
    [row, next] = [next, row];
  }
  return 1 - row[b.length]! / longer;
}

/**
 * How alike the text around `[start, end)` is to a stored context, both sides as wholes
 * ({@link stringSimilarity}), summed: 0 to 2.
 */
export function contextResemblance(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  // Stored context is shorter than the standard width only at an edge of the text.
  const width = Math.max(quote.prefix.length, quote.suffix.length, QUOTE_CONTEXT_LENGTH);
  return (
    stringSimilarity(text.slice(Math.max(0, start - width), start), quote.prefix) +
    stringSimilarity(text.slice(end, end + width), quote.suffix)
  );
}

/** 1 at the expected place, falling linearly to 0 a whole text length away. */
export function positionSimilarity(start: number, expectedStart: number, textLength: number): number {
  return Math.max(0, 1 - Math.abs(start - expectedStart) / Math.max(1, textLength));
}
