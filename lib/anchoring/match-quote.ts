/**
 * Finding a quote in the new text: every exact occurrence, or the best approximate ones within an
 * error budget (approx-string-match, Myers's bit-parallel algorithm, as Hypothesis uses), each
 * scored by match-score.ts. Deciding between them is anchor-claim.ts's job; this file only finds and
 * scores.
 */
import search from "approx-string-match";

import type { TextQuoteSelector } from "@/lib/claims/types";

import { contextSimilarity, positionSimilarity, scoreMatch, type MatchSimilarity } from "./match-score";
import type { Span } from "./types";

/** A place in the new text the quote may be, scored. */
export interface Candidate extends Span {
  /** Edits between the quote and the text at this place (0 for an exact occurrence). */
  errors: number;
  similarity: MatchSimilarity;
  score: number;
}

/** More occurrences than this and the quote says nothing about where the claim is. */
const MAX_OCCURRENCES = 10_000;

/** Every exact occurrence of `exact` in `text`, overlapping ones included. */
export function findExactQuotes(text: string, exact: string): Span[] {
  const found: Span[] = [];
  if (!exact) return found;
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length });
  }
  return found;
}

/** Scores `span` of `text` as the place of `quote`, `errors` edits away from it. */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  span: Span,
  errors: number,
  expectedStart: number,
): Candidate {
  const context = contextSimilarity(text, span.start, span.end, quote);
  const similarity: MatchSimilarity = {
    quote: Math.max(0, 1 - errors / Math.max(1, quote.exact.length)),
    prefix: context.prefix,
    suffix: context.suffix,
    position: positionSimilarity(span.start, expectedStart, text.length),
  };
  return { start: span.start, end: span.end, errors, similarity, score: scoreMatch(similarity) };
}

/**
 * The best approximate occurrences of the quote inside each of `ranges`, at most `maxErrors` edits
 * away, scored. Searching ranges separately matters: approx-string-match returns only the
 * lowest-error matches of what it is given, so one near-exact look-alike would hide every other place.
 */
export function findApproximateQuotes(
  text: string,
  quote: TextQuoteSelector,
  ranges: Span[],
  maxErrors: number,
  expectedStart: number,
): Candidate[] {
  const exact = quote.exact;
  const candidates: Candidate[] = [];
  for (const range of ranges) {
    if (range.end - range.start < exact.length - maxErrors) continue; // too short to hold a match
    const slice = text.slice(range.start, range.end);
    for (const m of search(slice, exact, maxErrors)) {
      const span = { start: range.start + m.start, end: range.start + m.end };
      candidates.push(scoreCandidate(text, quote, span, m.errors, expectedStart));
    }
  }
  return candidates;
}

/**
 * Best first, keeping one candidate per place: matches that overlap are the same place found with
 * slightly different ends, not rivals.
 */
export function distinctPlaces(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || a.errors - b.errors || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept;
}
