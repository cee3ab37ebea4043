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
import { extractClaims, extractClaimsWithPlainText, prepareArticle } from "@/lib/claims";
import { articleSections } from "@/lib/revisions/article-sections";
import { extractIncrementally } from "@/lib/revisions/incremental-extraction";
import { plainLayout, type PlainLayout } from "@/lib/revisions/plain-layout";
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

/** The layout a full extraction leaves in the cache (extract-revision.ts). */
const layouts = new Map<string, PlainLayout | null>();
function layoutOf(text: string): PlainLayout | null {
  if (!layouts.has(text)) {
    const sections = articleSections(text);
    layouts.set(text, sections && plainLayout(text, sections, extractClaimsWithPlainText(text).plain));
  }
  return layouts.get(text)!;
}

/**
 * Incremental extraction, read both ways (each unchanged section probed, or placed from the old
 * layout), equals a full extraction; the layout it leaves equals the one a full extraction would.
 */
function expectSameAsFull(oldText: string, newText: string): boolean {
  const full = extractClaims(newText).claims;
  const probed = extractIncrementally(oldText, claimsOf(oldText), newText);
  if (probed !== null) expect(probed.claims).toEqual(full);
  const oldLayout = layoutOf(oldText);
  const placed = oldLayout ? extractIncrementally(oldText, claimsOf(oldText), newText, oldLayout) : null;
  if (placed !== null) {
    expect(placed.claims).toEqual(full);
    if (placed.layout !== null) expect(placed.layout).toEqual(layoutOf(newText));
  }
  return probed !== null && (oldLayout === null || placed !== null);
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

  it("leaves a layout for the next re-import, so unchanged sections are not read again", () => {
    const original = benchArticle();
    const edited = editOnePercent(original).text;
    const once = extractIncrementally(original, claimsOf(original), edited, layoutOf(original));
    expect(once?.layout).not.toBeNull();
    // A second edit on top of the first, placed from the layout the first one left.
    const twice = edited.replace("reportedly", "apparently");
    expect(extractIncrementally(edited, once!.claims, twice, once!.layout)?.claims).toEqual(extractClaims(twice).claims);
  }, 60_000);
});

describe("plainLayout", () => {
  it("places every section's words where reading that section alone puts them, on every fixture article", () => {
    let laid = 0;
    for (const { markdown } of articles) {
      const layout = layoutOf(markdown);
      if (!layout) continue;
      laid++;
      const sections = articleSections(markdown)!;
      const joined = sections.map((s) => extractClaimsWithPlainText(markdown.slice(s.start, s.end)).plain.text).filter((t) => t !== "");
      expect(joined.join("\n\n")).toBe(layout.plain);
      expect(layout.starts).toHaveLength(sections.length + 1);
    }
    expect(laid).toBeGreaterThan(articles.length / 2);
  });
});
