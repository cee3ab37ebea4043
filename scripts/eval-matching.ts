/**
 * `npm run eval:matching [-- --split dev|test] [--details] [--engine sqlite|postgres]`: scores the
 * claim matcher on the blind evaluation set (tests/fixtures/claim-matching/README.md). Each stored
 * claim becomes a reviewed claim of an article per `article` title in a throwaway migrated database
 * (a SQLite file; with `--engine postgres` a throwaway PostgreSQL cluster, scripts/postgres-cluster.mjs,
 * whose full-text index must give the same figures: lib/matching/search-index-postgres.ts); the queries become
 * the claims of one new article, matched by refreshClaimMatches and read back with matchesOfClaim,
 * the same path as an import. Prints precision@1, recall and the wrong-number rate. `--details`
 * lists the wrong answers, on dev only: test is held out.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "@/lib/db/create-database";
import { startCluster } from "@/scripts/postgres-cluster.mjs";
import { migrateDatabase } from "@/lib/db/migrate";
import { matchesOfClaim, refreshClaimMatches } from "@/lib/matching";
import { quantitiesOf } from "@/lib/matching/figures";
import { scoreMatch } from "@/lib/matching/score";
import { seedCheckedArticles } from "./bench/checked-claims";

type Label = "same" | "different_number" | "negation" | "same_topic";
type EvalSet = { stored: { id: string; article: string; text: string }[]; queries: { id: string; text: string; pairs: { stored: string; label: Label }[] }[] };

const args = process.argv.slice(2);
const split = args.includes("--split") ? args[args.indexOf("--split") + 1] : "test";
const details = args.includes("--details");
const engine = args.includes("--engine") ? args[args.indexOf("--engine") + 1] : "sqlite";
if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--engine must be sqlite or postgres, not ${engine}`);
if (split !== "dev" && split !== "test") throw new Error(`--split must be dev or test, not ${split}`);
if (details && split === "test") {
  console.error("eval:matching: --details is for dev only; the test split is held out (its per-query results are not printed).");
  process.exit(2);
}

async function main(): Promise<void> {
  const set = JSON.parse(readFileSync(path.join("tests/fixtures/claim-matching", `${split}.json`), "utf8")) as EvalSet;
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-eval-matching-"));
  const cluster = engine === "postgres" ? await startCluster({ durable: false }) : null;
  const url = cluster?.url ?? `file:${path.join(dir, "eval.db")}`;
  migrateDatabase(url);
  const db = createDatabase(url);
  try {
    const titles = [...new Set(set.stored.map((s) => s.article))];
    const seeded = await seedCheckedArticles(db, titles.map((title) => ({ title, claims: set.stored.filter((s) => s.article === title).map((s) => s.text) })));
    const storedIdOf = new Map<string, string>();
    titles.forEach((title, a) => set.stored.filter((s) => s.article === title).forEach((s, i) => storedIdOf.set(seeded.claimIds[a]![i]!, s.id)));
    // The queries: the claims of one new article, not yet reviewed (so not candidates themselves).
    const queries = await seedCheckedArticles(db, [{ title: "Evaluation queries", claims: set.queries.map((q) => q.text) }], { verdict: null });
    const queryClaimIds = queries.claimIds[0]!;
    const started = performance.now();
    await refreshClaimMatches(db, { claimIds: queryClaimIds });
    const ms = performance.now() - started;

    let answered = 0, correct = 0, withGold = 0, found = 0, differentNumber = 0, wrongNumber = 0, wrongNumberStrict = 0;
    const errors: string[] = [];
    const wrongByLabel = new Map<string, number>();
    for (const [i, query] of set.queries.entries()) {
      const matches = await matchesOfClaim(db, queryClaimIds[i]!);
      const same = matches.filter((m) => m.relation === "same");
      const answer = same[0] ? storedIdOf.get(same[0].matchedClaimId) : undefined;
      const gold = query.pairs.find((p) => p.label === "same")?.stored;
      const labelOf = (id: string | undefined) => query.pairs.find((p) => p.stored === id)?.label ?? "unlabelled";
      if (gold) withGold += 1;
      if (answer) {
        answered += 1;
        if (answer === gold) correct += 1;
        else {
          wrongByLabel.set(labelOf(answer), (wrongByLabel.get(labelOf(answer)) ?? 0) + 1);
          errors.push(`${query.id} wrong "same" (${labelOf(answer)}): ${query.text}\n    → ${set.stored.find((s) => s.id === answer)?.text}\n    ${same[0]!.score} ${same[0]!.reasons.join("; ")}`);
        }
      }
      if (gold && answer === gold) found += 1;
      else if (gold) {
        const m = matches.find((x) => storedIdOf.get(x.matchedClaimId) === gold);
        errors.push(`${query.id} missed: ${query.text}\n    gold ${set.stored.find((s) => s.id === gold)?.text}\n    ${m ? `${m.relation} ${m.score} ${m.reasons.join("; ")}` : "not among the matches"}`);
      }
      for (const pair of query.pairs.filter((p) => p.label === "different_number")) {
        differentNumber += 1;
        if (answer === pair.stored) wrongNumber += 1;
        if (same.some((m) => storedIdOf.get(m.matchedClaimId) === pair.stored)) wrongNumberStrict += 1;
      }
    }
    const pct = (n: number, d: number) => (d === 0 ? "n/a" : (n / d).toFixed(3));
    console.log(`eval:matching ${split}${cluster ? " (PostgreSQL)" : ""}: ${set.stored.length} stored claims in ${titles.length} articles, ${set.queries.length} queries (${Math.round(ms)} ms to match)`);
    console.log(`  precision@1        ${pct(correct, answered)}  (${correct} of ${answered} "same" answers; bar ≥ 0.90)`);
    console.log(`  recall             ${pct(found, withGold)}  (${found} of ${withGold} queries with a gold "same"; bar ≥ 0.85)`);
    console.log(`  wrong-number rate  ${pct(wrongNumber, differentNumber)}  (${wrongNumber} of ${differentNumber} different_number pairs answered "same"; bar 0)`);
    console.log(`  wrong-number, any "same" match (stricter): ${pct(wrongNumberStrict, differentNumber)} (${wrongNumberStrict})`);
    console.log(`  wrong "same" answers by label: ${[...wrongByLabel].map(([l, n]) => `${l} ${n}`).join(", ") || "none"}`);
    // Stricter, and independent of the index: every labelled pair judged on its own by the reranker.
    const pairErrors = new Map<string, number>();
    const pairTotals = new Map<string, number>();
    for (const query of set.queries) {
      for (const pair of query.pairs) {
        const stored = set.stored.find((s) => s.id === pair.stored)!;
        const m = scoreMatch({ text: query.text, quantities: quantitiesOf(query.text) }, { text: stored.text, quantities: quantitiesOf(stored.text) });
        const wrong = pair.label === "same" ? m?.relation !== "same" : m?.relation === "same";
        pairTotals.set(pair.label, (pairTotals.get(pair.label) ?? 0) + 1);
        if (!wrong) continue;
        pairErrors.set(pair.label, (pairErrors.get(pair.label) ?? 0) + 1);
        errors.push(`${query.id}/${pair.stored} pair ${pair.label} judged ${m?.relation ?? "no match"}: ${query.text}\n    ↔ ${stored.text}\n    ${m ? `${m.score} ${m.reasons.join("; ")}` : ""}`);
      }
    }
    console.log(`  each labelled pair on its own, wrong: ${[...pairTotals].map(([l, n]) => `${l} ${pairErrors.get(l) ?? 0}/${n}`).join(", ")}`);
    if (details) for (const e of errors) console.log(e);
  } finally {
    await db.$disconnect();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
