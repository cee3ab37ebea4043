/**
 * Sentence boundaries inside one block of plain text, from parse-english (the retext-english parser).
 *
 * parse-english already keeps "U.S.", "41.2", "$15.00", "Dr." and "Jan." inside their sentences. Two
 * gaps are closed here: a few abbreviations it does not know ("vs.", "No.", "Fig.", "approx.") when the
 * next "sentence" plainly continues (lower case or a digit), and its cost on huge paragraphs (its
 * merges splice arrays, so a multi-megabyte line would take minutes) by feeding it bounded chunks.
 */
import { ParseEnglish } from "parse-english";
import type { Root as NlcstRoot } from "nlcst";

const parser = new ParseEnglish();

/** Longest stretch handed to parse-english at once; longer blocks are cut at a likely boundary first. */
const CHUNK = 4000;

/** Abbreviations after which a following lower-case word or number continues the sentence. */
const CONTINUING_ABBREVIATION =
  /(?:^|[\s(])(?:vs|v|no|nos|fig|figs|approx|est|ca|cf|al|sec|art|para|pp|p|vol|ch|op|ed|eds|rev|dept|gov|sen|rep|gen|col|lt|sgt|capt|st|mt|ft|inc|corp|co|ltd|jr|sr|u\.s|e\.g|i\.e|etc)\.$/i;

/** A half-open range `[start, end)` of code units within a block's text. */
export type Range = [number, number];

/** Cuts `value` into pieces of at most about {@link CHUNK} characters, preferring ". " boundaries. */
function chunks(value: string): Range[] {
  if (value.length <= CHUNK) return [[0, value.length]];
  const out: Range[] = [];
  let start = 0;
  while (value.length - start > CHUNK) {
    const window = value.slice(start, start + CHUNK);
    let cut = -1;
    const boundary = /[.!?]["'”’)]?\s+(?=["“'‘(]?[A-Z0-9])/g;
    for (let m = boundary.exec(window); m; m = boundary.exec(window)) {
      if (m.index > CHUNK / 2) {
        cut = m.index + m[0].length;
        break;
      }
    }
    if (cut === -1) cut = window.lastIndexOf(" ") + 1;
    if (cut <= 0) cut = CHUNK;
    out.push([start, start + cut]);
    start += cut;
  }
  out.push([start, value.length]);
  return out;
}

function nlcstSentences(tree: NlcstRoot, base: number, out: Range[]): void {
  for (const paragraph of tree.children) {
    if (paragraph.type !== "ParagraphNode") continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== "SentenceNode" || !sentence.position) continue;
      const start = sentence.position.start.offset;
      const end = sentence.position.end.offset;
      if (start !== undefined && end !== undefined && end > start) out.push([base + start, base + end]);
    }
  }
}

/**
 * Splits a block's text into sentence ranges. Line breaks count as spaces (a soft-wrapped Markdown
 * paragraph is one flow of text). Ranges are trimmed of white space and never empty.
 */
export function splitSentences(value: string): Range[] {
  // Same length, so parse-english offsets are offsets into `value`.
  const flat = value.replace(/[\r\n\u2028\u2029]/g, " ");
  const raw: Range[] = [];
  for (const [a, b] of chunks(flat)) nlcstSentences(parser.parse(flat.slice(a, b)), a, raw);

  const merged: Range[] = [];
  for (const range of raw) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const tail = flat.slice(Math.max(prev[0], prev[1] - 12), prev[1]);
      const next = flat.slice(range[0], range[0] + 1);
      if (CONTINUING_ABBREVIATION.test(tail) && /[a-z0-9$(]/.test(next)) {
        prev[1] = range[1];
        continue;
      }
    }
    merged.push([range[0], range[1]]);
  }
  return merged
    .flatMap((range) => splitAfterNumbers(flat, range))
    .flatMap((range) => splitAfterAbbreviations(flat, range))
    .map(([a, b]) => trimRange(flat, a, b))
    .filter(([a, b]) => b > a);
}

// parse-english reads "on May 20. Under the charter…" or "to $640. The changes…" as one sentence
// (it takes "20." for an ordinal, as in German). In English a number, a full stop and a capitalised
// word is a sentence boundary.
const NUMBER_THEN_SENTENCE = /\d\.(?=\s+["“‘(]?[A-Z])/g;

function splitAfterNumbers(flat: string, [a, b]: Range): Range[] {
  const out: Range[] = [];
  const text = flat.slice(a, b);
  let start = 0;
  NUMBER_THEN_SENTENCE.lastIndex = 0;
  for (let m = NUMBER_THEN_SENTENCE.exec(text); m; m = NUMBER_THEN_SENTENCE.exec(text)) {
    const cut = m.index + 2;
    // "No. 5. The" or "p. 12. The" still end here; only a stray decimal point ("3.5") is excluded by \s.
    out.push([a + start, a + cut]);
    start = cut;
  }
  out.push([a + start, b]);
  return out;
}

// parse-english never ends a sentence at an abbreviation's full stop, but "a.m.", "p.m.", "etc.",
// "Inc.", "Co.", "Ltd.", "Jr." and a final "U.S." often do end one: "…at 7 a.m. Harmon said…".
const SENTENCE_FINAL_ABBREVIATION = /(?<![\w.])(?:[ap]\.m\.|etc\.|Inc\.|Co\.|Corp\.|Ltd\.|LLC\.|Jr\.|Sr\.|U\.S\.|U\.K\.|D\.C\.)["”’)]?(?=\s+["“‘(]?([A-Z][\w'’]*))/g;
// After a clock time a capitalised word opens a new sentence unless it still belongs to the time: a
// weekday, a month, a time zone ("7 p.m. ET", "8 a.m. Pacific time").
const TIME_CONTINUATION =
  /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?$|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*$|^[A-Z]{1,2}[SD]?T$|^(?:GMT|UTC|Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Local)$/;
// After a name-like abbreviation ("U.S.", "Inc.", "Jr.") a capitalised word may continue the name
// ("U.S. Immigration", "Acme Inc. Chief Executive"); only a word that cannot sit inside a name (a
// determiner, pronoun, conjunction or sentence-opening preposition) starts a new sentence.
const CLAUSE_OPENER =
  /^(?:The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|But|And|Or|So|Yet|However|Meanwhile|Still|Then|There|Here|In|On|At|For|After|Before|During|When|While|If|Although|Though|Because|Since|As|Some|Many|Most|All|Both|Each|No|Not|Last|Next|Earlier|Later)$/;

function splitAfterAbbreviations(flat: string, [a, b]: Range): Range[] {
  const text = flat.slice(a, b);
  if (!text.includes(".")) return [[a, b]];
  const out: Range[] = [];
  let start = 0;
  SENTENCE_FINAL_ABBREVIATION.lastIndex = 0;
  for (let m = SENTENCE_FINAL_ABBREVIATION.exec(text); m; m = SENTENCE_FINAL_ABBREVIATION.exec(text)) {
    const next = m[1] ?? "";
    const clock = /^[ap]\.m\./.test(m[0]);
    const ends = clock ? !TIME_CONTINUATION.test(next) : CLAUSE_OPENER.test(next);
    if (!ends) continue;
    const cut = m.index + m[0].length;
    out.push([a + start, a + cut]);
    start = cut;
  }
  out.push([a + start, b]);
  return out;
}

/** Shrinks `[a, b)` past white space at both ends. */
export function trimRange(value: string, a: number, b: number): Range {
  while (a < b && /\s/.test(value[a] ?? "")) a++;
  while (b > a && /\s/.test(value[b - 1] ?? "")) b--;
  return [a, b];
}
