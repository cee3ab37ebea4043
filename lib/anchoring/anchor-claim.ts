/**
 * Re-anchoring one claim in a new revision (../shared/DESIGN.md §5), in Hypothesis's order: the
 * stored position, then the quote with its context, then the quote alone, then a scored fuzzy match.
 * Every step would rather return null than guess: an orphaned claim is shown to an editor, a claim
 * attached to the wrong sentence carries its reviews to text nobody checked.
 */
import type { TextQuoteSelector } from "@/lib/claims/types";

import { contextIsExact, contextResemblance } from "./match-score";
import {
  distinctPlaces,
  findApproximateQuotes,
  findExactQuotes,
  scoreCandidate,
  type Candidate,
} from "./match-quote";
import { buildQuoteSelector } from "./quote-selector";
import type { AnchorMatch, AnchorMethod, AnchorOptions, ClaimSelector, Span } from "./types";

/**
 * Below this length a quote is too easy to find by accident ("Linus" in "chines", Hypothesis h#2634;
 * "Yes." anywhere): it must match exactly, with its context.
 */
export const MIN_QUOTE_LENGTH = 12;

/**
 * A fuzzy match scoring below this is no match. With the weights of match-score.ts, a quote a few
 * characters off in its own context scores above 0.9, and about 0.83 with one side of its context
 * gone; a look-alike sentence in foreign context (context similarity ≈ 0.3) stays under 0.7.
 */
export const MIN_SCORE = 0.8;

/** Searched each side of the expected place before the whole text. */
export const SEARCH_RADIUS = 1024;

/** A context side at least this similar means the context is "not contradicted". */
const CONTEXT_AGREES = 0.5;

/** Two places whose context scores differ by less than this are tied on context. */
const CONTEXT_MARGIN = 0.1;

/** Two fuzzy places whose scores differ by less than this are too close to call. */
const SCORE_MARGIN = 0.02;

/**
 * Fuzzy matching allows one edit per this many quote characters (capped, as Hypothesis does, at 256).
 * A changed number or a fixed typo costs a few edits; Hypothesis's one in two would let a reworded
 * neighbour pass for the claim, and a claim rewritten that much needs an editor anyway.
 */
const CHARS_PER_ERROR = 6;
const MAX_ERRORS = 256;

/**
 * Finds where the claim selected by `selector` (quote with context, offsets in the OLD text) now is
 * in `newText`, or null when no place is trustworthy. Pass `options.positionMap` (from
 * createPositionMap) when re-anchoring many claims: it makes the common case O(quote) and keeps
 * claims off text the diff shows to be something else.
 */
export function anchorClaim(newText: string, selector: ClaimSelector, options: AnchorOptions = {}): AnchorMatch | null {
  const { quote } = selector;
  const exact = quote.exact;
  if (!exact) return null;
  const own: Span = { start: selector.position.start, end: selector.position.end };
  const map = options.positionMap;
  const mapped = map?.mapSpan(own.start, own.end);
  const expected = options.expected ?? mapped ?? own;
  const minQuoteLength = options.minQuoteLength ?? MIN_QUOTE_LENGTH;
  const isShort = exact.length < minQuoteLength;
  const score = (span: Span, errors: number) => scoreCandidate(newText, quote, span, errors, expected.start);
  const result = (c: Candidate, method: AnchorMethod): AnchorMatch => ({
    start: c.start,
    end: c.end,
    score: round(c.score),
    method,
    exact: newText.slice(c.start, c.end) === exact,
  });

  // Text the diff shows to be another part of the old article is not this claim, however alike:
  // this is what keeps a deleted claim off a similar sentence that was there all along.
  const isOwnText = (c: Candidate) => {
    if (!map || map.foreignLength(c.start, c.end, own) * 2 <= c.end - c.start) return true;
    // Unless that other passage reads exactly like the claim (a twin): then the diff's choice of
    // which twin survived was a coin toss, and the context decides. The candidate is this claim
    // only if its surroundings resemble the claim's stored context more than the twin's, or, when
    // the twins' own contexts were alike too (a run of the same sentence), hold the claim's stored
    // context exactly: then the text cannot tell the twins apart, and the place is not other text.
    const twin = map.oldSpanOf(c.start, c.end);
    if (!twin || map.oldText.slice(twin.start, twin.end) !== exact) return false;
    const twinQuote = buildQuoteSelector(map.oldText, twin.start, twin.end);
    const ours = contextResemblance(newText, c.start, c.end, quote);
    const twins = contextResemblance(newText, c.start, c.end, twinQuote);
    return ours > twins || (ours === twins && contextIsExact(newText, c.start, c.end, quote));
  };

  // 1. The stored (mapped) position, when the text there is still the quote.
  let atPosition: Candidate | undefined;
  if (newText.startsWith(exact, expected.start)) {
    const c = score({ start: expected.start, end: expected.start + exact.length }, 0);
    // The diff vouching for the span outweighs changed context: an edit next to a claim must not
    // orphan it. A short quote also needs some context to agree, since a diff can align a few
    // characters anywhere; without a diff, context that does not contradict is the check.
    const intact = options.expected === undefined && mapped?.intact === true;
    const accepted = isShort
      ? (intact && contextAgrees(c)) || (contextIsExact(newText, c.start, c.end, quote) && isOwnText(c))
      : intact || (contextAgrees(c) && isOwnText(c));
    if (accepted) {
      if (contextIsExact(newText, c.start, c.end, quote)) return result(c, "position");
      atPosition = c;
    }
  }

  const occurrences = findExactQuotes(newText, exact)
    .map((span) => score(span, 0))
    .filter(isOwnText);

  // 2. The quote with exactly its stored prefix and suffix. This also outranks a position whose
  // context changed: a diff may align a moved paragraph's sentence with a copy left behind (a pull
  // quote), while the copy that kept the claim's whole context is the claim.
  const inContext = occurrences.filter(
    (c) => c.start !== atPosition?.start && contextIsExact(newText, c.start, c.end, quote),
  );
  const withContext = inContext.length === 1 ? inContext[0] : clearlyNearest(inContext, expected.start);
  if (withContext) return result(withContext, "quote-context");
  if (atPosition) {
    // Identical sentences (a repeated line, a summary) let the diff pair the claim with the wrong
    // twin; another occurrence whose context fits clearly better is the claim.
    const better = bestByContext(occurrences, expected.start);
    const contextOf = (c: Candidate) => (c.similarity.prefix + c.similarity.suffix) / 2;
    if (better && better.start !== atPosition.start && contextOf(better) > contextOf(atPosition) + CONTEXT_MARGIN) {
      return result(better, "quote");
    }
    return result(atPosition, "position");
  }
  if (isShort) return null;

  // 3. The quote alone: unique, or one occurrence whose context or position clearly wins.
  const alone = occurrences.length === 1 ? occurrences[0] : bestByContext(occurrences, expected.start);
  if (alone) return result(alone, "quote");

  // 4. A scored fuzzy match near the expected place, then anywhere.
  const fuzzy = fuzzyMatch(newText, quote, own, expected, options, isOwnText);
  return fuzzy ? result(fuzzy, "fuzzy") : null;
}

