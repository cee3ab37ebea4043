/**
 * Trains the check-worthiness model and writes models/checkworthy/model.json.
 *
 *   npm run train:claims             train with the settings chosen below
 *   npm run train:claims -- --search cross-validate a grid of settings on ClaimBuster and print it
 *   npm run train:claims -- --kinds  only the kind model (models/kinds/model.json)
 *   npm run train:claims -- --nested also nested leave-one-document-out CV of the kind choice (slow)
 *
 * Learns from ClaimBuster's labelled debate sentences (../shared/data/claimbuster, GPL-3.0) and the
 * training split of our own labelled articles. Settings are chosen by ClaimBuster cross-validation in
 * contiguous folds of sentence_id only; the CLEF transcripts are never read here.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { swapCheckWorthinessModel } from "../lib/claims/model/checkworthy";
import { FEATURES_VERSION } from "../lib/claims/model/features";
import { type ContextWeights, fitDense } from "../lib/claims/model/context";
import { sigmoid } from "../lib/claims/model/logistic";
import { averagePrecision, bestThreshold, prf } from "../lib/claims/model/metrics";
import { crossValidate, DEFAULT_HYPER, fitLinear, fitPlatt, type Hyper, type LabelledSentence } from "../lib/claims/model/training";
import { KIND_FEATURES_VERSION } from "../lib/claims/model/kinds-features";
import { decide, fitKinds, type KindHyper, type KindMode, kindPredictor, memoisedFeatures, ruleByOwnCue } from "../lib/claims/model/kinds-training";
import { CLAIM_KINDS, type ClaimKind } from "../lib/claims/types";
import { poolScores, scoreDocument } from "../tests/support/score-claims";
import { articleSentences, type KindDocument, kindDocument, readArticles, readClaimBuster } from "./claims-data";

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
  if (process.argv.includes("--kinds")) return trainKinds();
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
  // The kind model learns from the units the filter keeps, and the filter reads this model: use the
  // one just written, not the one this process loaded, so that training twice gives the same files.
  swapCheckWorthinessModel(file);
  trainKinds();
}

// ——— The kind model (models/kinds/model.json): our own labels only, chosen by leave-one-document-out CV.

const KINDS_OUT = resolve(process.cwd(), "models/kinds/model.json");

/** The learner's settings: the grid below hardly moves any row (±0.01), so one is fixed and only the combination is chosen. */
export const KIND_HYPER: Omit<KindHyper, "withRuleKind"> = { l2: 1e-3, rate: 0.05, epochs: 10, minCount: 1 };
const KIND_GRID: Omit<KindHyper, "withRuleKind">[] = [];
for (const l2 of [1e-3, 1e-2]) for (const rate of [0.05, 0.2]) for (const minCount of [1, 2]) KIND_GRID.push({ l2, rate, epochs: 10, minCount });
const OVERRIDE_AT = [0.5, 0.6, 0.7, 0.8, 0.9];
const features = memoisedFeatures();

type Predicted = { kind: ClaimKind; probability: number }[][];

/** Pooled kind accuracy of per-document kinds, scored as the outside check does. */
function kindScore(docs: KindDocument[], kinds: ClaimKind[][]): number {
  return poolScores(docs.map((d, i) => scoreDocument(d.article.labels, d.article.text, d.claims.map((c, j) => ({ kind: kinds[i]![j]!, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd }))))).kind;
}

/** Each of `held`'s claims predicted by a model trained on `train`'s examples. */
function predictWith(train: KindDocument[], held: KindDocument[], hyper: KindHyper): Predicted {
  const predict = kindPredictor(fitKinds(train.flatMap((d) => d.examples), hyper, features), features);
  return held.map((d) => d.claims.map((c) => predict(c.input)));
}

/** Each document's claims predicted by a model trained on the other documents only. */
function leaveOneDocumentOut(docs: KindDocument[], hyper: KindHyper): Predicted {
  return docs.map((held, i) => predictWith(docs.filter((_, j) => j !== i), [held], hyper)[0]!);
}

