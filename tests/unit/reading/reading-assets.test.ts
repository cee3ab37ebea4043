import { readFileSync } from "node:fs";
import type { Element } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { accountHtml, renderReadingDocument } from "@/lib/reading/reading-document";
import { renderReadingMarkup } from "@/lib/reading/reading-markup";
import type { ReadingView } from "@/lib/reading/types";

const normalize = (css: string) => css.replace(/\s+/g, " ").trim();

describe("public/reading/reading.css", () => {
  const css = readFileSync("public/reading/reading.css", "utf8");

  it("copies the rules it takes from app/globals.css unchanged", () => {
    const copied = /From app\/globals\.css[^]*?\*\/([^]*?)\/\* End of the rules from app\/globals\.css/.exec(css)?.[1];
    expect(copied).toBeTruthy();
    const globals = normalize(readFileSync("app/globals.css", "utf8"));
    const rules = copied!.match(/[^{}]+\{[^}]*\}/g) ?? [];
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) expect(globals, `drifted from app/globals.css: ${normalize(rule)}`).toContain(normalize(rule));
  });

  it("keeps the filters hidden until the script shows them, and has a print stylesheet", () => {
    expect(css).toContain(".reading-filters[hidden] { display: none; }");
    expect(css).toMatch(/@media print \{[^]*\.reading-filters, \.claim-popover/);
  });

  it("hides a note's \"Footnotes\" label from the eye, not from screen readers, and nothing else", () => {
    const hidden = /\n\.footnotes > p\[id\$="footnote-label"\] \{([^}]*)\}/.exec(css)?.[1] ?? "";
    const visuallyHidden = /\n\.visually-hidden \{([^}]*)\}/.exec(css)?.[1];
    expect(normalize(hidden)).toBe(normalize(visuallyHidden ?? "-"));

    // What the rule's selector picks in a reading view whose note has a footnote: exactly the label.
    const text = "Fees rose 5% in 2024.\n";
    const view: ReadingView = {
      article: { id: "a", slug: "fees", title: "Fees", publisher: null, author: null, originalUrl: null, publishedOn: null, status: "published", publishedAt: null },
      revision: { id: "r", number: 1, text },
      claims: [{ id: "c1", kind: "statistic", text: "Fees rose 5% in 2024.", sourceStart: 0, sourceEnd: 21, speaker: null, approved: { verdict: "false", note: "They fell.[^1]\n\n[^1]: The 2024 accounts.", reviewerName: null, approvedAt: null, citations: [] } }],
    };
    const pageUrl = "https://desk.example/a/fees";
    const { before, after } = renderReadingDocument(renderReadingMarkup(view, { pageUrl }), { pageUrl, access: "public" });
    const tree = unified().use(rehypeParse).parse(before + accountHtml(null) + after);
    const picked: Element[] = [];
    visit(tree, "element", (node: Element, _index, parent) => {
      const inFootnotes = parent?.type === "element" && [parent.properties.className].flat().includes("footnotes");
      if (inFootnotes && node.tagName === "p" && String(node.properties.id ?? "").endsWith("footnote-label")) picked.push(node);
    });
    expect(picked.map((p) => p.children.map((c) => (c.type === "text" ? c.value : "")).join(""))).toEqual(["Footnotes"]);
    // The footnote reference still names it, so a screen reader announces "Footnotes".
    expect(before + after).toContain(`aria-describedby="${String(picked[0]!.properties.id)}"`);
  });
});

describe("reading.css and the marks", () => {
  const css = readFileSync("public/reading/reading.css", "utf8");
  const rules = css.replace(/\/\*[^]*?\*\//g, "");

  it("never strikes through text", () => {
    expect(rules).not.toMatch(/line-through/);
  });

  it("shows unrated claims quietly, and highlights them only when the legend's checkbox is checked", () => {
    expect(rules).toMatch(/\.reading:not\(:has\(#show-unrated:checked\)\) mark\.claim-mark\.verdict-none \{ background-color: transparent;/);
    // An unrated claim's check link is hidden from the eye the way .visually-hidden hides, until focused.
    const hidden = /\n\.verdict-tag\.verdict-none:not\(:focus-within\) \{([^}]*)\}/.exec(rules)?.[1];
    const visuallyHidden = /\n\.visually-hidden \{([^}]*)\}/.exec(rules)?.[1];
    expect(normalize(hidden ?? "")).toBe(normalize(visuallyHidden ?? "-"));
  });
});
