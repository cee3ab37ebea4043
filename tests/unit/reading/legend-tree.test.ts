import type { Element } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/domain/vocabulary";
import { legendTree, SHOW_UNRATED_ID } from "@/lib/reading/legend-tree";
import { summarizeClaims } from "@/lib/reading/summary";

const textOf = (node: Element): string => node.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : "")).join("");

describe("legendTree", () => {
  const summary = summarizeClaims([
    { kind: "statistic", verdict: "false" },
    { kind: "factual", verdict: null },
    { kind: "program_rule", verdict: null },
  ]);
  const legend = legendTree(summary);
  const html = toHtml(legend);

  it("says what a highlighted claim means and lists every verdict label with its meaning", () => {
    expect(textOf(legend)).toContain("A highlighted passage is a claim an editor has checked. The label after it gives the verdict");
    for (const verdict of VERDICTS) expect(html).toContain(`<dt class="verdict-badge verdict-${verdict.id}">${verdict.label}</dt><dd>`);
    expect(html).toContain("<dt class=\"verdict-badge verdict-false\">False</dt><dd>the claim is wrong</dd>");
  });

  it("names the kind colours in words", () => {
    expect(textOf(legend)).toContain("The highlight’s colour is the kind of claim:  Statistic,  Program rule,  Policy assertion,  Factual.");
  });

  it("offers a labelled checkbox, unchecked, that highlights the unrated claims", () => {
    expect(html).toContain(
      `2 claims have no verdict yet: they are only underlined with dots. <label class="check unrated-toggle"><input type="checkbox" id="${SHOW_UNRATED_ID}">Highlight the claims not yet rated</label>`,
    );
  });

  it("leaves the toggle out when every claim is rated", () => {
    const rated = toHtml(legendTree(summarizeClaims([{ kind: "statistic", verdict: "accurate" }])));
    expect(rated).not.toContain("<input");
    expect(rated).toContain("How to read the marks");
  });
});
