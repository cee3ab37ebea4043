import type { Quantity } from "@/lib/claims/types";
import { contrastOf, contrastWords, type ContrastWords } from "./contrast";
import { claimFigures, compareFigures, type ClaimFigures } from "./figures";
import { contentWords } from "./normalise";
import { oppositePolarity, polarityOf, weakerPolarity, type Polarity } from "./polarity";
import type { MatchRelation } from "./types";

/**
 * Reranking: one candidate the index found, judged against the new claim on words, figures and
 * polarity. Pure, so the fixtures test it without a database; the index only decides which
 * candidates are looked at.
 */

export interface ScoredMatch {
  score: number;
  relation: MatchRelation;
  reasons: string[];
}

export interface ClaimText {
  text: string;
  /** The pipeline's quantities, when they are known to be of this text; else they are read from it. */
  quantities?: readonly Quantity[];
}

/**
 * The thresholds of reranking, one object so the evaluation can tune them on one split and score
 * them on another (scripts/eval-matching.ts) without the matcher reading anything of its own.
 */
export interface MatchThresholds {
  /** Below this a candidate is not offered at all. */
  minScore: number;
  /** "same" needs at least this score, as well as agreeing figures and polarity. */
  sameMinScore: number;
  /** Even with every figure agreeing, a claim sharing fewer words than this is another claim on those figures. */
  sameMinWordsWithFigures: number;
  /** Without figures to agree on, the words alone must carry more of the claim. */
  sameMinWordsWithoutFigures: number;
}

export const DEFAULT_THRESHOLDS: Readonly<MatchThresholds> = {
  minScore: 0.3,
  sameMinScore: 0.5,
  sameMinWordsWithFigures: 0.3,
  sameMinWordsWithoutFigures: 0.6,
};
/** Below this a candidate is not offered at all. */
export const MIN_SCORE = DEFAULT_THRESHOLDS.minScore;
/** "same" needs at least this score, as well as agreeing figures and polarity. */
export const SAME_MIN_SCORE = DEFAULT_THRESHOLDS.sameMinScore;

/**
 * What reranking reads of a claim, worked out once per text (a candidate recurs across claims);
 * figures and polarity only when asked, since most candidates share too few words to need them.
 */
export interface ClaimFeatures {
  text: string;
  words: string[];
  readonly figures: ClaimFigures;
  readonly polarity: Polarity;
  readonly contrastWords: ContrastWords;
}

/** The features of a claim's text. */
export function featuresOf(claim: ClaimText): ClaimFeatures {
  let figures: ClaimFigures | undefined;
  let polarity: Polarity | undefined;
  let contrasts: ContrastWords | undefined;
  return {
    text: claim.text,
    words: contentWords(claim.text),
    get figures() {
      return (figures ??= claimFigures(claim));
    },
    get polarity() {
      return (polarity ??= polarityOf(claim.text));
    },
    get contrastWords() {
      return (contrasts ??= contrastWords(claim.text));
    },
  };
}

/** Below this share of words in common a candidate is not looked at further: too little is shared to call it related. */
export const MIN_OVERLAP = 0.2;

/** How much of the two claims' content words they share: the mean of Dice and of the smaller claim's cover. */
export function wordOverlap(a: readonly string[], b: readonly string[]): { overlap: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { overlap: 0, shared: [] };
  const set = new Set(b);
  const shared = a.filter((w) => set.has(w));
  const dice = (2 * shared.length) / (a.length + b.length);
  const cover = shared.length / Math.min(a.length, b.length);
  return { overlap: (dice + cover) / 2, shared };
}

/**
 * The score (0..1), relation and reasons of `candidate` as a match of `claim`. `bm25Share` is the
 * candidate's BM25 over the best BM25 of this claim's candidates (0..1). Returns null below MIN_SCORE.
 */
export function scoreMatch(claim: ClaimText, candidate: ClaimText, bm25Share = 1, thresholds: Readonly<MatchThresholds> = DEFAULT_THRESHOLDS): ScoredMatch | null {
  return scoreFeatures(featuresOf(claim), featuresOf(candidate), bm25Share, thresholds);
}

/** {@link scoreMatch} over features already worked out. */
export function scoreFeatures(claim: ClaimFeatures, candidate: ClaimFeatures, bm25Share = 1, thresholds: Readonly<MatchThresholds> = DEFAULT_THRESHOLDS): ScoredMatch | null {
  const { overlap, shared } = wordOverlap(claim.words, candidate.words);
  if (overlap < MIN_OVERLAP) return null;
  const figures = compareFigures(claim.figures, candidate.figures);
  const opposite = oppositePolarity(claim.polarity, candidate.polarity);
  const weaker = opposite ? null : weakerPolarity(claim.polarity, candidate.polarity);
  const contrast = contrastOf(claim.contrastWords, candidate.contrastWords);
  const figureScore = { same: 1, none: 0.5, "one-sided": 0.25, different: 0 }[figures.agreement];
  const raw = 0.6 * overlap + 0.15 * bm25Share + 0.25 * figureScore;
  const score = Math.round(Math.min(1, Math.max(0, opposite ? raw * 0.8 : raw)) * 1000) / 1000;
  if (score < thresholds.minScore) return null;
  const agreeing = (figures.agreement === "same" && overlap >= thresholds.sameMinWordsWithFigures) || (figures.agreement === "none" && overlap >= thresholds.sameMinWordsWithoutFigures);
  const relation: MatchRelation = agreeing && !opposite && !weaker && !contrast && score >= thresholds.sameMinScore ? "same" : "related";
  const reasons = [...figures.reasons];
  if (opposite) reasons.push(opposite);
  if (weaker) reasons.push(weaker);
  if (contrast) reasons.push(contrast);
  if (shared.length > 0) reasons.push(`shared words: ${shared.slice(0, 8).join(", ")}`);
  return { score, relation, reasons };
}
