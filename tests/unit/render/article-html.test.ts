import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { renderArticle } from "@/lib/render/article-html";
import type { MarkedClaim } from "@/lib/render/rehype-claim-marks";

function claimAt(source: string, quote: string, id: string, kind = "statistic"): MarkedClaim {
  const start = source.indexOf(quote);
  if (start < 0) throw new Error(`quote not in source: ${quote}`);
  return { id, sourceStart: start, sourceEnd: start + quote.length, kind, verdict: null, label: `${kind} claim` };
}

function marks(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === "element") {
        if (child.tagName === "mark") found.push(child);
        walk(child);
      }
    }
  };
  walk(tree);
  return found;
}

const text = (node: Element): string => node.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? text(c) : "")).join("");

describe("renderArticle", () => {
  it("wraps a claim's exact span in one focusable mark", () => {
    const source = "# Title\n\nRates rose 12% in 2024. Nobody objected.\n";
    const tree = renderArticle(source, { claims: [claimAt(source, "Rates rose 12% in 2024.", "c1")] });
    const found = marks(tree);
    expect(found).toHaveLength(1);
    expect(text(found[0]!)).toBe("Rates rose 12% in 2024.");
    expect(found[0]!.properties).toMatchObject({ dataClaimId: "c1", dataKind: "statistic", id: "claim-c1", tabIndex: 0 });
  });

  it("leaves a mark without a label neither focusable nor named, keeping its anchor id", () => {
    const source = "Rates rose 12% in 2024.\n";
    const claim = { ...claimAt(source, "Rates rose 12% in 2024.", "c1"), label: null };
    const html = toHtml(renderArticle(source, { claims: [claim] }));
    expect(html).toBe('<p><mark data-claim-id="c1" data-kind="statistic" data-verdict="none" id="claim-c1" class="claim-mark kind-statistic verdict-none">Rates rose 12% in 2024.</mark></p>');
  });

  it("gives a labelled mark its label and a focus stop (the workbench)", () => {
    const source = "Rates rose 12% in 2024.\n";
    const html = toHtml(renderArticle(source, { claims: [claimAt(source, "Rates rose 12% in 2024.", "c1")] }));
    expect(html).toContain('id="claim-c1" tabindex="0" aria-label="statistic claim"');
  });

  it("wraps a claim crossing inline formatting piecewise, only the first piece focusable", () => {
    const source = "The council **approved $4.2 million** for roads in *2024*, officials said.\n";
    const tree = renderArticle(source, { claims: [claimAt(source, "The council **approved $4.2 million** for roads in *2024*", "c2", "factual")] });
    const pieces = marks(tree);
    expect(pieces.map(text).join("")).toBe("The council approved $4.2 million for roads in 2024");
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.filter((m) => m.properties.tabIndex === 0)).toHaveLength(1);
  });

  it("maps offsets through Markdown escapes and character references", () => {
    const source = "Fees \\*rose\\* from &dollar;5 to $7 in 2023.\n";
    const tree = renderArticle(source, { claims: [claimAt(source, "from &dollar;5 to $7", "c3")] });
    expect(marks(tree).map(text).join("")).toBe("from $5 to $7");
  });

  it("marks every claim of a long article, each with exactly its own words", () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Claim number ${i} says ${i * 7} units rose.`);
    const source = sentences.map((s, i) => (i % 4 === 3 ? `${s}\n\n` : `${s} `)).join("");
    const claims = sentences.map((s, i) => claimAt(source, s, `c${i}`));
    const found = marks(renderArticle(source, { claims }));
    expect(found).toHaveLength(400);
    found.forEach((m, i) => expect(text(m)).toBe(sentences[i]));
  });

  it("adds data-o source offsets to every piece of text when asked", () => {
    const source = "First *second* third.\n";
    const html = toHtml(renderArticle(source, { sourceOffsets: true }));
    expect(html).toContain('<span data-o="0">First </span>');
    expect(html).toContain(`<span data-o="${source.indexOf("second")}">second</span>`);
  });

  it("sanitises raw HTML and javascript: links out of article text", () => {
    const source = 'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script> [link](javascript:alert(3))\n';
    const html = toHtml(renderArticle(source));
    expect(html).not.toMatch(/onerror|<script|javascript:/i);
    expect(html).toContain("link");
  });
});
