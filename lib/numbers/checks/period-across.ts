/**
 * Periods across sentences: a span in words whose dates are in the sentence before.
 *
 * - A span pointing back, in a sentence with no year of its own: "Smith served as mayor from 2008
 *   until 2020. In her 15 years in office …" (12), "The study followed patients between 2015 and
 *   2023. Over the study's 12 years …" (8). Only an owner's or "those" span points back; "In 15
 *   years" alone may be any span.
 * - A start and an end dated in two sentences, the span said with the end: "The mill opened in 1998.
 *   It closed in 2021, after three decades in business." (23 years).
 *
 * - A span said first, its dates in the sentence after: "Construction took three years. Work began in
 *   2019 and the bridge opened in 2024."
 *
 * Each reads the next sentence only, and only its one range or its one dated start: further away,
 * the dates may be of something else.
 */
import type { ReadClaim } from "../figures";
import type { NumberFinding } from "../types";
import { N, namesRange, spansAgainst } from "./period";

const YEAR = /\b(?:19|20)\d\d\b/g;
/** "in her 15 years in office", "over the study's 12 years", "during those six months". */
const POINTS_BACK = new RegExp(`\\b(?:in|over|during|across|throughout|for|after)\\s+(?:all\\s+)?(?:her|his|their|its|those|these|the\\s+[\\w-]+['’]s)\\s+${N}\\s+(years?|months?)\\b`, "gi");
const STARTED = /\b(?:opened|founded|established|began|started|launched|built|took office|was elected|joined|arrived|was hired)\b/i;
const ENDED = /\b(?:closed|shut|ended|finished|retired|left|stepped down|was sold|sold|died|folded)\b/i;
/** "after three decades in business", "12 years later": the span said with the end. */
const SPAN_WITH_END = [new RegExp(`\\b(?:closed|shut|ended|finished|retired|left|stepped down|sold|died|folded)\\b[^;]{0,40}?\\b(?:after|following)\\s+${N}\\s+(years?|decades)\\b`, "gi"), new RegExp(`\\b${N}\\s+(years?|decades)\\s+later\\b`, "gi")];
/** "built between 1995 and 2001. Over its 25 years of service": the span is of what came after the range. */
const AFTER_THE_RANGE = /^\s+(?:of\s+(?:service|operation|use|existence|history|life)|in\s+(?:service|operation|use)|since)\b/i;
const MADE = /\b(?:built|constructed|rebuilt|renovated|restored|developed|designed|planned|drafted|negotiated)\b/i;

/** "Construction took three years. Work began in 2019 and the bridge opened in 2024.": the span first. */
const DURATION = new RegExp(`\\b(?:took|lasted|spanned)\\s+${N}\\s+(years?|months?)\\s*(?:[.,;]|$)`, "gi");

/** Spans that do not fit the dates of the sentence before them, or of the sentence after. */
export function checkSpansAcross(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const previous = claims[i - 1];
    if (!previous) return;
    const own = read.claim.text;
    const before = previous.claim.text;
    const ownYears = own.match(YEAR) ?? [];
    const beforeYears = before.match(YEAR) ?? [];
    if (ownYears.length === 0 && namesRange(before) && !MADE.test(before)) {
      const spans = [...own.matchAll(POINTS_BACK)];
      if (spans.every((m) => !AFTER_THE_RANGE.test(own.slice(m.index + m[0].length)))) out.push(...spansAgainst([read, previous], own, before, [POINTS_BACK]));
    }
    else if (beforeYears.length === 0 && ownYears.length >= 2 && namesRange(own)) out.push(...spansAgainst([previous, read], before, own, [DURATION]));
    else if (ownYears.length === 1 && beforeYears.length === 1 && Number(beforeYears[0]) < Number(ownYears[0]) && STARTED.test(before) && ENDED.test(own)) {
      out.push(...spansAgainst([read, previous], own, `${before} ${own}`, SPAN_WITH_END));
    }
  });
  return out;
}
