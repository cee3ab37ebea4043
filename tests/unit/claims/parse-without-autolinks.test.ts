/**
 * parseMarkdown reads text that cannot hold a GFM autolink literal without looking for one
 * (lib/claims/parse.ts): the tree must be exactly the one full GFM gives. Every article we hold is
 * checked twice: as it is (through whichever path it takes), and with its autolink triggers
 * broken ("@", "://", "www."), so that the fast path is compared with full GFM on every article's
 * tables, footnotes, lists, emphasis and front matter.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { markdownParser, mayHoldAutolinkLiteral, parseMarkdown } from "@/lib/claims/parse";
import { benchArticle } from "@/scripts/bench/import";

const fullGfm = (input: string): Root => markdownParser.runSync(markdownParser.parse(input), input) as Root;
const breakTriggers = (text: string) => text.replace(/@/g, " at ").replace(/:\/\//g, ": ").replace(/www\./gi, "www ");

const folders = ["content", "tests/fixtures/claims/articles"];
const articles = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(md|markdown|txt)$/.test(f))
    .map((f) => ({ name: path.join(dir, f), text: readFileSync(path.join(dir, f), "utf8") })),
);

describe("parseMarkdown without autolink literals", () => {
  it("holds articles to compare", () => {
    expect(articles.length).toBeGreaterThan(5);
  });

  it.each(articles)("$name: the same tree as full GFM, as it is and with its autolink triggers broken", ({ text }) => {
    expect(parseMarkdown(text)).toEqual(fullGfm(text));
    const without = breakTriggers(text);
    expect(mayHoldAutolinkLiteral(without)).toBe(false);
    expect(parseMarkdown(without)).toEqual(fullGfm(without));
  });

  it("the 50,000-word import benchmark article: the same tree", () => {
    const text = benchArticle();
    expect(mayHoldAutolinkLiteral(text)).toBe(false);
    expect(parseMarkdown(text)).toEqual(fullGfm(text));
  });

  it("GFM constructs other than autolinks are still read on the fast path", () => {
    const text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and a note[^1].\n\n- [x] done\n\n[^1]: The note.\n";
    expect(mayHoldAutolinkLiteral(text)).toBe(false);
    const tree = parseMarkdown(text);
    expect(tree).toEqual(fullGfm(text));
    expect(tree.children.map((n) => n.type)).toEqual(["table", "paragraph", "list", "footnoteDefinition"]);
  });

  it.each(["See www.example.org today.", "Read https://example.org/report.", "Write to desk@example.org.", "Call mailto:desk@example.org now."])(
    "%s: text that may hold one is read with full GFM, and its link found",
    (text) => {
      expect(mayHoldAutolinkLiteral(text)).toBe(true);
      const tree = parseMarkdown(text);
      expect(tree).toEqual(fullGfm(text));
      expect(JSON.stringify(tree)).toContain('"type":"link"');
    },
  );
});
