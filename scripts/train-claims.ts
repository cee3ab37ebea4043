/**
 * Trains the check-worthiness model and writes models/checkworthy/model.json.
 *
 *   npm run train:claims             train with the settings chosen below
 *   npm run train:claims -- --search cross-validate a grid of settings on ClaimBuster and print it
 *
 * Learns from ClaimBuster's labelled debate sentences (../shared/data/claimbuster, GPL-3.0) and the
 * training split of our own labelled articles. Settings are chosen by ClaimBuster cross-validation in
 * contiguous folds of sentence_id only; the CLEF transcripts are never read here.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { FEATURES_VERSION } from "../lib/claims/model/features";
import { type ContextWeights, fitDense } from "../lib/claims/model/context";
import { sigmoid } from "../lib/claims/model/logistic";
import { averagePrecision, bestThreshold, prf } from "../lib/claims/model/metrics";
import { crossValidate, DEFAULT_HYPER, fitLinear, fitPlatt, type Hyper, type LabelledSentence } from "../lib/claims/model/training";
import { articleSentences, readArticles, readClaimBuster } from "./claims-data";

/** Ten contiguous folds: each a run of about 970 sentences, a few debates. */
export const FOLDS = 10;
/** A sentence of our own articles counts as this many debate sentences (news prose is what we extract). */
export const ARTICLE_WEIGHT = 3;
/** Chosen by `--search` (ClaimBuster contiguous-fold F1); see lib/claims/README.md. */
export const HYPER: Hyper = DEFAULT_HYPER;

const OUT = resolve(process.cwd(), "models/checkworthy/model.json");

/** ClaimBuster sentences (in order) and our articles' training units. */
export function trainingData(): { debates: (LabelledSentence & { id: number })[]; articles: LabelledSentence[]; articleCount: number } {
  const debates = readClaimBuster();
  const train = readArticles().filter((a) => a.split === "train");
  return { debates, articles: train.flatMap((a) => articleSentences(a, ARTICLE_WEIGHT)), articleCount: train.length };
}

/**
 * Cross-fitted calibration: fold k's margins are turned into probabilities, and its decision threshold
 * chosen, from the other folds' held-out margins only, so no fold's labels shape its own figures.
 */
export function heldOutProbabilities(margins: number[], labels: number[], folds: number): { probabilities: number[]; thresholds: number[] } {
  const n = margins.length;
  const probabilities = new Array<number>(n).fill(0);
  const thresholds: number[] = [];
  for (let k = 0; k < folds; k++) {
    const from = Math.floor((n * k) / folds);
    const to = Math.floor((n * (k + 1)) / folds);
    const others = margins.map((_, i) => i).filter((i) => i < from || i >= to);
    const platt = fitPlatt(others.map((i) => margins[i]!), others.map((i) => labels[i]!));
    const calibrated = others.map((i) => sigmoid(platt.a * margins[i]! + platt.b));
    thresholds.push(bestThreshold(calibrated, others.map((i) => labels[i]!)));
    for (let i = from; i < to; i++) probabilities[i] = sigmoid(platt.a * margins[i]! + platt.b);
  }
  return { probabilities, thresholds };
}

/**
 * The transcript weights of lib/claims/model/context.ts: held-out margins of ClaimBuster sentences
 * whose neighbours by sentence_id are both in the data, and the label of the middle one.
 */
function contextWeights(debates: { id: number; label: number }[], margins: number[]): ContextWeights {
  const at = new Map(debates.map((s, i) => [s.id, i]));
  const rows: number[][] = [];
  const labels: number[] = [];
  debates.forEach((s, i) => {
    const previous = at.get(s.id - 1);
    const next = at.get(s.id + 1);
    if (previous === undefined || next === undefined) return;
    rows.push([margins[i]!, margins[previous]!, margins[next]!]);
    labels.push(s.label);
  });
  const [bias, own, previous, next] = fitDense(rows, labels).map(round) as [number, number, number, number];
  const absent = round(margins.reduce((a, z) => a + z, 0) / margins.length);
  console.log(`context weights from ${rows.length} sentences with both neighbours: own ${own}, previous ${previous}, next ${next}`);
  return { bias, own, previous, next, absent };
}

function search(debates: LabelledSentence[], articles: LabelledSentence[]) {
  const labels = debates.map((s) => s.label);
  console.log("rate\tl2\tminCount\tepochs\tAP\tbest F1");
  for (const rate of [0.02, 0.05, 0.1, 0.2])
    for (const l2 of [1e-4, 1e-3])
      for (const minCount of [1, 2])
        for (const epochs of [5, 10]) {
          const hyper = { l2, minCount, epochs, positiveWeight: 1, rate };
          const m = crossValidate(debates, FOLDS, hyper, articles);
          const p = m.map(sigmoid);
          const best = prf(p, labels, bestThreshold(p, labels)).f1;
          console.log(`${rate}\t${l2}\t${minCount}\t${epochs}\t${averagePrecision(m, labels).toFixed(4)}\t${best.toFixed(4)}`);
        }
}

function main() {
  const t0 = performance.now();
  const { debates, articles, articleCount } = trainingData();
  if (process.argv.includes("--search")) return search(debates, articles);
  const labels = debates.map((s) => s.label);
  const margins = crossValidate(debates, FOLDS, HYPER, articles);
  const platt = fitPlatt(margins, labels);
  const calibrated = margins.map((z) => sigmoid(platt.a * z + platt.b));
  const threshold = bestThreshold(calibrated, labels);
  const context = contextWeights(debates, margins);
  const model = fitLinear([...debates, ...articles], HYPER);
  const file = {
    format: FEATURES_VERSION,
    about: "Check-worthiness of one sentence: logistic regression over words, word pairs, number shapes and cues (lib/claims/model). See NOTICE.",
    trainedOn: { claimbuster: debates.length, articles: articleCount, articleUnits: articles.length, articleWeight: ARTICLE_WEIGHT },
    hyper: HYPER,
    platt: { a: round(platt.a), b: round(platt.b) },
    threshold,
    context,
    names: model.names.join("\n"),
    weights: model.weights,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  const f = prf(calibrated, labels, threshold);
  console.log(`trained on ${debates.length} ClaimBuster sentences + ${articles.length} units of ${articleCount} articles: ${model.names.length} features`);
  console.log(`ClaimBuster ${FOLDS}-fold contiguous CV: AP ${averagePrecision(margins, labels).toFixed(3)}, F1 ${f.f1.toFixed(3)} at ${threshold} (P ${f.precision.toFixed(3)}, R ${f.recall.toFixed(3)})`);
  console.log(`Platt a=${platt.a.toFixed(3)} b=${platt.b.toFixed(3)}; wrote ${OUT} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

if (process.argv[1] && resolve(process.argv[1]) === resolve(process.cwd(), "scripts/train-claims.ts")) main();
