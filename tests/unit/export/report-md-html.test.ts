import type { Element, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Root as MdastRoot } from "mdast";
import rehypeParse from "rehype-parse";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { formatMarkdownReport } from "@/lib/export/markdown-report";
import { noteMarkdown } from "@/lib/export/note-markdown";
import type { ArticleExport } from "@/lib/export/types";
import { type Fixture, useExportFixture } from "./fixture";

/**
 * Issue 11, finding 9: report.md is opened in Markdown viewers, and some render raw HTML. A
 * reviewer's note must show its HTML as text there, keep its Markdown (bold, lists, http(s) links),
 * and never carry a script, an event handler, a frame or a javascript: link.
 */

const VECTORS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1) 'title')",
  "![pixel](javascript:alert(1))",
  "<svg onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  "<javascript:alert(1)>",
  "[click][evil]\n\n[evil]: javascript:alert(1)",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<details open ontoggle=alert(1)>x</details>",
  "<div>\n\n<img src=x onerror=alert(1)>\n\n</div>",
  "<!-- x --><img src=x onerror=alert(1)>",
  "\\<img src=x onerror=alert(1)>",
  "&lt;img src=x onerror=alert(1)&gt;",
  "- **bold** <b onmouseover=alert(1)>x</b>\n- <style>body{display:none}</style>",
  '<a title="[x](javascript:alert(1))">t</a>',
  "```\n<script>alert(1)</script>",
];

/** What a Markdown viewer that renders raw HTML makes of a document, as the browser would then parse it. */
function renderWithRawHtml(markdown: string): HastRoot {
  const mdast = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true }).runSync(mdast) as HastRoot;
  const html = toHtml(hast, { allowDangerousHtml: true });
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

/** Everything in the rendered page that could run script. */
function dangers(tree: HastRoot): string[] {
  const found: string[] = [];
  visit(tree, "element", (node: Element) => {
    if (["script", "iframe", "object", "embed", "svg", "style", "frame", "base", "form", "meta"].includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (["href", "src", "action", "formAction", "xLinkHref"].includes(name) && !/^(https?:|mailto:|#)/i.test(String(value).trim())) found.push(`${node.tagName}[${name}=${String(value)}]`);
    }
  });
  return found;
}

function htmlNodes(markdown: string): number {
  let count = 0;
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot, "html", () => {
    count++;
  });
  return count;
}

describe("a note in report.md", () => {
  it.each(VECTORS)("%j renders as text, with nothing that runs", (vector) => {
    const md = noteMarkdown(`Checked. ${vector}`);
    expect(dangers(renderWithRawHtml(md))).toEqual([]);
    expect(htmlNodes(md)).toBe(0);
    // Not even a backslash-escaped tag, which Markdown.pl and its kin pass through: `<` is written `&lt;`.
    expect(md).not.toMatch(/<[a-z!/?]/i);
  });

  it("shows raw HTML as the reviewer typed it", () => {
    const md = noteMarkdown("Signs say <b>24</b> hours & <img src=x onerror=alert(1)>.");
    const text = unified().use(remarkParse).parse(md);
    expect(JSON.stringify(text)).toContain("<b>24</b> hours & <img src=x onerror=alert(1)>.");
  });

  it("keeps Markdown: bold, emphasis, lists and http(s) links", () => {
    const note = "**Bold**, _soft_ and [the minutes](https://harbor.example/minutes?a=1&b=2).\n\n- one <i>x</i>\n- two\n\nSee <https://harbor.example/budget>.";
    const tree = renderWithRawHtml(noteMarkdown(note));
    const html = toHtml(tree);
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toContain('<a href="https://harbor.example/minutes?a=1&#x26;b=2">the minutes</a>');
    expect(html).toContain('<a href="https://harbor.example/budget">https://harbor.example/budget</a>');
    expect(html).toMatch(/<li>one &#x3C;i>x&#x3C;\/i><\/li>/);
    expect(dangers(tree)).toEqual([]);
  });

  it("keeps a javascript: link's text, without the link", () => {
    const html = toHtml(renderWithRawHtml(noteMarkdown("See [the budget](javascript:alert(1)) now.")));
    expect(html).toBe("<p>See the budget now.</p>");
  });
});

describe("the whole report.md", () => {
  let data: ArticleExport;
  let fixture: Fixture;
  useExportFixture((loaded) => ({ data, fixture } = loaded));

  it("with every vector in the approved notes, and hostile article and source URLs, renders nothing that runs", () => {
    const approved = new Set(data.claims.map((c) => c.approvedReviewId).filter((id) => id !== null));
    expect(approved.size).toBeGreaterThan(2);
    let i = 0;
    const hostile: ArticleExport = {
      ...data,
      article: { ...data.article, originalUrl: "javascript:alert(1)", title: "<img src=x onerror=alert(1)>" },
      reviews: data.reviews.map((r) => (approved.has(r.id) ? { ...r, note: `${r.note}\n\n${VECTORS.slice(i, (i += 7)).join("\n\n")}` } : r)),
      sources: data.sources.map((s, k) => (k === 0 ? { ...s, url: "javascript:alert(2)", title: "<svg onload=alert(3)>" } : s)),
    };
    expect(i).toBeGreaterThanOrEqual(VECTORS.length);
    const md = formatMarkdownReport(hostile);
    expect(dangers(renderWithRawHtml(md))).toEqual([]);
    expect(htmlNodes(md)).toBe(0);
    expect(md).toContain("Fee applies only to motor boats.");
    expect(fixture.approvedVerdictLabels.every((label) => md.includes(`**Verdict:** ${label}`))).toBe(true);
  });
});