/** At least one side of the stored context is still there, roughly. */
function contextAgrees(c: Candidate): boolean {
  return Math.max(c.similarity.prefix, c.similarity.suffix) >= CONTEXT_AGREES;
}

/** The occurrence whose context clearly fits best, else the clearly nearest of the best; else none. */
function bestByContext(occurrences: Candidate[], expectedStart: number): Candidate | undefined {
  if (occurrences.length === 0) return undefined;
  const contextOf = (c: Candidate) => (c.similarity.prefix + c.similarity.suffix) / 2;
  const best = Math.max(...occurrences.map(contextOf));
  const leaders = occurrences.filter((c) => contextOf(c) > best - CONTEXT_MARGIN);
  const pick = leaders.length === 1 ? leaders[0] : clearlyNearest(leaders, expectedStart);
  return pick && contextAgrees(pick) ? pick : undefined;
}

/** The candidate nearest the expected place if it is less than half as far as any other; else none. */
function clearlyNearest(candidates: Candidate[], expectedStart: number): Candidate | undefined {
  if (candidates.length === 0) return undefined;
  const byDistance = [...candidates].sort(
    (a, b) => Math.abs(a.start - expectedStart) - Math.abs(b.start - expectedStart),
  );
  const [first, second] = byDistance;
  if (!second) return first;
  return Math.abs(first!.start - expectedStart) * 2 < Math.abs(second.start - expectedStart) ? first : undefined;
}

/**
 * Step 4. The error budget grows with the quote so a fixed typo or a changed number still matches;
 * the score threshold and "context must not be contradicted" keep look-alikes out; a near-tie
 * between two places is no answer.
 */
function fuzzyMatch(
  text: string,
  quote: TextQuoteSelector,
  own: Span,
  expected: Span,
  options: AnchorOptions,
  isOwnText: (c: Candidate) => boolean,
): Candidate | null {
  const maxErrors = Math.min(Math.floor(quote.exact.length / CHARS_PER_ERROR), MAX_ERRORS);
  const minScore = options.minScore ?? MIN_SCORE;
  const radius = Math.max(options.searchRadius ?? SEARCH_RADIUS, 2 * quote.exact.length);
  const window = { start: Math.max(0, expected.start - radius), end: Math.min(text.length, expected.end + radius) };
  const searchable = (area: Span): Span[] => {
    const map = options.positionMap;
    if (!map) return [area];
    // Only inserted text and the claim's own surviving text, padded so an edit at the quote's
    // edge does not cut the match short.
    const pad = Math.min(maxErrors, 16);
    return map.searchableRanges(area.start, area.end, own).map((r) => ({
      start: Math.max(area.start, r.start - pad),
      end: Math.min(area.end, r.end + pad),
    }));
  };
  const decide = (area: Span): Candidate | null | "none" => {
    const places = distinctPlaces(
      findApproximateQuotes(text, quote, searchable(area), maxErrors, expected.start).filter(isOwnText),
    );
    const [best, second] = places;
    if (!best || best.score < minScore || !contextAgrees(best)) return "none";
    if (second && second.score > best.score - SCORE_MARGIN) return null; // ambiguous: do not pick
    return best;
  };
  const near = decide(window);
  if (near !== "none") return near;
  if (window.start === 0 && window.end === text.length) return null;
  const anywhere = decide({ start: 0, end: text.length });
  return anywhere === "none" ? null : anywhere;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