/** One way of deciding the kind: the rules, the model (with or without the rules' kind as a feature), or the rules overruled where the model is sure. */
export interface KindCandidate {
  name: string;
  decision: KindMode;
  withRuleKind: boolean;
}

export const KIND_CANDIDATES: KindCandidate[] = [
  { name: "(a) rules alone", decision: { mode: "rules" }, withRuleKind: false },
  { name: "(b) learned alone", decision: { mode: "learned" }, withRuleKind: false },
  { name: "(c) learned, rules' kind as a feature", decision: { mode: "learned" }, withRuleKind: true },
  ...[false, true].flatMap((withRuleKind) =>
    OVERRIDE_AT.map((threshold) => ({ name: `(c) rules, overruled where the ${withRuleKind ? "rule-aware " : ""}model is ≥ ${threshold} sure`, decision: { mode: "override", threshold } as KindMode, withRuleKind })),
  ),
  // Calibrated by where the rules are surest: a program rule found by a cue of its own needs ≥ 0.9.
  ...OVERRIDE_AT.slice(0, 3).map((threshold) => ({
    name: `(c) rules, overruled where the rule-aware model is ≥ ${threshold} sure (≥ 0.9 for a rule cue of the rules)`,
    decision: { mode: "override", threshold, ownRule: 0.9 } as KindMode,
    withRuleKind: true,
  })),
];

/** The kinds a candidate gives, from the two models' predictions. */
function kindsOf(candidate: KindCandidate, docs: KindDocument[], plain: Predicted, ruleAware: Predicted): ClaimKind[][] {
  const predicted = candidate.withRuleKind ? ruleAware : plain;
  return docs.map((d, i) => d.claims.map((c, j) => decide(candidate.decision, c.input.ruleKind, predicted[i]![j]!, ruleByOwnCue(c.input))));
}

/** Scores every candidate by leave-one-document-out over `docs`. */
function scoreCandidates(docs: KindDocument[], hyper: Omit<KindHyper, "withRuleKind">): number[] {
  const plain = leaveOneDocumentOut(docs, { ...hyper, withRuleKind: false });
  const ruleAware = leaveOneDocumentOut(docs, { ...hyper, withRuleKind: true });
  return KIND_CANDIDATES.map((c) => kindScore(docs, kindsOf(c, docs, plain, ruleAware)));
}

const bestOf = (scores: number[]) => scores.reduce((best, x, i) => (x > scores[best]! + 1e-9 ? i : best), 0);

/**
 * Nested leave-one-document-out: for each document, the candidate is chosen by leave-one-out over the
 * other documents, then applied to it by a model trained on them. The pooled figure measures the whole
 * procedure, choice included (the plain table's best row is the best of many, so it flatters).
 */
function nestedKindAccuracy(docs: KindDocument[]): { kind: number; chosen: string[] } {
  const kinds: ClaimKind[][] = [];
  const chosen: string[] = [];
  docs.forEach((held, i) => {
    const others = docs.filter((_, j) => j !== i);
    const candidate = KIND_CANDIDATES[bestOf(scoreCandidates(others, KIND_HYPER))]!;
    chosen.push(candidate.name);
    const predicted = predictWith(others, [held], { ...KIND_HYPER, withRuleKind: candidate.withRuleKind })[0]!;
    kinds.push(held.claims.map((c, j) => decide(candidate.decision, c.input.ruleKind, predicted[j]!, ruleByOwnCue(c.input))));
  });
  return { kind: kindScore(docs, kinds), chosen };
}

