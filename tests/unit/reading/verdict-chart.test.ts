import type { Element } from "hast";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { summarizeClaims } from "@/lib/reading/summary";
import { verdictChart } from "@/lib/reading/verdict-chart";

const summary = summarizeClaims([
  { kind: "statistic", verdict: "false" },
  { kind: "statistic", verdict: "false" },
  { kind: "factual", verdict: "accurate" },
  { kind: "factual", verdict: null },
]);

describe("verdictChart", () => {
  it("is an accessible image: role img, named by its title and described by its desc", () => {
    const svg = verdictChart(summary).children[0] as Element;
    expect(svg.tagName).toBe("svg");
    expect(svg.properties.role).toBe("img");
    const html = toHtml(verdictChart(summary, { idPrefix: "c" }), { space: "svg" });
    expect(html).toContain('aria-labelledby="c-title c-desc"');
    expect(html).toMatch(/<title id="c-title">Claims by verdict and by kind<\/title>/);
    expect(html).toContain("4 claims marked, 3 with an approved verdict. By verdict: Accurate 1,");
  });

  it("draws one labelled bar per verdict and per kind, the longest for the largest count", () => {
    const html = toHtml(verdictChart(summary), { space: "svg" });
    const rows = [...html.matchAll(/<g class="chart-row ([^"]+)"[^>]*>.*?<rect[^>]* width="(\d+)"[^>]*>.*?class="chart-count">(\d+)</g)].map((m) => ({
      row: m[1],
      width: Number(m[2]),
      count: Number(m[3]),
    }));
    expect(rows).toHaveLength(8 + 4);
    const widthOf = (row: string) => rows.find((r) => r.row === row)!.width;
    expect(widthOf("verdict-false")).toBe(300);
    expect(widthOf("verdict-accurate")).toBe(150);
    expect(widthOf("verdict-misleading")).toBe(0);
    expect(rows.find((r) => r.row === "verdict-none")!.count).toBe(1);
    expect(html).toContain(">Not yet rated</text>");
    expect(html).toContain(">Statistic</text>");
  });
});
