/**
 * `npm run eval:matching [-- --split dev|test|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7] [--details] [--engine sqlite|postgres] [--no-cross] [--train] [--fixtures DIR]`:
 * scores the claim matcher on every split of the evaluation set that is present
 * (tests/fixtures/claim-matching/README.md): dev.json, test.json, heldout.json, heldout2.json, heldout3.json, heldout4.json, heldout5.json, heldout6.json and heldout7.json (blind: scored, never shown). Each split gets its own throwaway migrated database (a SQLite
 * file; with `--engine postgres` one database per split on a throwaway PostgreSQL cluster,
 * scripts/postgres-cluster.mjs, whose full-text index must give the same figures): each stored
 * claim becomes a reviewed claim of an article per `article` title, the queries the claims of one
 * new article, matched by refreshClaimMatches and read back with matchesOfClaim, the path of an
 * import. Prints precision@1, recall and the wrong-number rate per split.
 *
 * Every split in the repository has been looked at while the matcher was written, so its own
 * figures are not a measure of how it generalises. The cross-split figures try to be more honest:
 * the learned same-claim model (lib/matching/same-claim.ts) fitted on two splits, its L2 penalty
 * and threshold chosen across those two, and scored on the third, for each of the three (the
 * guards and word rules were written against all three, so these still flatter them). A
 * heldout.json read with `--fixtures DIR` is a fresh blind set: scored with the shipped model, its
 * wrong answers never printed, never trained on.
 *
 * `--train` fits the shipped model on dev, test and heldout (TRAINED_ON) and writes
 * models/matching/same-claim.json with the cross-split figures (models/matching/README.md).
 * `--details` lists the wrong answers of every split looked at, never those of a blind one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { runSqlSync, startCluster } from "@/scripts/postgres-cluster.mjs";
import { migrateDatabase } from "@/lib/db/migrate";
import { matchesOfClaim, refreshClaimMatches, type ClaimMatch } from "@/lib/matching";
import { quantitiesOf } from "@/lib/matching/figures";
import { neutralModel, trainSameClaim, type TrainingQuery } from "@/lib/matching/fit-same-claim";
import { findClaimCandidates, rankCandidates, scoreCandidates } from "@/lib/matching/refresh";
import type { SameClaimModel } from "@/lib/matching/same-claim";
import { scoreMatch } from "@/lib/matching/score";
import type { Candidate } from "@/lib/matching/search-index";
import { seedCheckedArticles } from "./bench/checked-claims";

type Label = "same" | "different_number" | "negation" | "same_topic";
type EvalSet = { stored: { id: string; article: string; text: string }[]; queries: { id: string; text: string; pairs: { stored: string; label: Label }[] }[] };
const SPLITS = ["dev", "test", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"] as const;
type Split = (typeof SPLITS)[number];

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option("--split");
const details = args.includes("--details");
const cross = !args.includes("--no-cross");
/** `--train`: fit the same-claim model on the TRAINED_ON splits and write it (models/matching/README.md). */
const train = args.includes("--train");
// A blind set is never trained on: --train reads only the repository's splits.
if (train && (option("--fixtures") !== undefined || only !== undefined)) throw new Error("--train fits on every split in the repository: not with --fixtures or --split");
const MODEL = "models/matching/same-claim.json";
const engine = option("--engine") ?? "sqlite";
if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engine must be sqlite or postgres, not ${engine}`);
if (only !== undefined && !SPLITS.includes(only as Split)) throw new Error(`--split must be one of ${SPLITS.join(", ")}, not ${only}`);
/** `--fixtures DIR` reads the splits from another folder (to try the script on a stand-in heldout.json). */
const fileOf = (split: Split) => path.join(option("--fixtures") ?? "tests/fixtures/claim-matching", `${split}.json`);
const splits = SPLITS.filter((s) => (only ? s === only : true) && existsSync(fileOf(s)));
/**
 * Splits the matcher was developed against: only these may be tuned on or shown in detail. The
 * repository's heldout.json was scored blind once (session 6) and is development data since, as
 * heldout2 and heldout3 are (session 12), heldout4 (scored blind in session 12, read in session
 * 13), heldout5 and heldout6 (written blind, scored once and read in session 13). heldout7.json
 * (session 13's last blind set) has been scored but never read: it stays out of this list, so its
 * details are never printed. A heldout.json read with `--fixtures DIR` is a fresh blind set: scored, never shown in detail.
 */
const LOOKED_AT: readonly Split[] = option("--fixtures") === undefined ? ["dev", "test", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"] : ["dev", "test"];
/**
 * Splits the same-claim model is fitted on (and rotated over). heldout2.json (session 12's blind set,
 * scored once, then read while the rules were changed) is not among them: fitted on it too, the
 * threshold chosen across the splits rose to 0.625–0.825 and recall on the other three fell to
 * 0.78–0.88, since its hard same-topic pairs get confident wrong answers the threshold then has to
 * clear. It measures the rules, and the model as shipped; so does heldout3.json (session 12's second
 * blind set, likewise scored once and then read).
 */
const TRAINED_ON: readonly Split[] = ["dev", "test", "heldout"];
if (only && splits.length === 0) throw new Error(`${fileOf(only as Split)} is not there`);

/** The figures of one split under one set of answers: each query's matches, best first. */
interface Score {
  answered: number;
  correct: number;
  withGold: number;
  found: number;
  differentNumber: number;
  wrongNumber: number;
  wrongNumberStrict: number;
  wrongByLabel: Map<string, number>;
  errors: string[];
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : (n / d).toFixed(3));

/** Scores answers against the labels; `storedOf` maps a matched claim id to the set's stored id. */
function scoreAnswers(set: EvalSet, matchesOf: (i: number) => readonly ClaimMatch[], storedOf: (claimId: string) => string | undefined): Score {
  const s: Score = { answered: 0, correct: 0, withGold: 0, found: 0, differentNumber: 0, wrongNumber: 0, wrongNumberStrict: 0, wrongByLabel: new Map(), errors: [] };
  const textOf = (id: string | undefined) => set.stored.find((x) => x.id === id)?.text;
  for (const [i, query] of set.queries.entries()) {
    const matches = matchesOf(i);
    const same = matches.filter((m) => m.relation === "same");
    const answer = same[0] ? storedOf(same[0].matchedClaimId) : undefined;
    const gold = query.pairs.find((p) => p.label === "same")?.stored;
    const labelOf = (id: string | undefined) => query.pairs.find((p) => p.stored === id)?.label ?? "unlabelled";
    if (gold) s.withGold += 1;
    if (answer) {
      s.answered += 1;
      if (answer === gold) s.correct += 1;
      else {
        s.wrongByLabel.set(labelOf(answer), (s.wrongByLabel.get(labelOf(answer)) ?? 0) + 1);
        s.errors.push(`${query.id} wrong "same" (${labelOf(answer)}): ${query.text}\n    → ${textOf(answer)}\n    ${same[0]!.score} ${same[0]!.reasons.join("; ")}`);
      }
    }
    if (gold && answer === gold) s.found += 1;
    else if (gold) {
      const m = matches.find((x) => storedOf(x.matchedClaimId) === gold);
      s.errors.push(`${query.id} missed: ${query.text}\n    gold ${textOf(gold)}\n    ${m ? `${m.relation} ${m.score} ${m.reasons.join("; ")}` : "not among the matches"}`);
    }
    for (const pair of query.pairs.filter((p) => p.label === "different_number")) {
      s.differentNumber += 1;
      if (answer === pair.stored) s.wrongNumber += 1;
      if (same.some((m) => storedOf(m.matchedClaimId) === pair.stored)) s.wrongNumberStrict += 1;
    }
  }
  return s;
}

/** Every labelled pair judged on its own by the reranker: stricter, and independent of the index. */
function scorePairs(set: EvalSet): { line: string; errors: string[] } {
  const errors: string[] = [];
  const wrong = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const query of set.queries) {
    for (const pair of query.pairs) {
      const stored = set.stored.find((s) => s.id === pair.stored)!;
      const m = scoreMatch({ text: query.text, quantities: quantitiesOf(query.text) }, { text: stored.text, quantities: quantitiesOf(stored.text) });
      const isWrong = pair.label === "same" ? m?.relation !== "same" : m?.relation === "same";
      totals.set(pair.label, (totals.get(pair.label) ?? 0) + 1);
      if (!isWrong) continue;
      wrong.set(pair.label, (wrong.get(pair.label) ?? 0) + 1);
      errors.push(`${query.id}/${pair.stored} pair ${pair.label} judged ${m?.relation ?? "no match"}: ${query.text}\n    ↔ ${stored.text}\n    ${m ? `${m.score} ${m.reasons.join("; ")}` : ""}`);
    }
  }
  return { line: [...totals].map(([l, n]) => `${l} ${wrong.get(l) ?? 0}/${n}`).join(", "), errors };
}

/**
 * Synthetic checks on each gold "same" pair: the stored side with one figure changed (must not be
 * "same"), with its polarity flipped by an antonym or a "not" (must not be "same"), and wrapped in
 * an attribution (must stay "same"). Written by the matcher's author, so biased towards what it
 * handles; they test the rules on other sentences than the labels, not the labels' judgement.
 */
const ANTONYMS: readonly [string, string][] = [
  ["rose", "fell"], ["increased", "decreased"], ["grew", "shrank"], ["approved", "rejected"], ["passed", "failed"], ["highest", "lowest"],
  ["above", "below"], ["more than", "fewer than"], ["won", "lost"], ["gained", "lost"], ["hired", "laid off"],
];
function perturbations(text: string): { number?: string; negation?: string; attribution: string } {
  let number: string | undefined;
  const figure = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?/g;
  for (const m of text.matchAll(figure)) {
    if (/^(?:19|20)\d\d$/.test(m[0])) continue;
    const last = m[0].length - 1;
    const digit = Number(m[0][last]);
    number = text.slice(0, m.index + last) + String((digit + 1) % 10) + text.slice(m.index + last + 1);
    break;
  }
  let negation: string | undefined;
  for (const [x, y] of ANTONYMS) {
    const found = new RegExp(`\\b(${x}|${y})\\b`, "i").exec(text);
    if (!found) continue;
    negation = text.slice(0, found.index) + (found[1]!.toLowerCase() === x ? y : x) + text.slice(found.index + found[0].length);
    break;
  }
  negation ??= /\bnot\b/.test(text) ? text.replace(/\s*\bnot\b/, "") : /\b(is|are|was|were|has|have|had|will|would|can|could)\b/.test(text) ? text.replace(/\b(is|are|was|were|has|have|had|will|would|can|could)\b/, "$1 not") : undefined;
  return { number, negation, attribution: `Officials said that ${text[0]!.toLowerCase()}${text.slice(1)}` };
}

function scorePerturbations(set: EvalSet): { line: string; errors: string[] } {
  const counts: Record<"number" | "negation" | "attribution", [number, number]> = { number: [0, 0], negation: [0, 0], attribution: [0, 0] };
  const errors: string[] = [];
  for (const query of set.queries) {
    const gold = query.pairs.find((p) => p.label === "same");
    if (!gold) continue;
    const stored = set.stored.find((x) => x.id === gold.stored)!;
    const variants = perturbations(stored.text);
    for (const kind of ["number", "negation", "attribution"] as const) {
      const text = variants[kind];
      if (!text) continue;
      const m = scoreMatch({ text: query.text }, { text });
      const wrong = kind === "attribution" ? m?.relation !== "same" : m?.relation === "same";
      counts[kind][1] += 1;
      if (!wrong) continue;
      counts[kind][0] += 1;
      errors.push(`${query.id} ${kind} variant judged ${m?.relation ?? "no match"}: ${query.text}\n    ↔ ${text}\n    ${m ? `${m.score} ${m.reasons.join("; ")}` : ""}`);
    }
  }
  const c = counts;
  return { line: `number changed called "same" ${c.number[0]}/${c.number[1]}, polarity flipped called "same" ${c.negation[0]}/${c.negation[1]}, attribution added not "same" ${c.attribution[0]}/${c.attribution[1]}`, errors };
}

/** A split seeded and matched: what scoring under another model needs, kept after the database is gone. */
interface Prepared {
  split: Split;
  set: EvalSet;
  queryIds: string[];
  candidates: Map<string, Candidate[]>;
  storedIdOf: Map<string, string>;
}

function scoreWith(p: Prepared, model: SameClaimModel): Score {
  const ranked = rankCandidates(p.queryIds.map((id, i) => ({ id, text: p.set.queries[i]!.text })), p.candidates, model);
  return scoreAnswers(p.set, (i) => ranked.get(p.queryIds[i]!) ?? [], (id) => p.storedIdOf.get(id));
}

/** A split's queries as the same-claim model learns from them: each unguarded candidate's features, by stored id. */
function trainingQueries(p: Prepared): TrainingQuery[] {
  const scored = scoreCandidates(p.queryIds.map((id, i) => ({ id, text: p.set.queries[i]!.text })), p.candidates, neutralModel);
  return p.set.queries.map((query, i) => ({
    candidates: (scored.get(p.queryIds[i]!) ?? []).map((m) => ({ id: p.storedIdOf.get(m.matchedClaimId)!, vector: m.vector, guarded: m.guard !== null })),
    gold: query.pairs.find((x) => x.label === "same")?.stored ?? null,
    differentNumber: query.pairs.filter((x) => x.label === "different_number").map((x) => x.stored),
    guardCases: query.pairs.filter((x) => x.label === "different_number" || x.label === "negation").map((x) => x.stored),
  }));
}

/**
 * Leave one split out: the model fitted on the other splits (its threshold chosen across them,
 * never on the split scored), then run through the matcher on the split left out. The guards and
 * word rules were written against every split, so these figures still flatter the rules; they
 * show how well the learned decision carries to claims its weights never saw.
 */
function rotations(prepared: readonly Prepared[]): string[] {
  const lines: string[] = [];
  for (const out of prepared) {
    const rest = prepared.filter((p) => p !== out);
    const model = trainSameClaim(rest.map(trainingQueries));
    lines.push(`  trained on ${rest.map((p) => p.split).join("+")} (L2 ${model.l2}, threshold ${model.threshold}), scored on ${out.split}: ${summary(scoreWith(out, model))}`);
  }
  return lines;
}

function summary(s: Score): string {
  return `p@1 ${pct(s.correct, s.answered)}, recall ${pct(s.found, s.withGold)}, wrong-number ${pct(s.wrongNumber, s.differentNumber)} (any "same": ${s.wrongNumberStrict})`;
}

async function evaluate(split: Split, db: Database): Promise<Prepared> {
  const set = JSON.parse(readFileSync(fileOf(split), "utf8")) as EvalSet;
  const titles = [...new Set(set.stored.map((s) => s.article))];
  const seeded = await seedCheckedArticles(db, titles.map((title) => ({ title, claims: set.stored.filter((s) => s.article === title).map((s) => s.text) })));
  const storedIdOf = new Map<string, string>();
  titles.forEach((title, a) => set.stored.filter((s) => s.article === title).forEach((s, i) => storedIdOf.set(seeded.claimIds[a]![i]!, s.id)));
  // The queries: the claims of one new article, not yet reviewed (so not candidates themselves).
  const queries = await seedCheckedArticles(db, [{ title: "Evaluation queries", claims: set.queries.map((q) => q.text) }], { verdict: null });
  const queryIds = queries.claimIds[0]!;
  const started = performance.now();
  await refreshClaimMatches(db, { claimIds: queryIds });
  const ms = performance.now() - started;
  const stored = await Promise.all(queryIds.map((id) => matchesOfClaim(db, id)));
  const s = scoreAnswers(set, (i) => stored[i]!, (id) => storedIdOf.get(id));
  const pairs = scorePairs(set);
  const note = LOOKED_AT.includes(split) ? "looked at while developing: not a measure of generalisation" : "blind: never tuned on";
  console.log(`eval:matching ${split}${engine === "postgres" ? " (PostgreSQL)" : ""}: ${set.stored.length} stored claims in ${titles.length} articles, ${set.queries.length} queries (${Math.round(ms)} ms to match; ${note})`);
  console.log(`  precision@1        ${pct(s.correct, s.answered)}  (${s.correct} of ${s.answered} "same" answers; bar ≥ 0.90)`);
  console.log(`  recall             ${pct(s.found, s.withGold)}  (${s.found} of ${s.withGold} queries with a gold "same"; bar ≥ 0.85)`);
  console.log(`  wrong-number rate  ${pct(s.wrongNumber, s.differentNumber)}  (${s.wrongNumber} of ${s.differentNumber} different_number pairs answered "same"; bar 0)`);
  console.log(`  wrong-number, any "same" match (stricter): ${pct(s.wrongNumberStrict, s.differentNumber)} (${s.wrongNumberStrict})`);
  console.log(`  wrong "same" answers by label: ${[...s.wrongByLabel].map(([l, n]) => `${l} ${n}`).join(", ") || "none"}`);
  console.log(`  each labelled pair on its own, wrong: ${pairs.line}`);
  const synthetic = scorePerturbations(set);
  console.log(`  synthetic variants of the gold "same" claims, wrong: ${synthetic.line}`);
  if (details && LOOKED_AT.includes(split)) for (const e of [...s.errors, ...pairs.errors, ...synthetic.errors]) console.log(e);
  const candidates = await findClaimCandidates(db, await db.claim.findMany({ where: { id: { in: queryIds } }, select: { id: true, articleId: true, text: true } }));
  return { split, set, queryIds, candidates, storedIdOf };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-eval-matching-"));
  const cluster = engine === "postgres" ? await startCluster({ durable: false }) : null;
  const prepared: Prepared[] = [];
  try {
    for (const split of splits) {
      let url = `file:${path.join(dir, `${split}.db`)}`;
      if (cluster) {
        runSqlSync(cluster.url, `CREATE DATABASE "eval_${split}"`);
        url = cluster.url.replace(/\/[^/]+$/, `/eval_${split}`);
      }
      migrateDatabase(url);
      const db = createDatabase(url);
      try {
        prepared.push(await evaluate(split, db));
      } finally {
        await db.$disconnect();
      }
    }
  } finally {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const looked = prepared.filter((p) => LOOKED_AT.includes(p.split) && TRAINED_ON.includes(p.split));
  if (train) {
    const model = trainSameClaim(looked.map(trainingQueries));
    const lines = rotations(looked);
    writeFileSync(MODEL, `${JSON.stringify({ ...model, trainedOn: looked.map((p) => p.split), crossSplit: lines.map((l) => l.trim()) }, null, 1)}\n`);
    console.log(`wrote ${MODEL}: trained on ${looked.map((p) => p.split).join("+")}, L2 ${model.l2}, threshold ${model.threshold}`);
    for (const l of lines) console.log(l);
  } else if (cross && looked.length >= 3) {
    console.log("cross-split (same-claim model fitted on the other splits, threshold chosen across them; the guards were written against all):");
    for (const l of rotations(looked)) console.log(l);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
