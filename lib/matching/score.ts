import { extractQuantities } from "@/lib/claims/quantities";
import type { Quantity } from "@/lib/claims/types";
import { contrastWords, type ContrastWords } from "./contrast";
import { claimFigures, type ClaimFigures } from "./figures";
import { contentWordSequence } from "./normalise";
import { numbersAsDigits } from "./number-words";
import { pairVector, readPair, wordOverlap, type CandidateContext, type PairReading } from "./pair-features";
import { polarityOf, type Polarity } from "./polarity";
import { sameClaimProbability, shippedModel, type SameClaimModel } from "./same-claim";
import type { MatchRelation } from "./types";
import { writtenNumbers } from "./written-numbers";

export { wordOverlap } from "./pair-features";

/**
 * Reranking: one candidate the index found, judged against the new claim. Its score (for
 * ordering what is offered) blends shared words, BM25 and figures; whether it is "the same claim"
 * is decided by the guards (a changed number or polarity never is) and then by the learned
 * same-claim model (same-claim.ts), which says "same" only when confident. Pure, so the fixtures
 * test it without a database; the index only decides which candidates are looked at.
 */

export interface ScoredMatch {
  score: number;
  relation: MatchRelation;
  /** The model's probability that it is the same claim (0 when a guard forbids it). */
  confidence: number;
  /** Why no model may call it "same" (a changed number, a flipped polarity, another subject), or null. */
  guard: string | null;
  /** The pair features (pair-features.ts): what the model read, or would have read without the guard. */
  vector: number[];
  reasons: string[];
}

export interface ClaimText {
  text: string;
  /** The pipeline's quantities, when they are known to be of this text; else they are read from it. */
  quantities?: readonly Quantity[];
}

/** Below this a candidate is not offered at all. */
export const MIN_SCORE = 0.3;

/**
 * What reranking reads of a claim, worked out once per text (a candidate recurs across claims);
 * the costlier readings only when asked, since most candidates share too few words to need them.
 */
export interface ClaimFeatures {
  text: string;
  words: string[];
  readonly figures: ClaimFigures;
  readonly polarity: Polarity;
  readonly contrastWords: ContrastWords;
  /** The numbers written, read plainly (written-numbers.ts). */
  readonly numbers: number[];
  /** Capitalised content words past the first word: names of places, people, bodies. */
  readonly names: string[];
  /** Adjacent content words, joined ("violent crime"). */
  readonly bigrams: ReadonlySet<string>;
}

/** The features of a claim's text. */
export function featuresOf(claim: ClaimText): ClaimFeatures {
  const sequence = contentWordSequence(claim.text);
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  // Number words made digits once: the figures and the written numbers both read them.
  const digits = lazy(() => numbersAsDigits(claim.text));
  const figures = lazy(() => claimFigures({ text: claim.text, quantities: claim.quantities ?? extractQuantities(digits()) }));
  const polarity = lazy(() => polarityOf(claim.text));
  const contrasts = lazy(() => contrastWords(claim.text));
  const numbers = lazy(() => writtenNumbers(claim.text, digits()));
  const names = lazy(() => namesOf(claim.text));
  const bigrams = lazy(() => new Set(sequence.slice(1).map((w, i) => `${sequence[i]} ${w}`)));
  return {
    text: claim.text,
    words: [...new Set(sequence)],
    get figures() { return figures(); },
    get polarity() { return polarity(); },
    get contrastWords() { return contrasts(); },
    get numbers() { return numbers(); },
    get names() { return names(); },
    get bigrams() { return bigrams(); },
  };
}

function namesOf(text: string): string[] {
  const out = new Set<string>();
  const tokens = text.split(/\s+/);
  tokens.forEach((token, i) => {
    const word = token.replace(/[’']s$/, "").replace(/[^A-Za-z]/g, "");
    if (i === 0 || word.length < 2 || !/^[A-Z]/.test(word)) return;
    // After a sentence's end a capital says nothing.
    if (/[.!?:]["”]?$/.test(tokens[i - 1]!)) return;
    const content = contentWordSequence(word);
    if (content.length === 1) out.add(content[0]!);
  });
  return [...out];
}

/** Below this share of words in common a candidate is not looked at further: too little is shared to call it related. */
export const MIN_OVERLAP = 0.2;

/**
 * The score (0..1), relation and reasons of `candidate` as a match of `claim`, judged alone (as
 * the index's only candidate, unless `context` says otherwise). Returns null below MIN_SCORE.
 */
export function scoreMatch(claim: ClaimText, candidate: ClaimText, context: Partial<CandidateContext> = {}, model: Readonly<SameClaimModel> = shippedModel()): ScoredMatch | null {
  return scoreFeatures(featuresOf(claim), featuresOf(candidate), { bm25Share: 1, rank: 0, bestOtherOverlap: 0, ...context }, model);
}

/** {@link scoreMatch} over features already worked out, with the candidate's place among the others. */
export function scoreFeatures(claim: ClaimFeatures, candidate: ClaimFeatures, context: CandidateContext, model: Readonly<SameClaimModel> = shippedModel(), overlapOf = wordOverlap(claim.words, candidate.words)): ScoredMatch | null {
  if (overlapOf.overlap < MIN_OVERLAP) return null;
  return judgePair(readPair(claim, candidate, overlapOf), context, model);
}

/** A candidate read (pair-features.ts) and placed among the others, judged: null when below MIN_SCORE. */
export function judgePair(pair: PairReading, context: CandidateContext, model: Readonly<SameClaimModel> = shippedModel()): ScoredMatch | null {
  const figureScore = { same: 1, none: 0.5, "one-sided": 0.25, different: 0 }[pair.figures.agreement];
  const raw = 0.6 * pair.overlap + 0.15 * context.bm25Share + 0.25 * figureScore;
  const opposite = pair.guard?.startsWith("opposite") ?? false;
  const score = Math.round(Math.min(1, Math.max(0, opposite ? raw * 0.8 : raw)) * 1000) / 1000;
  if (score < MIN_SCORE) return null;
  const vector = pairVector(pair, context);
  const confidence = pair.guard ? 0 : sameClaimProbability(model, vector);
  const relation: MatchRelation = !pair.guard && confidence >= model.threshold ? "same" : "related";
  const reasons = [...pair.figures.reasons];
  // The figures' own reasons already say how they differ.
  if (pair.guard && pair.guard !== "different figures" && pair.guard !== "figures in one claim only") reasons.push(pair.guard);
  if (pair.shared.length > 0) reasons.push(`shared words: ${pair.shared.slice(0, 8).join(", ")}`);
  if (!pair.guard) reasons.push(`${relation === "same" ? "the same claim" : "perhaps the same claim"}: ${Math.round(confidence * 100)}% sure`);
  return { score, relation, confidence, guard: pair.guard, vector, reasons };
}
