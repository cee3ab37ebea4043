/**
 * Benchmark of claim matching (issue 16): a throwaway SQLite file holding 100,000 checked claims
 * (varied synthetic statistics in 5,000 articles, written in bulk), then
 *
 *   1. matching the claims of one ~2,000-claim article against them: refreshArticleMatches, the
 *      import hook's verb (target ≤ 2 s). The article is made of the same kind of statistics as the
 *      pool (another seed), each sentence its own claim: scripts/bench/sample-article.ts repeats 16
 *      sentences, which would time 16 searches, not 2,000;
 *   2. importing such an article with matching off (CLAIMDESK_MATCH_ON_IMPORT=0), on and waited for
 *      ("wait", the default), and on but left to go on after the import returns ("later"), in turn,
 *      median of --runs (target: on ≤ off + 20%).
 *
 * Each figure is given as wall-clock time and as this process's CPU time (user + system, SQLite
 * included: better-sqlite3 runs in-process), which a loaded machine disturbs less.
 *
 *   npm run bench:matching [-- --runs 3 --stored 100000]
 *
 * Prints the figures with the machine's load (`uptime`): the machine is shared.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importArticle } from "@/lib/articles/import-article";
import { createDatabase } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { matchingSettled, refreshArticleMatches } from "@/lib/matching";
import { findClaimCandidates, rankCandidates } from "@/lib/matching/refresh";
import { seedCheckedArticles } from "./checked-claims";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const RUNS = option("--runs", 3);
const STORED = option("--stored", 100_000);
const PER_ARTICLE = 20;
/** Sentences of the generated article (each a claim). */
const ARTICLE_CLAIMS = option("--claims", 2_000);

