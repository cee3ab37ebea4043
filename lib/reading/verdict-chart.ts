import type { Element, ElementContent, Root } from "hast";
import type { ReadingSummary, SummaryRow } from "./summary";

/**
 * The summary as a small horizontal bar chart, an SVG built as a hast tree on the server (rendered
 * by hast-util-to-html like the rest of the page, so no client JavaScript). Every bar carries
 * its label and count as text and its verdict's pattern, so the chart never relies on colour alone;
 * the page also shows the same numbers as a table.
 */

const WIDTH = 520;
const LABEL_WIDTH = 150;
const BAR_MAX = 300;
const ROW = 22;
const HEADING = 26;

export type ChartOptions = {
  /** Prefix for the ids inside the SVG (title, desc, patterns), unique on the page. */
  idPrefix?: string;
};

/** Builds the chart of claims by verdict and by kind. */
export function verdictChart(summary: ReadingSummary, options: ChartOptions = {}): Root {
  const prefix = options.idPrefix ?? "summary-chart";
  const max = Math.max(1, ...summary.byVerdict.map((r) => r.count), ...summary.byKind.map((r) => r.count));
  const children: ElementContent[] = [
    el("title", { id: `${prefix}-title` }, [text("Claims by verdict and by kind")]),
    el("desc", { id: `${prefix}-desc` }, [text(describe(summary))]),
  ];
  let y = 0;
  const group = (heading: string, rows: SummaryRow<string>[], classOf: (id: string) => string) => {
    children.push(el("text", { x: "0", y: String(y + 16), className: ["chart-heading"] }, [text(heading)]));
    y += HEADING;
    for (const row of rows) {
      const width = row.count === 0 ? 0 : Math.max(2, Math.round((row.count / max) * BAR_MAX));
      children.push(
        el("g", { className: ["chart-row", classOf(row.id)], transform: `translate(0 ${y})` }, [
          el("text", { x: String(LABEL_WIDTH - 8), y: "15", textAnchor: "end" }, [text(row.label)]),
          el("rect", { x: String(LABEL_WIDTH), y: "3", width, height: ROW - 6, className: ["chart-bar"] }, []),
          el("text", { x: String(LABEL_WIDTH + width + 6), y: "15", className: ["chart-count"] }, [text(String(row.count))]),
        ]),
      );
      y += ROW;
    }
    y += 8;
  };
  group("By verdict", summary.byVerdict, (id) => `verdict-${id}`);
  group("By kind", summary.byKind, (id) => `kind-${id}`);
  const svg = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${WIDTH} ${y}`,
      width: WIDTH,
      height: y,
      role: "img",
      ariaLabelledBy: [`${prefix}-title`, `${prefix}-desc`],
      className: ["summary-chart"],
    },
    children,
  );
  return { type: "root", children: [svg] };
}

function describe(summary: ReadingSummary): string {
  const rows = (list: SummaryRow<string>[]) => list.map((r) => `${r.label} ${r.count}`).join(", ");
  return `${summary.total} claims marked, ${summary.checked} with an approved verdict. By verdict: ${rows(summary.byVerdict)}. By kind: ${rows(summary.byKind)}.`;
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
