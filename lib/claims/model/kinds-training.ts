/**
 * Training of the kind model over labelled claims in memory (scripts/claims-data.ts reads the files,
 * scripts/train-claims.ts cross-validates by document and writes models/kinds/model.json). Nothing
 * here runs in the extraction pipeline.
 */
import { CLAIM_KINDS, type ClaimKind } from "../types";
import { type KindInput, kindFeatures } from "./kinds-features";
import { softmax, trainSoftmax } from "./kinds-softmax";

/** A claim the pipeline kept that lands on a gold claim, labelled with the gold's best kind. */
export interface KindExample {
  input: KindInput;
  label: ClaimKind;
}

/** The choices cross-validation makes. */
export interface KindHyper {
  l2: number;
  epochs: number;
  rate: number;
  /** Features seen fewer times are left out. */
  minCount: number;
  /** The rules' kind as a one-hot feature. */
  withRuleKind: boolean;
}

/** A trained kind model: feature names and their weights, `kinds.length` per feature, bias first. */
export interface KindModel {
  kinds: ClaimKind[];
  names: string[];
  weights: number[];
  withRuleKind: boolean;
}

/** Features of a claim; cross-validation passes a memoised one, since it reads each claim many times. */
export type KindFeaturizer = (input: KindInput, withRuleKind: boolean) => string[];

/** A featurizer that reads each claim once (for training and cross-validation only). */
export function memoisedFeatures(): KindFeaturizer {
  const seen = [new WeakMap<KindInput, string[]>(), new WeakMap<KindInput, string[]>()];
  return (input, withRuleKind) => {
    const memo = seen[withRuleKind ? 1 : 0]!;
    let fs = memo.get(input);
    if (!fs) memo.set(input, (fs = kindFeatures(input, withRuleKind)));
    return fs;
  };
}

/** Fits the model on `examples`. */
export function fitKinds(examples: KindExample[], hyper: KindHyper, featuresOf: KindFeaturizer = kindFeatures): KindModel {
  const kinds = [...CLAIM_KINDS];
  const featured = examples.map((e) => featuresOf(e.input, hyper.withRuleKind));
  const counts = new Map<string, number>();
  for (const fs of featured) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = ["bias", ...[...counts].filter(([f, n]) => f !== "bias" && n >= hyper.minCount).map(([f]) => f).sort()];
  const index = new Map(names.map((f, i) => [f, i]));
  const w = trainSoftmax(
    featured.map((fs, i) => ({ features: fs.map((f) => index.get(f)).filter((j): j is number => j !== undefined), label: kinds.indexOf(examples[i]!.label) })),
    { size: names.length, classes: kinds.length, l2: hyper.l2, epochs: hyper.epochs, rate: hyper.rate },
  );
  return { kinds, names, weights: [...w].map((x) => Math.round(x * 1e4) / 1e4), withRuleKind: hyper.withRuleKind };
}

/** The model's best kind for a claim and its probability. */
export type KindPredictor = (input: KindInput) => { kind: ClaimKind; probability: number };

/** A predictor over a model: builds the lookup once. */
export function kindPredictor(model: KindModel, featuresOf: KindFeaturizer = kindFeatures): KindPredictor {
  const classes = model.kinds.length;
  const lookup = new Map(model.names.map((n, i) => [n, i]));
  return (input) => {
    const features = featuresOf(input, model.withRuleKind).map((f) => lookup.get(f)).filter((j): j is number => j !== undefined);
    const p = softmax(model.weights, features, classes);
    let best = 0;
    for (let k = 1; k < classes; k++) if (p[k]! > p[best]!) best = k;
    return { kind: model.kinds[best]!, probability: p[best]! };
  };
}

/**
 * How the shipped kind is decided: the rules, the model, or the model where it is at least `threshold`
 * sure; `ownRule`, when set, is the bar the model must clear to overrule a program rule the rules found
 * by a cue of the sentence's own (a deontic verb, a deadline), which is where the rules are surest.
 */
export type KindMode = { mode: "rules" } | { mode: "learned" } | { mode: "override"; threshold: number; ownRule?: number };

/** Whether the rules typed a claim a program rule by a cue in its own words (not a list's lead-in). */
export function ruleByOwnCue(input: Pick<KindInput, "ruleKind" | "signals">): boolean {
  return input.ruleKind === "program_rule" && input.signals.some((s) => s.startsWith("rule:") && s !== "rule:from lead-in");
}

/** Applies a mode: the final kind of a claim, given the rules' kind and the model's prediction. */
export function decide(mode: KindMode, ruleKind: ClaimKind, predicted: { kind: ClaimKind; probability: number } | null, ownRule = false): ClaimKind {
  if (mode.mode === "rules" || !predicted) return ruleKind;
  if (mode.mode === "learned") return predicted.kind;
  const bar = ownRule && mode.ownRule !== undefined ? mode.ownRule : mode.threshold;
  return predicted.probability >= bar ? predicted.kind : ruleKind;
}
