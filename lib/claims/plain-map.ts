/**
 * The one conversion from a revision's Markdown to the article's plain text (`plainText`): the text a
 * person reads, which W3C consumers (Hypothesis and the like) match quotes against. Every claim
 * stores its place as a UTF-16 span of the Markdown (sourceStart/sourceEnd, imported, split and
 * manual claims alike); the W3C export needs the same place in the plain text, where a quote holds
 * no `**`, `[link](url)` or `&amp;`.
 *
 * The units stage already knows, for every plain-text character, the source offset it came from
 * (text-run.ts). A span of the Markdown maps to the plain characters whose source offsets fall in
 * it: two binary searches over those offsets, in document order.
 */
import { joinPlainText } from "./anchor";
import { markdownChunks, parseArticle } from "./parse";
import type { TextRun } from "./text-run";
import { collectUnits, type Units } from "./units";

/** The article's plain text and the way into it from a span of its Markdown. */
export interface PlainTextMap {
  /** Exactly `plainText(markdown)`: every prose block's words, joined by a blank line. */
  text: string;
  /**
   * The plain-text span (UTF-16, `[start, end)` of `text`) holding the words of Markdown span
   * `[start, end)`, widened to whole characters; null when the span holds no prose (code, HTML,
   * front matter, Markdown syntax alone) or is empty or out of range.
   */
  toPlain(start: number, end: number): [number, number] | null;
}

/**
 * Builds the {@link PlainTextMap} of `markdown` (a revision's text). Parses once; each `toPlain`
 * costs two binary searches. Never throws: Markdown no parser can read maps to an empty text.
 */
export function plainTextMap(markdown: string): PlainTextMap {
  let runs: TextRun[];
  try {
    runs = markdownRuns(String(markdown ?? ""));
  } catch {
    runs = [];
  }
  return plainTextMapOfRuns(runs);
}

/**
 * The {@link PlainTextMap} of a text whose runs the units stage already built (extractClaimsWithPlainText
 * in index.ts, which parses once for both); `plainTextMap` is this over its own parse.
 */
export function plainTextMapOfRuns(runs: readonly TextRun[]): PlainTextMap {
  const text = joinPlainText(runs);
  const size = runs.reduce((n, r) => n + r.value.length, 0);
  // source[k]: source offset of the k-th prose character (a running maximum, so the searches stay
  // valid where an unaligned character was pinned behind its neighbour); plain[k]: its index in `text`.
  const source = new Int32Array(size);
  const plain = new Int32Array(size);
  let k = 0;
  let max = -1;
  for (const run of runs) {
    for (let i = 0; i < run.value.length; i++, k++) {
      max = Math.max(max, run.offsets[i] ?? max);
      source[k] = max;
      plain[k] = run.plainStart + i;
    }
  }

  const toPlain = (start: number, end: number): [number, number] | null => {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end)) return null;
    const lo = lowerBound(source, start);
    const hi = lowerBound(source, end);
    if (hi <= lo) return null;
    let from = plain[lo]!;
    let to = plain[hi - 1]! + 1;
    // A span never cuts a character in two, even where the Markdown span did.
    if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from--;
    if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to++;
    return [from, to];
  };
  return { text, toPlain };
}

/** Every prose block's run, read as `plainText` reads Markdown (in chunks for long input, see parse.ts). */
function markdownRuns(input: string): TextRun[] {
  const into: Units = { runs: [], units: [] };
  for (const [start, end] of markdownChunks(input)) {
    const chunk = start === 0 && end === input.length ? input : input.slice(start, end);
    collectUnits(parseArticle(chunk, "markdown"), chunk, start, into, { runsOnly: true });
  }
  return into.runs;
}

/** The first index whose value is at least `value` (the length when none is). */
function lowerBound(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
