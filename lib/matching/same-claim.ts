import file from "../../models/matching/same-claim.json";
import { PAIR_FEATURES } from "./pair-features";

/**
 * The learned half of "same": a logistic regression over a candidate's pair features
 * (pair-features.ts), its weights in models/matching/same-claim.json, written by
 * `npm run eval:matching -- --train` from our own labelled pairs (models/matching/README.md).
 * A candidate that passes the guards is "the same claim" only when the model is at least
 * `threshold` sure; the threshold was chosen on predictions for splits the weights had not seen,
 * so it abstains where it would guess. Pure.
 */

export interface SameClaimModel {
  /** The feature names the weights follow: must be PAIR_FEATURES, in order. */
  features: readonly string[];
  /** Standardisation: each feature less its mean, over its scale. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** "same" at or above this probability. */
  threshold: number;
}

/** The probability that a candidate with this feature vector states the same claim. */
export function sameClaimProbability(model: SameClaimModel, vector: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < vector.length; i++) z += model.weights[i]! * ((vector[i]! - model.mean[i]!) / model.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The model as shipped. One trained on other features than the code computes says "same" of
 * nothing (a stale model must not guess; tests/unit/matching checks it matches), so that
 * `--train` can still run the matcher to replace it.
 */
export function shippedModel(): Readonly<SameClaimModel> {
  const m = file as SameClaimModel;
  return m.features.join() === PAIR_FEATURES.join() ? m : NEVER_SAME;
}

/** A model that is never sure: for a stale model file, and for reading features before any model is fitted. */
export const NEVER_SAME: Readonly<SameClaimModel> = {
  features: PAIR_FEATURES,
  mean: PAIR_FEATURES.map(() => 0),
  scale: PAIR_FEATURES.map(() => 1),
  weights: PAIR_FEATURES.map(() => 0),
  bias: -50,
  threshold: 1,
};
