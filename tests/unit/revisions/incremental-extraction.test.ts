/**
 * Incremental extraction gives exactly the claims a full extraction gives: every fixture article
 * and the benchmark's 50,000-word article, each under random edits (sentences changed, paragraphs
 * added, removed and moved), compared claim for claim, offsets and quote selectors included, with
 * extractClaims of the edited text. Where it declines (null), the import extracts in full, so the
 * test also counts that it does answer on ordinary prose.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractClaims, prepareArticle } from "@/lib/claims";
import { extractIncrementally } from "@/lib/revisions/incremental-extraction";
import { benchArticle, editOnePercent } from "../../../scripts/bench/import";

const FIXTURES = "tests/fixtures/claims";
const files = [
  ...readdirSync(path.join(FIXTURES, "articles")).filter((f) => !f.endsWith(".json")).map((f) => path.join(FIXTURES, "articles", f)),
  ...readdirSync(path.join(FIXTURES, "pages")).map((f) => path.join(FIXTURES, "pages", f)),
].sort();
/** Each fixture as the import stores it: its Markdown. */
const articles = files.map((file) => ({ file, markdown: prepareArticle(readFileSync(file, "utf8"), { fileName: file }).markdown }));

const SENTENCES = [
  "The county spent $4.2 million on road repairs in 2023.",
  "Officials said the program cut wait times by 30%.",
  "Critics argue the plan will cost 1,200 jobs.",
  "I love this town.",
];

/** An edit of the text's paragraphs: change a sentence, add, remove or move a paragraph. */
const edit = fc.record({ kind: fc.constantFrom("word", "add", "remove", "move", "number"), at: fc.nat(), to: fc.nat(), sentence: fc.constantFrom(...SENTENCES) });
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(text: string, edits: Edit[]): string {
  const blocks = text.split(/(?<=\n\n)/);
  for (const e of edits) {
    const i = e.at % blocks.length;
    const block = blocks[i]!;
    if (e.kind === "word") blocks[i] = block.replace(/(\w+)(\W+)$/, "$1 reportedly$2");
    else if (e.kind === "number") blocks[i] = block.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    else if (e.kind === "add") blocks.splice(i, 0, `${e.sentence}\n\n`);
    else if (e.kind === "remove" && blocks.length > 1) blocks.splice(i, 1);
    else if (e.kind === "move" && blocks.length > 1) blocks.splice(e.to % blocks.length, 0, ...blocks.splice(i, 1));
  }
  return blocks.join("");
}

const extracted = new Map<string, ReturnType<typeof extractClaims>["claims"]>();
const claimsOf = (text: string) => extracted.get(text) ?? extracted.set(text, extractClaims(text).claims).get(text)!;

function expectSameAsFull(oldText: string, newText: string): boolean {
  const incremental = extractIncrementally(oldText, claimsOf(oldText), newText);
  if (incremental === null) return false;
  expect(incremental).toEqual(extractClaims(newText).claims);
  return true;
}

describe("extractIncrementally", () => {
  it("equals a full extraction on every fixture article under random edits", () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...articles), fc.array(edit, { minLength: 1, maxLength: 6 }), ({ markdown }, edits) => {
        runs++;
        if (expectSameAsFull(markdown, applyEdits(markdown, edits))) answered++;
      }),
      { numRuns: 100, seed: 13 },
    );
    // Most fixtures are ordinary prose: the incremental path must actually be taken.
    expect(answered).toBeGreaterThan(runs / 3);
  }, 180_000);

  it("equals a full extraction on the benchmark article with 1% of its sentences edited, past the pipeline's 200 kB pieces", () => {
    const original = benchArticle();
    expect(original.length).toBeGreaterThan(200_000);
    expect(expectSameAsFull(original, editOnePercent(original).text)).toBe(true);
  }, 60_000);

  it("equals a full extraction when the edit is at either end of the text", () => {
    const markdown = articles.find((a) => a.file.endsWith("council-budget.md"))!.markdown;
    expect(expectSameAsFull(markdown, `Intro: ${markdown}`)).toBe(true);
    expect(expectSameAsFull(markdown, `${markdown}\nThe fund grew 12% last year.\n`)).toBe(true);
    expect(expectSameAsFull(markdown, markdown.slice(0, markdown.lastIndexOf("\n\n")))).toBe(true);
  });

  it("declines a transcript, whose speakers are read over the whole text", () => {
    const transcript = "SMITH: We cut taxes by 10%.\n\nJONES: Taxes rose 5%.\n\nSMITH: No, they fell.\n\nJONES: They rose.\n";
    expect(extractIncrementally(transcript, extractClaims(transcript).claims, transcript.replace("10%", "12%"))).toBeNull();
  });
});
