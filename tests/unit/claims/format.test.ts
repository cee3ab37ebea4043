/**
 * Telling the formats apart (lib/claims/format.ts): an explicit extension wins; without one, only a
 * document that starts like an HTML page, or text whose words nearly all sit inside elements, is
 * HTML. Markdown with some inline HTML stays Markdown, which matters most for pasted text (it has no
 * file name).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, extractClaims, prepareArticle, toMarkdown } from "@/lib/claims";
import { formatOfFileName } from "@/lib/claims/format";

const PASTED = "pasted text";
const fixture = (name: string) => readFileSync(`tests/fixtures/claims/pages/${name}`, "utf8");

describe("detectFormat", () => {
  it("goes by the extension whenever there is one, whatever the text looks like", () => {
    expect(detectFormat("a.md", "<!DOCTYPE html><html><body><p>Hi</p></body></html>")).toBe("markdown");
    expect(detectFormat("notes.MARKDOWN", "<p>Hi</p>")).toBe("markdown");
    expect(detectFormat("a.txt", "# A heading\n\n- a list")).toBe("text");
    expect(detectFormat("page.htm", "# Not a heading here")).toBe("html");
    expect(detectFormat("page.xhtml", "")).toBe("html");
    expect(formatOfFileName("content/report.docx")).toBeUndefined();
    expect(formatOfFileName(PASTED)).toBeUndefined();
  });

  it("reads a page that starts with a doctype, <html>, <head> or <body> as HTML", () => {
    for (const start of ["<!DOCTYPE html>", "<!doctype html>", "<html lang=\"en\">", "<head>", "<BODY>"]) {
      expect(detectFormat(PASTED, `${start}\n# Looks like Markdown\n\nThe city spent $4 million.`), start).toBe("html");
    }
    expect(detectFormat(PASTED, "\uFEFF  <!-- saved from a browser -->\n<!DOCTYPE html><title>x</title>")).toBe("html");
    expect(detectFormat(PASTED, `<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`)).toBe("html");
  });

  it("reads a fragment whose words are all inside elements as HTML", () => {
    expect(detectFormat(PASTED, "<p>Hello</p>")).toBe("html");
    expect(detectFormat(PASTED, "<article>\n  <h1>Budget</h1>\n  <p>The council spent $4 million on roads in 2024.</p>\n  <p>It had planned $3 million.</p>\n</article>\n")).toBe("html");
    // Unclosed paragraphs, as old CMS exports write them, are still inside an element.
    expect(detectFormat(PASTED, "<p>Rates rose 12% in 2024.\n<p>They fell in 2023.\n")).toBe("html");
  });

  it("keeps Markdown with an inline <div> block Markdown", () => {
    const md = fixture("riverside-budget-with-div.md");
    expect(md.slice(0, 4096)).toMatch(/<div[^>]*>[^<]*<\/div>/);
    expect(detectFormat(PASTED, md)).toBe("markdown");
    // Read as Markdown, each of its 46 sentences is its own claim; read as HTML they ran together.
    expect(extractClaims(prepareArticle(md, { fileName: PASTED }).markdown).claims).toHaveLength(46);
  });

  it("keeps Markdown that opens with an HTML banner Markdown", () => {
    const md = '<div align="center"><img src="logo.png" alt="logo"></div>\n\n# Water rates\n\nRates rose 12% in 2024, the utility said.\n';
    expect(detectFormat(PASTED, md)).toBe("markdown");
    // Mostly inside elements, but with a Markdown heading outside them: Markdown.
    expect(detectFormat(PASTED, "# Rates\n\n<table><tr><td>2023</td><td>Rates rose 12% in 2024 after a long and contentious vote.</td></tr></table>\n")).toBe("markdown");
  });

  it("keeps plain text with angle brackets and autolinks plain text or Markdown", () => {
    expect(detectFormat(PASTED, "If x < 5 and y > 3 the rule applies.\nCosts rose 4% in 2024.")).toBe("text");
    expect(detectFormat(PASTED, "See <https://example.org/report> for the report. Costs rose 4%.")).toBe("text");
    expect(detectFormat(PASTED, "Costs rose <b>4%</b> in 2024, the county said in its report on Monday.")).toBe("text");
    expect(detectFormat(PASTED, "Just words.")).toBe("text");
    expect(detectFormat(PASTED, "## Heading\n\nSome **bold** words.")).toBe("markdown");
  });
});

describe("toMarkdown", () => {
  it("writes HTML's Markdown without the page furniture", () => {
    const md = toMarkdown(fixture("harbor-bridge-page.html"), "html");
    expect(md).toContain("# Harbor Bridge repairs will cost $48 million, state says");
    expect(md).toContain("Under state law, a bridge rated in poor condition must be inspected every 12 months");
    for (const furniture of ["Politics", "120,000 readers", "61,000 vehicles", "2,400 readers", "Copy link", "Toll revenue", "35,000 subscribers", "14 state press awards", "Privacy", "pageviews", "display: flex"]) {
      expect(md, furniture).not.toContain(furniture);
    }
  });
  it("passes Markdown through and keeps plain text's words", () => {
    expect(toMarkdown("# T\n\n<div>x</div>\n", "markdown")).toBe("# T\n\n<div>x</div>\n");
    expect(toMarkdown("<h1>T</h1><ul><li>One</li></ul>", "html")).toBe("# T\n\n- One\n");
  });
});