/** A small deterministic generator, so every run stores the same claims. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ["ash", "bel", "car", "dun", "el", "fair", "glen", "har", "iver", "kel", "lake", "mar", "nor", "oak", "pell", "riv", "stan", "tam", "ver", "wes"];
const ENDINGS = ["ton", "ford", "field", "more", "view", "brook", "port", "dale", "wood", "ville"];
const SUBJECTS = [
  "unemployment rate", "city budget", "number of participating departments", "property tax rate", "graduation rate", "bus ridership",
  "median rent", "homicide count", "number of arrests", "school enrollment", "Medicaid enrollment", "jail population", "voter turnout",
  "number of new housing permits", "average wait for a clinic appointment", "share of residents without insurance", "carbon emissions",
  "number of ICE detainers honored", "police overtime spending", "minimum wage",
];
const TEMPLATES: ReadonlyArray<(p: string, s: string, n: () => string, y: number) => string> = [
  (p, s, n, y) => `The ${s} in ${p} rose to ${n()} in ${y}, according to the county.`,
  (p, s, n, y) => `In ${y}, ${p}'s ${s} fell from ${n()} to ${n()}.`,
  (p, s, n, y) => `${p} officials said the ${s} reached ${n()} in fiscal year ${y}.`,
  (p, s, n) => `The ${s} in ${p} has not changed since the council approved ${n()} in new spending.`,
  (p, s, n, y) => `Between ${y - 4} and ${y}, the ${s} in ${p} increased from ${n()} to ${n()}.`,
  (p, s, n, y) => `According to the state, ${p} reported a ${s} of ${n()} last year, the highest since ${y - 10}.`,
  (p, s, n) => `The mayor of ${p} said the ${s} would drop by ${n()} under the new plan.`,
  (p, s, n, y) => `${p}'s ${s} was ${n()} in ${y}, compared with a national figure of ${n()}.`,
];

function syntheticClaims(count: number, seed = 16): string[][] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const number = () => {
    const r = next();
    if (r < 0.3) return `${(next() * 20).toFixed(1)} percent`;
    if (r < 0.6) return Math.floor(next() * 5000).toLocaleString("en-US");
    if (r < 0.8) return `$${(next() * 900).toFixed(1)} million`;
    return String(Math.floor(next() * 200));
  };
  // 2,000 distinct places (two syllables and an ending each), so a place is named in ~50 stored claims.
  const places = Array.from({ length: 2_000 }, (_, i) => {
    const name = SYLLABLES[i % 20]! + SYLLABLES[Math.floor(i / 20) % 20]! + ENDINGS[Math.floor(i / 400) % 10]!;
    return name[0]!.toUpperCase() + name.slice(1) + (next() < 0.3 ? " County" : "");
  });
  const articles: string[][] = [];
  for (let a = 0; a < count / PER_ARTICLE; a++) {
    const place = pick(places);
    articles.push(Array.from({ length: PER_ARTICLE }, () => pick(TEMPLATES)(place, pick(SUBJECTS), number, 2005 + Math.floor(next() * 20))));
  }
  return articles;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => execFileSync("uptime", { encoding: "utf8" }).trim().replace(/^.*load average:/, "load average:");

async function main(): Promise<void> {
  // --db FILE keeps the seeded file for another run (seeding is skipped when it holds the claims).
  const kept = args.includes("--db") ? path.resolve(args[args.indexOf("--db") + 1]!) : null;
  const dir = kept ? path.dirname(kept) : mkdtempSync(path.join(tmpdir(), "claimdesk-bench-matching-"));
  const url = `file:${kept ?? path.join(dir, "bench.db")}`;
  migrateDatabase(url);
  const db = createDatabase(url);
  try {
    console.log(`bench:matching: ${load()}`);
    const t = performance.now();
    const claims = syntheticClaims(STORED);
    const already = await db.claim.count();
    if (already < STORED) for (let i = 0; i < claims.length; i += 500) {
      await seedCheckedArticles(db, claims.slice(i, i + 500).map((c, j) => ({ title: `Checked article ${i + j + 1}`, claims: c })));
    }
    const indexed = await db.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT COUNT(*) AS "n" FROM "ClaimSearchKey"`);
    console.log(`  stored ${STORED.toLocaleString("en-US")} checked claims (${Number(indexed[0]!.n).toLocaleString("en-US")} indexed) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const sentences = syntheticClaims(ARTICLE_CLAIMS, 61).flat();
    const text = ["# Matching benchmark", "", ...Array.from({ length: Math.ceil(sentences.length / 5) }, (_, i) => sentences.slice(i * 5, i * 5 + 5).join(" ") + "\n")].join("\n");
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    type Timing = { wall: number; cpu: number };
    const timed = async (run: () => Promise<unknown>): Promise<Timing> => {
      const c = cpu();
      const t0 = performance.now();
      await run();
      return { wall: performance.now() - t0, cpu: cpu() - c };
    };
    const modes = ["off", "wait", "later"] as const;
    const imports: Record<(typeof modes)[number], Timing[]> = { off: [], wait: [], later: [] };
    const settled: Timing[] = [];
    const matching: Timing[] = [];
    let claimCount = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const mode of modes) {
        process.env.CLAIMDESK_MATCH_ON_IMPORT = mode === "off" ? "0" : "1";
        let articleId = "";
        const fileName = `bench-${Date.now().toString(36)}-${run}-${mode}.md`;
        imports[mode].push(
          await timed(async () => {
            const outcome = await importArticle(db, { text, fileName, matching: mode === "later" ? "later" : "wait" });
            claimCount = outcome.claimCount;
            articleId = outcome.articleId;
          }),
        );
        if (mode === "later") settled.push(await timed(() => matchingSettled()));
        // The hook's verb alone, on the article just imported without it.
        if (mode === "off") matching.push(await timed(() => refreshArticleMatches(db, { articleId })));
      }
    }
    // Where matching's time goes: the index's lookups (SQLite in this process) and reranking.
    let lastArticle = "";
    const last = await db.article.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
    lastArticle = last?.id ?? "";
    const queryClaims = await db.claim.findMany({ where: { articleId: lastArticle }, select: { id: true, articleId: true, text: true } });
    let found = new Map<string, Awaited<ReturnType<typeof findClaimCandidates>> extends Map<string, infer V> ? V : never>();
    const lookups = await timed(async () => {
      found = await findClaimCandidates(db, queryClaims);
    });
    const reranking = await timed(async () => rankCandidates(queryClaims, found));
    const stored = await db.claimMatch.count();
    const show = (xs: Timing[]) => `${Math.round(median(xs.map((x) => x.wall)))} ms wall (${xs.map((x) => Math.round(x.wall)).join(", ")}), ${Math.round(median(xs.map((x) => x.cpu)))} ms CPU`;
    const ratio = (xs: Timing[], key: "wall" | "cpu") => {
      const change = Math.round((median(xs.map((x) => x[key])) / median(imports.off.map((x) => x[key])) - 1) * 100);
      return `${change >= 0 ? "+" : "−"}${Math.abs(change)}%`;
    };
    console.log(`  article of ${claimCount.toLocaleString("en-US")} claims; ${stored.toLocaleString("en-US")} matches stored in all; median of ${RUNS}`);
    console.log(`  matching one article (refreshArticleMatches): ${show(matching)} (target ≤ 2,000 ms)`);
    console.log(`    of which, once: index lookups ${Math.round(lookups.wall)} ms wall, ${Math.round(lookups.cpu)} ms CPU; reranking ${Math.round(reranking.wall)} ms wall, ${Math.round(reranking.cpu)} ms CPU`);
    console.log(`  import, matching off:          ${show(imports.off)}`);
    console.log(`  import, matching on (wait):    ${show(imports.wait)}  (${ratio(imports.wait, "wall")} wall, ${ratio(imports.wait, "cpu")} CPU; target ≤ +20%)`);
    console.log(`  import, matching on (later):   ${show(imports.later)}  (${ratio(imports.later, "wall")} wall, ${ratio(imports.later, "cpu")} CPU; target ≤ +20%), then matching ends ${show(settled)} later`);
    console.log(`  ${load()}`);
  } finally {
    await db.$disconnect();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
