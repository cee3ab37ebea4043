/**
 * The shipped kind model: which of the four kinds a claim is, learned from our labelled articles over
 * the rules' own cue firings and words (./kinds-features.ts), and how it is combined with the rules'
 * kind (models/kinds/model.json says: rules alone, the model alone, or the model where it is sure).
 * The combination and its settings were chosen by leave-one-document-out cross-validation on the
 * training articles (`npm run train:claims`, lib/claims/README.md). Read once, on first use, from the
 * bundled JSON, like ./checkworthy.ts.
 */
import file from "../../../models/kinds/model.json";
import type { ClaimKind } from "../types";
import { type KindInput, KIND_FEATURES_VERSION } from "./kinds-features";
import { decide, type KindMode, kindPredictor, type KindPredictor, ruleByOwnCue } from "./kinds-training";

/** The shape of models/kinds/model.json (what `npm run train:claims` writes). */
export interface KindFile {
  format: string;
  decision: KindMode;
  kinds: ClaimKind[];
  withRuleKind: boolean;
  names: string;
  weights: number[];
}

let loaded: { decision: KindMode; predict: KindPredictor | null } | null = null;
let override: KindFile | null = null;

function model(): { decision: KindMode; predict: KindPredictor | null } {
  if (loaded) return loaded;
  const m = override ?? (file as KindFile);
  if (m.format !== KIND_FEATURES_VERSION) throw new Error(`models/kinds/model.json is ${m.format}, the code reads ${KIND_FEATURES_VERSION}: run npm run train:claims`);
  const predict = m.decision.mode === "rules" ? null : kindPredictor({ kinds: m.kinds, names: m.names.split("\n"), weights: m.weights, withRuleKind: m.withRuleKind });
  loaded = { decision: m.decision, predict };
  return loaded;
}

/**
 * Swaps in another kind model for the rest of the process (`null` brings back the shipped one): for
 * cross-validation by document (scripts/bench/claims-cv.ts). The pipeline itself never calls this.
 */
export function swapKindModel(m: KindFile | null): void {
  loaded = null;
  override = m;
}

/** What the kind stage decided: the kind, and the model's own view when it was asked. */
export interface KindDecision {
  kind: ClaimKind;
  /** The model's best kind and its probability; null when the rules decide alone. */
  model: { kind: ClaimKind; probability: number } | null;
}

/**
 * The kind of one claim: the rules' kind (`input.ruleKind`) unless the shipped decision lets the
 * model overrule it.
 */
export function claimKind(input: KindInput): KindDecision {
  const { decision, predict } = model();
  const predicted = predict ? predict(input) : null;
  return { kind: decide(decision, input.ruleKind, predicted, ruleByOwnCue(input)), model: predicted };
}
