import type { Element, ElementContent, Root } from "hast";
import { h } from "./hast-builders";
import type { ReadingSummary, SummaryRow } from "./summary";
import { UNRATED_ID } from "./verdict-words";

/** The summary at the top of the reading view: the SVG chart and the same numbers as two tables. */
export function summaryTree(summary: ReadingSummary, chart: Root): Element {
  return h("section", { className: ["reading-summary"], ariaLabelledBy: ["summary-heading"] }, [
    h("h2", { id: "summary-heading" }, ["Summary"]),
    h("p", {}, [
      h("strong", {}, [String(summary.total)]),
      summary.total === 1 ? " claim marked in this article; " : " claims marked in this article; ",
      h("strong", {}, [String(summary.checked)]),
      " with a verdict approved by an editor.",
    ]),
    h("div", { className: ["summary-grid"] }, [
      ...(chart.children as ElementContent[]),
      h("div", { className: ["summary-tables"] }, [
        table("Claims by verdict", "Verdict", summary.byVerdict, "verdict"),
        table("Claims by kind", "Kind", summary.byKind, "kind"),
      ]),
    ]),
  ]);
}

function table(caption: string, heading: string, rows: SummaryRow<string>[], prefix: "verdict" | "kind"): Element {
  return h("table", { className: ["listing", "summary-table"] }, [
    h("caption", {}, [caption]),
    h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, [heading]), h("th", { scope: "col", className: ["num"] }, ["Claims"])])]),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h("tr", {}, [
          h("th", { scope: "row" }, [h("span", { className: ["swatch", `${prefix}-${row.id}`], ariaHidden: "true" }), ` ${row.label}`]),
          h("td", { className: ["num"] }, [String(row.count)]),
        ]),
      ),
    ),
  ]);
}

/**
 * The kind and verdict filters, `hidden` in the HTML: they need public/reading/enhance.js, which
 * shows them, so a reader without JavaScript never sees controls that do nothing.
 */
export function filtersTree(summary: ReadingSummary): Element {
  const group = (name: string, filter: "kind" | "verdict", options: SummaryRow<string>[]) =>
    h("div", { className: ["filter-group"], role: "group", ariaLabel: name }, [
      h("span", { className: ["filter-name"] }, [`${name}:`]),
      ...options
        .filter((option) => option.count > 0)
        .map((option) =>
          h("label", { className: ["check"] }, [
            h("input", { type: "checkbox", checked: true, dataFilter: filter, value: option.id }),
            `${option.label} (${option.count})`,
          ]),
        ),
    ]);
  return h("fieldset", { className: ["reading-filters"], hidden: true }, [
    h("legend", {}, ["Show claims"]),
    group("Kind", "kind", summary.byKind),
    // Unrated claims have their own toggle, in the legend (legend-tree.ts).
    group("Verdict", "verdict", summary.byVerdict.filter((row) => row.id !== UNRATED_ID)),
    h("p", { className: ["small", "muted"], role: "status", dataFilterStatus: "" }, [`${summary.total} of ${summary.total} claims marked`]),
  ]);
}
