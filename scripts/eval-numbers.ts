/**
 * `npm run eval:numbers`: the numbers checker measured on our evaluation passages
 * (tests/fixtures/number-checks/, labelled blind by a helper who does not write the checker).
 *
 * A finding matches a planted inconsistency when their types are equal and the text of one of the
 * finding's claims holds the planted quote (letters and digits compared, so Markdown syntax in the
 * quote does not matter); each planted item and each finding matches at most once.
 *
 *   --split dev|test|all   which passages (default test: the one figure to report is held out)
 *   --details              per-passage misses and false findings (refused on the test split)
 *
 * It also counts findings on consistent articles — the seed (content/*.md) and every labelled
 * article under tests/fixtures/claims — where the target is none.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkArticleText } from "../lib/numbers";
import { FINDING_TYPES, type FindingType, type NumberFinding } from "../lib/numbers/types";
import { readArticles } from "./claims-data";

interface Planted {
  type: FindingType;
  quote: string;
  why: string;
}
interface Passage {
  id: string;
  text: string;
  planted: Planted[];
}

const DIR = join(process.cwd(), "tests/fixtures/number-checks");
const args = process.argv.slice(2);
const split = args.includes("--split") ? args[args.indexOf("--split") + 1] : "test";
const details = args.includes("--details");
if (!["dev", "test", "all"].includes(split ?? "")) throw new Error(`--split dev|test|all, not ${split}`);
if (details && split !== "dev") {
  console.error("--details shows passages and per-passage results: only with --split dev (the test split is held out).");
  process.exit(2);
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function passagesOf(name: string): Passage[] {
  const path = join(DIR, `${name}.json`);
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, "utf8")) as { passages: Passage[] }).passages;
}

const passages = split === "all" ? [...passagesOf("dev"), ...passagesOf("test")] : passagesOf(split ?? "test");
const tally = Object.fromEntries(FINDING_TYPES.map((t) => [t, { planted: 0, found: 0, tp: 0 }]));
const started = performance.now();
for (const p of passages) {
  const { claims, findings } = checkArticleText(p.text, "markdown");
  const textOf = new Map(claims.map((c) => [c.id, words(c.text)]));
  const matched = new Set<NumberFinding>();
  const missed: Planted[] = [];
  for (const item of p.planted) {
    tally[item.type]!.planted++;
    const quote = words(item.quote);
    const hit = findings.find((f) => !matched.has(f) && f.type === item.type && f.claimIds.some((id) => (textOf.get(id) ?? "").includes(quote)));
    if (hit) {
      matched.add(hit);
      tally[item.type]!.tp++;
    } else missed.push(item);
  }
  for (const f of findings) tally[f.type]!.found++;
  if (details && (missed.length > 0 || matched.size < findings.length)) {
    console.log(`\n${p.id}`);
    for (const m of missed) console.log(`  missed ${m.type}: "${m.quote}" (${m.why})`);
    for (const f of findings.filter((x) => !matched.has(x))) console.log(`  false ${f.type}: ${f.message} [${f.computation}; ${f.tolerance}]`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? "   -" : (a / b).toFixed(2));
console.log(`\nnumbers checker, ${split} split: ${passages.length} passages (${(performance.now() - started).toFixed(0)} ms)`);
console.log("type        planted  found  true+  precision  recall");
let planted = 0;
let found = 0;
let tp = 0;
for (const t of FINDING_TYPES) {
  const r = tally[t]!;
  planted += r.planted;
  found += r.found;
  tp += r.tp;
  console.log(`${t.padEnd(10)}  ${String(r.planted).padStart(7)}  ${String(r.found).padStart(5)}  ${String(r.tp).padStart(5)}  ${ratio(r.tp, r.found).padStart(9)}  ${ratio(r.tp, r.planted).padStart(6)}`);
}
console.log(`${"all".padEnd(10)}  ${String(planted).padStart(7)}  ${String(found).padStart(5)}  ${String(tp).padStart(5)}  ${ratio(tp, found).padStart(9)}  ${ratio(tp, planted).padStart(6)}`);

// Consistent articles: nothing was planted in them, so every finding is a false one.
const consistent = [
  ...readdirSync(join(process.cwd(), "content"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({ name: `content/${f}`, text: readFileSync(join(process.cwd(), "content", f), "utf8"), format: "markdown" as const })),
  ...readArticles().map((a) => ({ name: a.name, text: a.text, format: a.format })),
];
let onConsistent = 0;
for (const a of consistent) {
  const { findings } = checkArticleText(a.text, a.format);
  onConsistent += findings.length;
  for (const f of findings) console.log(`  finding on consistent ${a.name}: ${f.type}: ${f.message}`);
}
console.log(`\nconsistent articles: ${consistent.length}, findings on them: ${onConsistent} (target 0)`);
