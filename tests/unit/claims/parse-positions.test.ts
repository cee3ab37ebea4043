/**
 * Autolink literals keep their offsets: GFM finds some bare e-mails and URLs only after parsing and
 * gives their nodes no position (autolink-positions.ts), which used to anchor the whole paragraph
 * on its last character.
 */
import fc from "fast-check";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { markdownParser, parseArticle } from "@/lib/claims/parse";

/** Letters and digits only, after removing footnote calls and link targets (Markdown syntax). */
function words(s: string): string {
  return s.replace(/\[\^[^\]]*\]/g, "").replace(/\]\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
}

/** Every claim's and dropped unit's source slice holds exactly its words. */
function expectExactSpans(input: string): number {
  const { claims, dropped } = extractClaims(input);
  for (const unit of [...claims, ...dropped]) {
    expect(words(input.slice(unit.sourceStart, unit.sourceEnd)), JSON.stringify(unit.text)).toBe(words(unit.text));
  }
  return claims.length + dropped.length;
}

/** Each node of the tree, parents first. */
function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ("children" in node) for (const child of node.children) yield* nodes(child as Nodes);
}

const article = [
  "# Tips and data",
  "",
  "The county filed 12 reports in 2022, according to www.example.org/reports and http://example.com/a?b=1.",
  "",
  "[Editor's note: The county filed 12 reports in 2022; tell us at tips@example.org or see “www.example.org/data” for all 40 of them.]",
  "",
  "Tell us at tips@example.org [or write to press@example.org] if the 40 staff[^1] figure is wrong.",
  "",
  "- [Budget: $4 million in 2023, see https://example.com/budget.",
  "- The agency has 40 staff, per [hr@example.gov.",
  "",
  "| Year | Note |",
  "| ---- | ---- |",
  "| 2022 | [12 reports, tips@example.org |",
  "",
  "## [Contact www.example.org",
  "",
  "> [The mayor said spending rose 5% in 2024, per a.b-c+d@example.co.uk.",
  "",
  "*[Fees rose 5% in 2023 (see www.example.org).*",
  "",
  "[^1]: [Per the annual report of 2021 at www.example.org, the agency had 38 staff.",
  "",
].join("\n");

describe("autolink literal positions", () => {
  it("a text node GFM splits after parsing comes back with positions on every piece", () => {
    const input = "[Tell us at tips@example.org today.";
    const raw = markdownParser.parse(input);
    expect([...nodes(raw)].some((n) => !n.position), "GFM still leaves these without positions").toBe(true);
    const tree = parseArticle(input);
    const spans = [...nodes(tree)].slice(2).map((n) => [n.type, input.slice(n.position?.start.offset, n.position?.end.offset)]);
    expect(spans).toEqual([
      ["text", "[Tell us at "],
      ["link", "tips@example.org"],
      ["text", "tips@example.org"],
      ["text", " today."],
    ]);
    const link = (tree.children[0] as { children: Nodes[] }).children[1];
    expect(link?.position).toEqual({ start: { line: 1, column: 13, offset: 12 }, end: { line: 1, column: 29, offset: 28 } });
  });

  it("every node of an article full of bare e-mails, www and http links has a position", () => {
    const tree = parseArticle(article);
    for (const node of nodes(tree)) {
      expect(node.position, node.type).toBeDefined();
      if (node.type === "text" || node.type === "link") {
        const slice = article.slice(node.position?.start.offset, node.position?.end.offset);
        const value = node.type === "text" ? node.value : node.children.map((c) => ("value" in c ? c.value : "")).join("");
        expect(words(slice)).toBe(words(value));
      }
    }
  });

  it("claims and dropped units in such paragraphs slice to their own words", () => {
    expect(expectExactSpans(article)).toBeGreaterThan(8);
    const { claims, dropped } = extractClaims(article);
    const note = [...claims, ...dropped].find((u) => u.text.includes("tell us at tips@example.org"));
    expect(note && article.slice(note.sourceStart, note.sourceEnd)).toContain("tell us at tips@example.org");
  });

  it("line and column follow the text across line endings, \\r\\n included", () => {
    const input = "Intro line.\r\n[Tell us at\r\ntips@example.org now.";
    const link = [...nodes(parseArticle(input))].find((n) => n.type === "link");
    expect(link?.position?.start).toEqual({ line: 3, column: 1, offset: 26 });
    expect(input.slice(link?.position?.start.offset, link?.position?.end.offset)).toBe("tips@example.org");
  });

  it("property: paragraphs mixing autolinks, brackets, quotes and footnotes keep exact spans", () => {
    const piece = fc.constantFrom(
      "The county spent $4 million in 2024.", "tips@example.org", "www.example.org/data", "http://example.com/a?b=1",
      "“www.example.org”", "(press@example.co.uk)", "[", "]", "[^1]", "staff rose 5%", "in 2023,", "\\*", "*fees*", "—www.example.org",
      "mailto:a@example.org", "a.b-c+d@example.gov.", "said", "Tell us at", ";", ".",
    );
    const block = fc.array(piece, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(" "));
    const prefix = fc.constantFrom("", "# ", "- ", "> ", "1. ");
    const doc = fc.array(fc.tuple(prefix, block), { minLength: 1, maxLength: 5 }).map((bs) => `${bs.map(([p, b]) => p + b).join("\n\n")}\n\n[^1]: Note at tips@example.org.\n`);
    fc.assert(
      fc.property(doc, (input) => {
        for (const node of nodes(parseArticle(input))) expect(node.position, node.type).toBeDefined();
        expectExactSpans(input);
      }),
      { numRuns: 150 },
    );
  });
});
