import { PAIR_FEATURES } from "./pair-features";
import { sameClaimProbability, type SameClaimModel } from "./same-claim";

export { NEVER_SAME as neutralModel } from "./same-claim";

/**
 * Fitting the same-claim model (same-claim.ts): L2-regularised logistic regression over dense,
 * standardised pair features, by full-batch gradient descent (18 features and a few thousand
 * candidates: a library would add nothing). Used by `npm run eval:matching -- --train` and by its
 * cross-split figures; the shipped matcher only reads the weights. Pure and deterministic.
 */

export interface LabelledPair {
  vector: readonly number[];
  /** 1 when the candidate is the query's gold "same" claim. */
  label: 0 | 1;
}

/** L2 penalties tried on the standardised weights (not the bias): the one chosen is the best by log-loss on groups left out. */
export const L2_GRID = [0.001, 0.01, 0.1] as const;
const STEPS = 3000;
const RATE = 0.5;

/** Weights fitted to `pairs`, with the given threshold. */
export function fitSameClaim(pairs: readonly LabelledPair[], threshold: number, l2: number): SameClaimModel {
  const d = PAIR_FEATURES.length;
  const n = pairs.length;
  const mean = Array.from({ length: d }, (_, j) => pairs.reduce((s, p) => s + p.vector[j]!, 0) / Math.max(1, n));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(pairs.reduce((s, p) => s + (p.vector[j]! - mean[j]!) ** 2, 0) / Math.max(1, n)) || 1);
  const x = pairs.map((p) => p.vector.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < STEPS; step++) {
    const gw = w.map((wj) => l2 * wj);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[i]![j]!;
      const err = 1 / (1 + Math.exp(-z)) - pairs[i]!.label;
      for (let j = 0; j < d; j++) gw[j]! += (err * x[i]![j]!) / n;
      gb += err / n;
    }
    for (let j = 0; j < d; j++) w[j]! -= RATE * gw[j]!;
    b -= RATE * gb;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { features: [...PAIR_FEATURES], mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: round(b), threshold };
}

/** The probabilities a model gives to pairs. */
export function probabilities(model: SameClaimModel, pairs: readonly LabelledPair[]): number[] {
  return pairs.map((p) => sameClaimProbability(model, p.vector));
}

/** One labelled query as training and cross-split scoring see it: its unguarded candidates' features. */
export interface TrainingQuery {
  /** The candidates the matcher offers; a guarded one is never "same" (its features still teach what another claim looks like). */
  candidates: { id: string; vector: readonly number[]; guarded: boolean }[];
  /** The gold "same" candidate's id, or null when the query has none. */
  gold: string | null;
  /** Ids labelled as the same claim with another number: never to be called "same". */
  differentNumber: readonly string[];
  /** Ids of the guards' own cases (another number, the polarity flipped): not learned from, since their words alone say "same". */
  guardCases: readonly string[];
}

/** The figures the bars are set on (issue 16), for one threshold. */
export interface SameClaimFigures {
  answered: number;
  correct: number;
  withGold: number;
  differentNumber: number;
  /** different_number pairs at or above the threshold (any of the query's candidates, not only its first). */
  wrongNumber: number;
}

export const precisionOf = (f: SameClaimFigures) => (f.answered === 0 ? 1 : f.correct / f.answered);
export const recallOf = (f: SameClaimFigures) => (f.withGold === 0 ? 0 : f.correct / f.withGold);

/**
 * The candidates as labelled pairs: the gold "same" one positive, the others negative, whether a
 * guard rules them out or not (a claim on the same topic teaches the model what another assertion
 * looks like), except the guards' own cases.
 */
export function pairsOf(queries: readonly TrainingQuery[]): LabelledPair[] {
  return queries.flatMap((q) => q.candidates.filter((c) => !q.guardCases.includes(c.id)).map((c) => ({ vector: c.vector, label: c.id === q.gold ? (1 as const) : (0 as const) })));
}

