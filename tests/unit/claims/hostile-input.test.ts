import { describe, expect, it } from "vitest";
import { extractClaims, prepareArticle } from "@/lib/claims";
import { MAX_HTML_DEPTH } from "@/lib/claims/safe-html";
import { AppError } from "@/lib/errors";
import { checkArticleShape, MAX_NESTING } from "@/lib/processing";

// Issue 11 §8: crafted input fails with a sentence, or reads cleanly, never with an internal error.
const SENTENCE = "The city spent $4 million on roads in 2023.";
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const claimsOf = (html: string) => extractClaims(prepareArticle(html, { fileName: "page.html" }).markdown).claims.map((c) => c.text);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("crafted HTML", () => {
  it.each(["javascript:", "mailto:", "/relative/", "http://[bad"])("a <base href=%s> is ignored and the page's links stay as written", (href) => {
    const html = page(`<base href="${href}">`, `<p>${SENTENCE} <a href="report.html">The report</a> says so.</p><p><img src="chart.png" alt="chart"></p>`);
    const article = prepareArticle(html, { fileName: "page.html" });
    expect(article.markdown).toContain("[The report](report.html)");
    expect(claimsOf(html)).toContain(SENTENCE);
  });

  it("an http(s) base still resolves relative links", () => {
    const html = page(`<base href="https://example.gov/news/">`, `<p>${SENTENCE} <a href="report.html">The report</a> says so.</p>`);
    expect(prepareArticle(html, { fileName: "page.html" }).markdown).toContain("(https://example.gov/news/report.html)");
  });

  it("100,000 nested <div>s are refused with the reason, not a stack overflow", () => {
    const html = page("", `${"<div>".repeat(100_000)}<p>${SENTENCE}</p>${"</div>".repeat(100_000)}`);
    const error = refusal(() => prepareArticle(html, { fileName: "page.html" }));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.message).toMatch(/nests its elements over 1,000 levels deep/);
  });

  it(`markup deeper than ${MAX_HTML_DEPTH} levels but parseable keeps its words`, () => {
    const html = page("", `${"<div>".repeat(900)}<p>${SENTENCE}</p>${"</div>".repeat(900)}`);
    expect(claimsOf(html)).toEqual([SENTENCE]);
  });

  it("an unclosed <script> does not hide the depth check or slow it down", () => {
    const html = page("", `${"<script>".repeat(50_000)}`);
    expect(() => prepareArticle(html, { fileName: "page.html" })).not.toThrow();
  });
});

describe("Markdown shapes no parser reads in time", () => {
  it("a 10,000-deep nested list (20 KB) is refused, naming the line and the limit", () => {
    const error = refusal(() => checkArticleShape(`Intro.\n\n${"- ".repeat(10_000)}item\n`));
    expect(error.message).toBe(`Line 3 nests lists or quotes 10000 levels deep; the limit is ${MAX_NESTING}. Flatten the list, or import the text as plain text (.txt).`);
  });

  it("deep block quotes count too, and ordered markers", () => {
    expect(() => checkArticleShape(`${"> ".repeat(1500)}x`)).toThrow(/1500 levels deep/);
    expect(() => checkArticleShape(`${"1. ".repeat(1500)}x`)).toThrow(/1500 levels deep/);
  });

  it("200 KB of *a is refused", () => {
    expect(() => checkArticleShape("*a".repeat(100_000))).toThrow(/over 5,000 emphasis marks/);
  });

  it("ordinary articles pass: nested lists, long bullet lists, bold text, one-line articles", () => {
    checkArticleShape(`# Title\n\n- a\n  - b\n    - c\n\n> quoted\n> > twice\n\n${"* item with **bold** words\n".repeat(6000)}`);
    checkArticleShape(`${SENTENCE} `.repeat(100_000));
    checkArticleShape("- ".repeat(MAX_NESTING) + "deep but allowed");
  });

  it("HTML and plain text are not read by micromark, so the check leaves them alone", () => {
    checkArticleShape("*a".repeat(100_000), "text");
    checkArticleShape("*a".repeat(100_000), "html");
  });
});
