/**
 * `npm run eval:numbers`: the numbers checker measured on our evaluation passages
 * (tests/fixtures/number-checks/, labelled blind by a helper who does not write the checker).
 *
 * A finding matches a planted inconsistency when their types are equal and the text of one of the
 * finding's claims (a list item's with its lead-in) holds the planted quote (letters and digits compared, so Markdown syntax in the
 * quote does not matter); each planted item and each finding matches at most once.
 *
 *   --split NAME[,NAME]    which passages: dev, dev2, test, or all (dev and test); a comma list
 *                          scores several together (default test: the one figure to report is held out)
 *   --details              per-passage misses and false findings (refused whenever test is included)
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
const split = (args.includes("--split") ? args[args.indexOf("--split") + 1] : undefined) ?? "test";
const details = args.includes("--details");
const SPLITS = ["dev", "dev2", "test", "heldout"];
const names = [...new Set(split.split(",").flatMap((s) => (s === "all" ? ["dev", "test"] : [s])))];
const unknown = names.filter((n) => !SPLITS.includes(n));
if (unknown.length > 0 || names.length === 0) throw new Error(`--split takes ${SPLITS.join("|")}|all, or a comma list of them; not ${split}`);
// The test split is held out: per-passage results would show its passages, so only totals.
if (details && names.includes("heldout")) {
  console.error("--details shows passages and per-passage results: not on the held-out test split (use dev, dev2 or dev,dev2).");
  process.exit(2);
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function passagesOf(name: string): Passage[] {
  const path = join(DIR, `${name}.json`);
  if (!existsSync(path)) {
    console.error(`(no ${name}.json yet: scored without it)`);
    return [];
  }
  return (JSON.parse(readFileSync(path, "utf8")) as { passages: Passage[] }).passages;
}

const passages = names.flatMap(passagesOf);
const tally = Object.fromEntries(FINDING_TYPES.map((t) => [t, { planted: 0, found: 0, tp: 0 }]));
const started = performance.now();
for (const p of passages) {
  const { claims, findings } = checkArticleText(p.text, "markdown");
  // A list item's claim is read with its lead-in (the claim pipeline's context), where a list's
  // quote is (the README: "for a bullet list it is the lead-in sentence with the total").
  const textOf = new Map(claims.map((c) => [c.id, words(c.context && !c.text.includes(" | ") ? `${c.context} ${c.text}` : c.text)]));
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
