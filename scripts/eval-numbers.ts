/**
 * `npm run eval:numbers`: the numbers checker measured on our evaluation passages
 * (tests/fixtures/number-checks/, labelled blind by a helper who does not write the checker).
 *
 * A finding matches a planted inconsistency when their types are equal and the text of one of the
 * finding's claims (a list item's with its lead-in) holds the planted quote (letters and digits compared, so Markdown syntax in the
 * quote does not matter); each planted item and each finding matches at most once.
 *
 *   --split NAME[,NAME]    which splits: dev, dev2, test, heldout, or all (default: every split
 *                          present); each is scored on its own, per type, then all of them together
 *   --details              per-passage misses and false findings (refused on heldout: it is scored once, blind)
 *
 * Tuned against: dev, dev2 and test have all been read while the checker was written, so their
 * figures measure fit, not generalisation. heldout.json (a fresh blind set, when present) is the one
 * split no rule was written against.
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
const SPLITS = ["dev", "dev2", "test", "heldout"];
const present = SPLITS.filter((n) => existsSync(join(DIR, `${n}.json`)));
const split = (args.includes("--split") ? args[args.indexOf("--split") + 1] : undefined) ?? "all";
const details = args.includes("--details");
const names = [...new Set(split.split(",").flatMap((s) => (s === "all" ? present : [s])))];
const unknown = names.filter((n) => !SPLITS.includes(n));
if (unknown.length > 0 || names.length === 0) throw new Error(`--split takes ${SPLITS.join("|")}|all, or a comma list of them; not ${split}`);
// The held-out split is scored once, blind: per-passage results would show its passages.
if (details && names.includes("heldout")) {
  console.error("--details shows passages and per-passage results: not on the held-out split (use dev, dev2, test or a list of them).");
  process.exit(2);
}
const TUNED: Record<string, string> = { dev: "tuned on", dev2: "tuned on", test: "tuned on (session 6)", heldout: "blind: no rule written against it" };

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function passagesOf(name: string): Passage[] {
  const path = join(DIR, `${name}.json`);
  if (!existsSync(path)) {
    console.error(`(no ${name}.json yet: scored without it)`);
    return [];
  }
  return (JSON.parse(readFileSync(path, "utf8")) as { passages: Passage[] }).passages;
}

type Tally = Record<string, { planted: number; found: number; tp: number }>;
const emptyTally = (): Tally => Object.fromEntries(FINDING_TYPES.map((t) => [t, { planted: 0, found: 0, tp: 0 }]));

let onConsistentPassages = 0;
/** Scores one split's passages into `tally`, printing per-passage misses with --details. */
function score(passages: Passage[], tally: Tally): void {
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
    if (p.planted.length === 0) onConsistentPassages += findings.length;
    if (details && (missed.length > 0 || matched.size < findings.length)) {
      console.log(`\n${p.id}`);
      for (const m of missed) console.log(`  missed ${m.type}: "${m.quote}" (${m.why})`);
      for (const f of findings.filter((x) => !matched.has(x))) console.log(`  false ${f.type}: ${f.message} [${f.computation}; ${f.tolerance}]`);
    }
  }
}

const ratio = (a: number, b: number) => (b === 0 ? "   -" : (a / b).toFixed(2));
function print(title: string, tally: Tally): void {
  console.log(`\n${title}`);
  console.log("type        planted  found  true+  precision  recall");
  let [planted, found, tp] = [0, 0, 0];
  for (const t of FINDING_TYPES) {
    const r = tally[t]!;
    planted += r.planted;
    found += r.found;
    tp += r.tp;
    console.log(`${t.padEnd(10)}  ${String(r.planted).padStart(7)}  ${String(r.found).padStart(5)}  ${String(r.tp).padStart(5)}  ${ratio(r.tp, r.found).padStart(9)}  ${ratio(r.tp, r.planted).padStart(6)}`);
  }
  console.log(`${"all".padEnd(10)}  ${String(planted).padStart(7)}  ${String(found).padStart(5)}  ${String(tp).padStart(5)}  ${ratio(tp, found).padStart(9)}  ${ratio(tp, planted).padStart(6)}`);
}

const overall = emptyTally();
for (const name of names) {
  const passages = passagesOf(name);
  if (passages.length === 0) continue;
  const tally = emptyTally();
  const started = performance.now();
  onConsistentPassages = 0;
  score(passages, tally);
  print(`numbers checker, ${name} split (${TUNED[name]}): ${passages.length} passages, ${passages.filter((p) => p.planted.length === 0).length} consistent (${(performance.now() - started).toFixed(0)} ms)`, tally);
  console.log(`findings on its consistent passages: ${onConsistentPassages}`);
  for (const t of FINDING_TYPES) for (const k of ["planted", "found", "tp"] as const) overall[t]![k] += tally[t]![k];
}
if (names.length > 1) print(`all of ${names.join(", ")} together${names.includes("heldout") ? "" : " (every one tuned on: a measure of fit)"}`, overall);

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
