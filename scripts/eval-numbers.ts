/**
 * `npm run eval:numbers`: the numbers checker measured on our evaluation passages
 * (tests/fixtures/number-checks/, labelled blind by a helper who does not write the checker).
 *
 * A finding matches a planted inconsistency when their types are equal and the text of one of the
 * finding's claims (a list item's with its lead-in) holds the planted quote (letters and digits compared, so Markdown syntax in the
 * quote does not matter); each planted item and each finding matches at most once.
 *
 *   --split NAME[,NAME]    which splits: any NAME.json under the fixtures folder (dev, dev2, test,
 *                          heldout, or a fresh file dropped in, e.g. blind), or all (default: every
 *                          split present); each is scored on its own, per type, then all together
 *   --fixtures DIR         read the splits from DIR instead of tests/fixtures/number-checks
 *   --details              per-passage misses and false findings, on dev, dev2, test and heldout
 *                          only: any other split is taken as blind (scored once, its passages unread)
 *
 * Tuned against: dev, dev2 and test have been read while the checker was written, and heldout since
 * it was scored once (P 0.91 / R 0.55, session 7), so their figures measure fit, not generalisation.
 * Any other NAME.json (the lead's fresh blind set) is the one no rule was written against.
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

const args = process.argv.slice(2);
const argOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const DIR = argOf("--fixtures") ?? join(process.cwd(), "tests/fixtures/number-checks");
// Every NAME.json of the folder is a split; the known ones first, in the order they were written.
const KNOWN = ["dev", "dev2", "test", "heldout"];
const present = [...KNOWN.filter((n) => existsSync(join(DIR, `${n}.json`))), ...readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).filter((n) => !KNOWN.includes(n)).sort()];
const split = argOf("--split") ?? "all";
const details = args.includes("--details");
const names = [...new Set(split.split(",").flatMap((s) => (s === "all" ? present : [s])))];
const unknown = names.filter((n) => !present.includes(n));
if (unknown.length > 0 || names.length === 0) throw new Error(`--split takes ${present.join("|")}|all (the NAME.json files of ${DIR}), or a comma list of them; not ${split}`);
const TUNED: Record<string, string> = { dev: "tuned on", dev2: "tuned on", test: "tuned on (session 6)", heldout: "tuned on (session 7; blind once: P 0.91 / R 0.55)" };
// Any split but the four tuned on is taken as blind (blind.json, or whatever name the fresh set has):
// it is scored once, and per-passage results would show its passages.
const isBlind = (name: string) => !(name in TUNED);
if (details && names.some(isBlind)) {
  console.error("--details shows passages and per-passage results: not on a blind split (score it without --details).");
  process.exit(2);
}
const tunedOf = (name: string) => TUNED[name] ?? "blind: no rule written against it";

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
  print(`numbers checker, ${name} split (${tunedOf(name)}): ${passages.length} passages, ${passages.filter((p) => p.planted.length === 0).length} consistent (${(performance.now() - started).toFixed(0)} ms)`, tally);
  console.log(`findings on its consistent passages: ${onConsistentPassages}`);
  for (const t of FINDING_TYPES) for (const k of ["planted", "found", "tp"] as const) overall[t]![k] += tally[t]![k];
}
if (names.length > 1) print(`all of ${names.join(", ")} together${names.some(isBlind) ? "" : " (every one tuned on: a measure of fit)"}`, overall);

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
