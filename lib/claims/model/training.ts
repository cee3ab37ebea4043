/**
 * Training and cross-validation of the check-worthiness model, over labelled sentences in memory
 * (the scripts read the files: scripts/claims-data.ts). Used by `npm run train:claims` and
 * `npm run eval:claims`; nothing here runs in the extraction pipeline.
 */
import { featurize } from "./features";
import { type Example, fitPlatt, margin, train } from "./logistic";

/** A labelled sentence. `weight` lets a small corpus count for more than its size. */
export interface LabelledSentence {
  text: string;
  label: number;
  weight?: number;
}

/** The choices the cross-validation makes: smoothing, rare-feature cut-off, epochs, AdaGrad's step. */
export interface Hyper {
  l2: number;
  minCount: number;
  epochs: number;
  positiveWeight: number;
  rate: number;
}

/** Chosen by ClaimBuster contiguous-fold F1 (`npm run train:claims -- --search`); the step size mattered most. */
export const DEFAULT_HYPER: Hyper = { l2: 1e-3, minCount: 2, epochs: 5, positiveWeight: 1, rate: 0.05 };

/** A trained, uncalibrated model: feature names and their weights (bias first). */
export interface LinearModel {
  names: string[];
  weights: number[];
}

/** Fits the weights on `sentences`, keeping features seen at least `minCount` times. */
export function fitLinear(sentences: LabelledSentence[], hyper: Hyper): LinearModel {
  const featured = sentences.map((s) => featurize(s.text));
  const counts = new Map<string, number>();
  for (const fs of featured) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = ["bias", ...[...counts].filter(([f, n]) => f !== "bias" && n >= hyper.minCount).map(([f]) => f).sort()];
  const index = new Map(names.map((f, i) => [f, i]));
  const examples: Example[] = featured.map((fs, i) => ({
    features: fs.map((f) => index.get(f)).filter((j): j is number => j !== undefined),
    label: sentences[i]!.label,
    weight: sentences[i]!.weight,
  }));
  const w = train(examples, { size: names.length, l2: hyper.l2, epochs: hyper.epochs, positiveWeight: hyper.positiveWeight, rate: hyper.rate });
  // Features whose weight rounds to zero carry nothing: leave them out of the shipped table.
  const kept = names.map((name, i) => ({ name, weight: Math.round(w[i]! * 1e4) / 1e4 })).filter((x, i) => i === 0 || x.weight !== 0);
  return { names: kept.map((x) => x.name), weights: kept.map((x) => x.weight) };
}

/** The margin (log-odds) a linear model gives a text. */
export function scoreText(model: LinearModel | { lookup: Map<string, number>; bias: number }, text: string): number {
  const lookup = "lookup" in model ? model.lookup : new Map(model.names.map((n, i) => [n, model.weights[i]!]));
  let z = 0;
  for (const f of featurize(text)) z += lookup.get(f) ?? 0;
  return z;
}

/** A fast scorer over a model: builds the lookup table once. */
export function scorer(model: LinearModel): (text: string) => number {
  const lookup = new Map(model.names.map((n, i) => [n, model.weights[i]!]));
  return (text) => scoreText({ lookup, bias: 0 }, text);
}

/**
 * Contiguous folds: `sentences` must already be in order (ClaimBuster by sentence_id, so a fold is a
 * run of debates and no debate's sentences sit on both sides). Returns each sentence's margin from
 * the model trained without its fold; `always` (our own articles) is in every training set.
 */
export function crossValidate(sentences: LabelledSentence[], folds: number, hyper: Hyper, always: LabelledSentence[] = []): number[] {
  const out = new Array<number>(sentences.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const [from, to] = foldRange(sentences.length, folds, k);
    const model = scorer(fitLinear([...sentences.slice(0, from), ...sentences.slice(to), ...always], hyper));
    for (let i = from; i < to; i++) out[i] = model(sentences[i]!.text);
  }
  return out;
}

/** [from, to) of fold `k` of `folds` contiguous folds over `n` items. */
export function foldRange(n: number, folds: number, k: number): [number, number] {
  return [Math.floor((n * k) / folds), Math.floor((n * (k + 1)) / folds)];
}

export { fitPlatt, margin };