/** The kind section of train:claims and eval:claims: the CV table, and the candidate it chooses. */
export function kindCrossValidation(options: { grid?: boolean; nested?: boolean } = {}): { docs: KindDocument[]; chosen: KindCandidate; kind: number; rules: number; nested: number | null } {
  const docs = readArticles().filter((a) => a.split === "train").map(kindDocument);
  const scores = scoreCandidates(docs, KIND_HYPER);
  const grid = options.grid ? KIND_GRID.map((h) => scoreCandidates(docs, h)) : [];
  console.log(`\nkind model, leave-one-document-out CV on ${docs.length} training articles (${docs.reduce((n, d) => n + d.examples.length, 0)} labelled claims), pooled kind accuracy`);
  console.log(`  (the rules were written on these same articles, so row (a) is not held out; the models' rows are)`);
  console.log(`  shipped settings${grid.length ? `  grid of ${grid.length}: mean  best` : ""}`);
  KIND_CANDIDATES.forEach((c, k) => {
    const g = grid.map((s) => s[k]!);
    const spread = g.length ? `  ${(g.reduce((a, x) => a + x, 0) / g.length).toFixed(3)}  ${Math.max(...g).toFixed(3)}` : "";
    console.log(`  ${scores[k]!.toFixed(3)}${spread}  ${c.name}`);
  });
  grid.forEach((g, i) => console.log(`  grid ${JSON.stringify(KIND_GRID[i])}: best row ${Math.max(...g).toFixed(3)}, mean of the model rows ${(g.slice(1).reduce((a, x) => a + x, 0) / (g.length - 1)).toFixed(3)}`));
  const chosen = KIND_CANDIDATES[bestOf(scores)]!;
  let nested: number | null = null;
  if (options.nested) {
    const n = nestedKindAccuracy(docs);
    nested = n.kind;
    const counts = new Map<string, number>();
    for (const c of n.chosen) counts.set(c, (counts.get(c) ?? 0) + 1);
    console.log(`  nested leave-one-document-out (the choice made inside each fold): kind ${n.kind.toFixed(3)}; chosen ${[...counts].map(([c, k]) => `${k}× ${c}`).join(", ")}`);
  }
  return { docs, chosen, kind: scores[bestOf(scores)]!, rules: scores[0]!, nested };
}

/** Chooses the candidate with the best CV kind accuracy (ties to the earlier, simpler one) and writes it. */
function trainKinds() {
  const t0 = performance.now();
  // Nested CV refits the model about 2,800 times on 38 articles (half an hour on a busy machine): on request.
  const { docs, chosen, kind, rules, nested } = kindCrossValidation({ grid: true, nested: process.argv.includes("--nested") });
  const hyper = { ...KIND_HYPER, withRuleKind: chosen.withRuleKind };
  const model = chosen.decision.mode === "rules" ? { kinds: [...CLAIM_KINDS], names: ["bias"], weights: [0, 0, 0, 0], withRuleKind: false } : fitKinds(docs.flatMap((d) => d.examples), hyper, features);
  const classes = model.kinds.length;
  // Features whose weights all round to zero carry nothing: left out of the shipped table.
  const keep = model.names.map((_, i) => i).filter((i) => i === 0 || model.weights.slice(i * classes, (i + 1) * classes).some((w) => w !== 0));
  const file = {
    format: KIND_FEATURES_VERSION,
    about: "Kind of a claim: softmax regression over the rules' cue firings, words and block (lib/claims/model/kinds*.ts). See NOTICE.",
    trainedOn: { articles: docs.length, claims: docs.reduce((n, d) => n + d.examples.length, 0) },
    chosenBy: `leave-one-document-out CV kind ${kind.toFixed(3)} (rules alone ${rules.toFixed(3)}${nested === null ? "" : `; nested ${nested.toFixed(3)}`})`,
    decision: chosen.decision,
    hyper: chosen.decision.mode === "rules" ? null : hyper,
    kinds: model.kinds,
    withRuleKind: model.withRuleKind,
    names: keep.map((i) => model.names[i]).join("\n"),
    weights: keep.flatMap((i) => model.weights.slice(i * classes, (i + 1) * classes)),
  };
  mkdirSync(dirname(KINDS_OUT), { recursive: true });
  writeFileSync(KINDS_OUT, `${JSON.stringify(file)}\n`);
  console.log(`shipped: ${chosen.name} (CV kind ${kind.toFixed(3)}), ${keep.length} features; wrote ${KINDS_OUT} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

if (process.argv[1] && resolve(process.argv[1]) === resolve(process.cwd(), "scripts/train-claims.ts")) main();