/** Each candidate's confidence under a model, per query. */
export function confidencesOf(model: SameClaimModel, queries: readonly TrainingQuery[]): { id: string; confidence: number }[][] {
  return queries.map((q) => q.candidates.map((c) => ({ id: c.id, confidence: c.guarded ? 0 : sameClaimProbability(model, c.vector) })));
}

/** The figures at threshold `t`: each query's answer is its surest candidate, if at least `t` sure. */
export function figuresAt(queries: readonly TrainingQuery[], confidences: readonly { id: string; confidence: number }[][], t: number): SameClaimFigures {
  const f: SameClaimFigures = { answered: 0, correct: 0, withGold: 0, differentNumber: 0, wrongNumber: 0 };
  queries.forEach((q, i) => {
    const sure = confidences[i]!.filter((c) => c.confidence >= t).sort((a, b) => b.confidence - a.confidence);
    if (q.gold) f.withGold += 1;
    if (sure[0]) {
      f.answered += 1;
      if (sure[0].id === q.gold) f.correct += 1;
    }
    f.differentNumber += q.differentNumber.length;
    f.wrongNumber += q.differentNumber.filter((id) => sure.some((c) => c.id === id)).length;
  });
  return f;
}

/** The thresholds tried: from a coin toss up to near certainty. */
export const THRESHOLDS = Array.from({ length: 27 }, (_, i) => Math.round((0.3 + i * 0.025) * 1000) / 1000);
/** The precision the threshold must reach on splits its weights did not see: above the bar (0.90), for what a new set costs. */
export const PRECISION_TARGET = 0.95;

/** Each group's confidences from weights fitted on the other groups only. */
function leftOut(groups: readonly (readonly TrainingQuery[])[], l2: number): { id: string; confidence: number }[][] {
  return groups.flatMap((group, g) => confidencesOf(fitSameClaim(pairsOf(groups.filter((_, h) => h !== g).flat()), 0.5, l2), group));
}

/** The L2 penalty whose left-out confidences have the least log-loss on the unguarded candidates. */
export function chooseL2(groups: readonly (readonly TrainingQuery[])[]): number {
  const queries = groups.flat();
  let best = { l2: L2_GRID[0] as number, loss: Infinity };
  for (const l2 of L2_GRID) {
    const confidences = leftOut(groups, l2);
    let loss = 0;
    queries.forEach((q, i) =>
      q.candidates.forEach((c, j) => {
        if (c.guarded || q.guardCases.includes(c.id)) return;
        const p = Math.min(1 - 1e-6, Math.max(1e-6, confidences[i]![j]!.confidence));
        loss -= c.id === q.gold ? Math.log(p) : Math.log(1 - p);
      }),
    );
    if (loss < best.loss) best = { l2, loss };
  }
  return best.l2;
}

/**
 * The threshold for a model fitted on all of `groups`, chosen on confidences each group gets from
 * weights fitted on the other groups only (never on a group's own fit): the one with the best
 * pooled recall whose precision reaches PRECISION_TARGET with no different-number pair called
 * "same" (ties to the higher, surer threshold).
 */
export function chooseThreshold(groups: readonly (readonly TrainingQuery[])[], l2: number): number {
  const queries = groups.flat();
  const confidences = leftOut(groups, l2);
  let best = { t: THRESHOLDS.at(-1)!, recall: -1 };
  for (const t of THRESHOLDS) {
    const f = figuresAt(queries, confidences, t);
    if (precisionOf(f) < PRECISION_TARGET || f.wrongNumber > 0) continue;
    if (recallOf(f) >= best.recall) best = { t, recall: recallOf(f) };
  }
  return best.t;
}

/** The model fitted on every group, its penalty and threshold chosen across them. */
export function trainSameClaim(groups: readonly (readonly TrainingQuery[])[]): SameClaimModel & { l2: number } {
  const l2 = chooseL2(groups);
  return { ...fitSameClaim(pairsOf(groups.flat()), chooseThreshold(groups, l2), l2), l2 };
}
