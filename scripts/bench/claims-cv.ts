/**
 * The whole claim pipeline cross-validated by document over every labelled training article:
 *
 *   npx tsx scripts/bench/claims-cv.ts            pooled figures (also printed by npm run eval:claims)
 *   npx tsx scripts/bench/claims-cv.ts --errors   and every kept non-claim and mistyped claim, by fold
 *
 * Leave-one-document-out: for each article, the check-worthiness model (ClaimBuster plus the other
 * articles' units) and the kind model (the other articles' claims) are retrained without it, and the
 * article is read by the pipeline with those two models. So what the models add is measured on text
 * they never saw. The rules are not held out: they were written on these same articles, so every
 * figure here is optimistic about the rules (the blind corpus/heldout/ split is the real test).
 *
 * Kept fixed across folds, and so slightly optimistic too: the shipped Platt calibration and decision
 * threshold (fitted on ClaimBuster's contiguous folds, where one article weighs little), the kind
 * model's decision (chosen by the kind CV of train-claims.ts over the same articles), and which units
 * of the training articles the kind model learns from (cut by the shipped filter).
 */
import file from "../../models/kinds/model.json";
import { extractClaims } from "../../lib/claims";
import { swapCheckWorthinessModel, type ModelFile } from "../../lib/claims/model/checkworthy";
import { FEATURES_VERSION } from "../../lib/claims/model/features";
import { KIND_FEATURES_VERSION } from "../../lib/claims/model/kinds-features";
import { fitKinds, type KindMode, memoisedFeatures } from "../../lib/claims/model/kinds-training";
import { type KindFile, swapKindModel } from "../../lib/claims/model/kinds";
import { fitLinear, type LabelledSentence } from "../../lib/claims/model/training";
import { type DocumentScore, poolScores, type PooledScore, scoreDocument } from "../../tests/support/score-claims";
import { articleSentences, kindDocument, type LabelledArticle, readArticles, readClaimBuster } from "../claims-data";
import { ARTICLE_WEIGHT, HYPER, KIND_HYPER } from "../train-claims";
import shipped from "../../models/checkworthy/model.json";

/** What one cross-validation run gives: pooled figures, per variant, and per article. */
export interface PipelineCv {
  articles: LabelledArticle[];
  /** Rules' kinds only, models held out (precision is the same as `models`'s). */
  rules: PooledScore;
  /** Held-out check-worthiness and kind models, the shipped kind decision. */
  models: PooledScore;
  /** Per article, for `models`. */
  scores: DocumentScore[];
}

/** Runs the leave-one-document-out cross-validation of the whole pipeline over the training articles. */
export function pipelineCrossValidation(options: { decision?: KindMode; withRuleKind?: boolean } = {}): PipelineCv {
  const kindFile = file as KindFile;
  const decision = options.decision ?? kindFile.decision;
  const withRuleKind = options.withRuleKind ?? kindFile.withRuleKind;
  const articles = readArticles().filter((a) => a.split === "train");
  const debates = readClaimBuster();
  const units: LabelledSentence[][] = articles.map((a) => articleSentences(a, ARTICLE_WEIGHT));
  const kindDocs = articles.map(kindDocument);
  const features = memoisedFeatures();
  const base = shipped as ModelFile;
  const rules: DocumentScore[] = [];
  const scores: DocumentScore[] = [];
  articles.forEach((held, i) => {
    const linear = fitLinear([...debates, ...units.filter((_, j) => j !== i).flat()], HYPER);
    swapCheckWorthinessModel({ format: FEATURES_VERSION, platt: base.platt, threshold: base.threshold, context: base.context, names: linear.names.join("\n"), weights: linear.weights });
    swapKindModel({ format: KIND_FEATURES_VERSION, decision: { mode: "rules" }, kinds: [], withRuleKind: false, names: "", weights: [] });
    rules.push(scoreDocument(held.labels, held.text, extractClaims(held.text, { format: held.format }).claims));
    if (decision.mode !== "rules") {
      const model = fitKinds(kindDocs.filter((_, j) => j !== i).flatMap((d) => d.examples), { ...KIND_HYPER, withRuleKind }, features);
      swapKindModel({ format: KIND_FEATURES_VERSION, decision, kinds: model.kinds, withRuleKind, names: model.names.join("\n"), weights: model.weights });
    }
    scores.push(scoreDocument(held.labels, held.text, extractClaims(held.text, { format: held.format }).claims));
  });
  swapCheckWorthinessModel(null);
  swapKindModel(null);
  return { articles, rules: poolScores(rules), models: poolScores(scores), scores };
}

const f3 = (x: number) => x.toFixed(3);

/** One line of pooled figures. */
export function figures(p: PooledScore): string {
  return `recall ${f3(p.recall)}  precision ${f3(p.precision)}  kind ${f3(p.kind)}  boundaries ${f3(p.boundaries)}  (${p.counts.required} claims, ${p.counts.onNone} non-claims kept)`;
}

function main() {
  const t0 = performance.now();
  const cv = pipelineCrossValidation();
  console.log(`whole pipeline, leave-one-document-out over ${cv.articles.length} training articles (rules written on them: optimistic)`);
  console.log(`  rules' kinds, held-out check-worthiness model:   ${figures(cv.rules)}`);
  console.log(`  shipped kind decision, both models held out:     ${figures(cv.models)}`);
  const batches = new Map<string, DocumentScore[]>();
  cv.articles.forEach((a, i) => batches.set(a.gold, [...(batches.get(a.gold) ?? []), cv.scores[i]!]));
  for (const [gold, s] of batches) console.log(`    ${gold.padEnd(58)} ${figures(poolScores(s))}`);
  if (process.argv.includes("--errors")) {
    cv.articles.forEach((a, i) => {
      const m = cv.scores[i]!.misses;
      if (m.onNone.length + m.wrongKind.length === 0) return;
      console.log(`\n## ${a.name}`);
      for (const t of m.onNone) console.log(`  kept, not a claim: ${t}`);
      for (const w of m.wrongKind) console.log(`  kind ${w.predicted.join("/")} not in ${w.accepted.join(",")}: ${w.quote}`);
    });
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

if (process.argv[1]?.endsWith("claims-cv.ts")) main();
