/**
 * The shipped check-worthiness model: how likely a fact-checker is to want a sentence checked, as a
 * calibrated probability, and which features weighed most.
 *
 * The weights are models/checkworthy/model.json, written by `npm run train:claims` (data and licence:
 * models/checkworthy/NOTICE). They are read once, on first use, from the bundled JSON: no network, no
 * file system, so the pipeline stays pure and runs the same in scripts, tests and the server.
 */
import file from "../../../models/checkworthy/model.json";
import type { ContextWeights } from "./context";
import { describeFeature, FEATURES_VERSION, featurize } from "./features";
import { sigmoid } from "./logistic";

/** What the model says about one sentence. */
export interface CheckWorthiness {
  /** Calibrated probability that the sentence is a check-worthy factual claim. */
  probability: number;
  /** The model's log-odds before calibration (what transcript context combines, ./context.ts). */
  margin: number;
  /** The features that pushed hardest, each in words with its signed weight, strongest first. */
  weighed: { feature: string; words: string; weight: number }[];
}

/** The shape of models/checkworthy/model.json (what `npm run train:claims` writes). */
export interface ModelFile {
  format: string;
  platt: { a: number; b: number };
  threshold: number;
  context?: ContextWeights;
  names: string;
  weights: number[];
}

interface Loaded {
  lookup: Map<string, number>;
  a: number;
  b: number;
  threshold: number;
  context: ContextWeights | null;
}

let loaded: Loaded | null = null;
let override: ModelFile | null = null;

function model(): Loaded {
  if (loaded) return loaded;
  const m = override ?? (file as ModelFile);
  if (m.format !== FEATURES_VERSION) throw new Error(`models/checkworthy/model.json is ${m.format}, the code reads ${FEATURES_VERSION}: run npm run train:claims`);
  const names = m.names.split("\n");
  const lookup = new Map<string, number>();
  names.forEach((name, i) => lookup.set(name, m.weights[i] ?? 0));
  loaded = { lookup, a: m.platt.a, b: m.platt.b, threshold: m.threshold, context: m.context ?? null };
  return loaded;
}

/**
 * Swaps in another model for the rest of the process (`null` brings back the shipped one): for
 * cross-validation by document (scripts/bench/claims-cv.ts), where each held-out article is read by a
 * model that never saw it. The pipeline itself never calls this.
 */
export function swapCheckWorthinessModel(m: ModelFile | null): void {
  loaded = null;
  override = m;
}

/**
 * The probability at and above which the model calls a sentence check-worthy (best F1 on held-out
 * ClaimBuster folds). Below it the model holds that a sentence is not worth checking: the filter drops
 * an opinion or first-person unit only when the rules find nothing measured too (filter.ts).
 */
export function decisionThreshold(): number {
  return model().threshold;
}

/** The transcript weights learned beside the sentence model (./context.ts), if the file has them. */
export function contextWeights(): ContextWeights | null {
  return model().context;
}

/** Scores one sentence. `top` is how many weighed features to return. */
export function checkWorthiness(text: string, top = 3): CheckWorthiness {
  const { lookup, a, b } = model();
  let z = 0;
  // The `top` strongest, strongest first, an earlier feature first among equals: what a stable sort
  // of all of them by |weight| would start with, without sorting every feature of every sentence.
  const strongest: { feature: string; weight: number }[] = [];
  for (const feature of featurize(text)) {
    const weight = lookup.get(feature);
    if (weight === undefined) continue;
    z += weight;
    if (feature === "bias" || top <= 0) continue;
    const strength = Math.abs(weight);
    let at = strongest.length;
    while (at > 0 && Math.abs(strongest[at - 1]!.weight) < strength) at--;
    if (at >= top) continue;
    strongest.splice(at, 0, { feature, weight });
    if (strongest.length > top) strongest.pop();
  }
  return {
    probability: sigmoid(a * z + b),
    margin: z,
    weighed: strongest.map((c) => ({ ...c, words: describeFeature(c.feature) })),
  };
}
