/**
 * prepareArticle (lib/claims/prepare.ts), the one reading of an article, and what it drops from an
 * HTML page (boilerplate.ts); claimsInSource, which moves claims found in the Markdown back into
 * the file's own text (source-offsets.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claimsInSource, extractClaims, plainText, prepareArticle, toMarkdown } from "@/lib/claims";
import { parsePlainText } from "@/lib/claims/plain-text";
import { createSourceMap } from "@/lib/claims/source-offsets";

const PAGE = readFileSync("tests/fixtures/claims/pages/harbor-bridge-page.html", "utf8");
const HTML_FIXTURES = [PAGE, readFileSync("tests/fixtures/claims/articles/vaccine-exemptions.html", "utf8")];
const TEXT_FIXTURES = ["ice-287g-fy2020.txt", "unemployment-benefits-release.txt"].map((f) => readFileSync(`tests/fixtures/claims/articles/${f}`, "utf8"));

const inSource = (text: string, fileName: string) => {
  const article = prepareArticle(text, { fileName });
  return { article, result: claimsInSource(article, extractClaims(article.markdown)) };
};
const words = (s: string) => s.replace(/<[^>]*>/g, "").replace(/&[a-z]+;/g, "").replace(/[^\p{L}\p{N}]/gu, "");

describe("prepareArticle", () => {
  it("takes the format given, else the extension, else sniffs", () => {
    expect(prepareArticle("<p>Hi</p>", { fileName: "a.md", format: "text" }).format).toBe("text");
    expect(prepareArticle("<p>Hi</p>", { fileName: "a.md" }).format).toBe("markdown");
    expect(prepareArticle("<p>Hi</p>", { fileName: "pasted text" }).format).toBe("html");
    expect(prepareArticle("<p>Hi</p>").format).toBe("html");
  });

  it("leaves Markdown as it is, with no tree to map back through", () => {
    const md = "# Title\n\n<div>Note.</div>\n\nThe city spent $4 million.\n";
    expect(prepareArticle(md, { fileName: "a.md" })).toEqual({ format: "markdown", source: md, markdown: md, tree: null });
  });

  it("writes the same Markdown toMarkdown writes, from a tree with positions into the page", () => {
    for (const html of HTML_FIXTURES) {
      const article = prepareArticle(html, { fileName: "page.html" });
      expect(article.markdown).toBe(toMarkdown(html, "html"));
      expect(article.tree?.position?.end.offset).toBeLessThanOrEqual(html.length);
    }
  });

  it("drops the same nodes on both paths: the page read directly and its Markdown have one plain text", () => {
    for (const html of HTML_FIXTURES) expect(plainText(prepareArticle(html, { fileName: "p.html" }).markdown)).toBe(plainText(html, "html"));
    for (const text of TEXT_FIXTURES) expect(plainText(prepareArticle(text, { fileName: "p.txt" }).markdown)).toBe(plainText(text, "text"));
  });
});

describe("page furniture", () => {
  const kept = (html: string) => plainText(prepareArticle(html, { format: "html" }).markdown);

  it("drops navigation, footers, side boxes, forms, captions, scripts and widgets", () => {
    const text = kept(PAGE);
    expect(text).toContain("Lane closures will begin in May");
    for (const furniture of ["Sports", "120,000 readers", "61,000 vehicles", "2,400 readers", "Copy link", "Toll revenue", "35,000 subscribers", "14 state press awards", "pageviews"]) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it("drops a site header only when the page marks its story with article or main", () => {
    expect(kept("<header><p>Site banner.</p></header><article><header><h1>Story headline</h1></header><p>Body.</p></article>")).toBe("Story headline\n\nBody.");
    expect(kept("<header><h1>Story headline</h1><nav>Home</nav></header><p>Body.</p>")).toBe("Story headline\n\nBody.");
  });

  it("drops ARIA landmarks, hidden elements and widget classes, but never the story for its class", () => {
    const html = [
      '<div role="navigation">Home</div>',
      '<div role="complementary">Most read</div>',
      "<p hidden>Hidden text.</p>",
      '<p aria-hidden="true">Icon text.</p>',
      '<div class="c-share__links">Share on X</div>',
      '<div id="newsletter-signup">Sign up</div>',
      '<article class="story social"><p class="shared-costs">Shared costs rose 4%.</p><p class="leader">The lead.</p></article>',
    ].join("");
    expect(kept(html)).toBe("Shared costs rose 4%.\n\nThe lead.");
  });
});

describe("claimsInSource", () => {
  it("keeps the Markdown's claims and points them into the page", () => {
    const { article, result } = inSource(PAGE, "page.html");
    expect(result.claims.map((c) => c.text)).toEqual(extractClaims(article.markdown).claims.map((c) => c.text));
    for (const c of [...result.claims, ...result.dropped]) {
      expect(words(PAGE.slice(c.sourceStart, c.sourceEnd)), c.text).toBe(words(c.text));
    }
    const rule = result.claims.find((c) => c.kind === "program_rule")!;
    expect(PAGE.slice(rule.sourceStart, rule.sourceEnd)).toBe(rule.text);
  });

  it("points plain text claims at exactly their words", () => {
    for (const text of TEXT_FIXTURES) {
      const { result } = inSource(text, "a.txt");
      expect(result.claims.length).toBeGreaterThan(10);
      for (const c of [...result.claims, ...result.dropped]) expect(text.slice(c.sourceStart, c.sourceEnd)).toBe(c.text);
    }
  });

  it("counts a byte-order mark in the source but never keeps it in the Markdown", () => {
    const body = "Budget report\n\nThe city spent $4.2 million on road repairs in 2023.\n";
    for (const [fileName, text] of [["a.md", body], ["a.txt", body], ["a.html", `<h1>Budget report</h1><p>The city spent $4.2 million on road repairs in 2023.</p>`]] as const) {
      const withMark = `\uFEFF${text}`;
      const { article, result } = inSource(withMark, fileName);
      expect(article.markdown).toBe(prepareArticle(text, { fileName }).markdown);
      const claim = result.claims.find((c) => c.text.startsWith("The city"))!;
      expect(withMark.slice(claim.sourceStart, claim.sourceEnd), fileName).toBe(claim.text);
    }
  });

  it("bridges a Markdown whose plain text differs from the source's with a diff", () => {
    const source = "The city spent $4 million in 2024.";
    const map = createSourceMap("Added intro.\n\nThe city spent $4 million in 2024.\n", source, parsePlainText(source));
    const start = "Added intro.\n\n".length;
    expect(map.fromPlain(start, start + source.length)).toEqual([0, source.length]);
    expect(map.nextUnit("The city spent $4 million in 2024.")).toEqual([0, source.length]);
    expect(map.nextUnit("Not there.")).toBeNull();
  });
});
