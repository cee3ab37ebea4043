import type { Element } from "hast";
import { ClaimKind, KIND_LABELS, VERDICTS, type Verdict } from "@/lib/domain/vocabulary";
import { h } from "./hast-builders";
import type { ReadingSummary } from "./summary";
import { UNRATED_ID } from "./verdict-words";

/** What each verdict label tells a reader, in a few words. */
export const VERDICT_MEANINGS: Record<Verdict, string> = {
  accurate: "the claim is correct",
  mostly_accurate: "correct apart from minor details",
  missing_context: "true as far as it goes, but leaves out what changes its meaning",
  misleading: "contains some truth, but gives a wrong impression",
  false: "the claim is wrong",
  unsupported: "the evidence available does not settle it",
  opinion: "a view, not a fact that can be checked",
};

/** The id of the checkbox that highlights unrated claims (reading.css reads it with `:has()`). */
export const SHOW_UNRATED_ID = "show-unrated";

/**
 * The short legend before the article: what a highlight means, the verdict labels and the kind
 * colours, and the toggle that highlights the claims not yet rated. The toggle is a plain checkbox
 * that reading.css reads with `:has()`, so it works without JavaScript and under the reading view's
 * CSP (no inline script or style); a native checkbox is keyboard operable and announces its state.
 * Left out when the article has no unrated claim, since it would change nothing.
 */
export function legendTree(summary: ReadingSummary): Element {
  const unrated = summary.byVerdict.find((row) => row.id === UNRATED_ID)?.count ?? 0;
  return h("section", { className: ["reading-legend"], ariaLabelledBy: ["legend-heading"] }, [
    h("h2", { id: "legend-heading" }, ["How to read the marks"]),
    h("p", {}, [
      "A highlighted passage is a claim an editor has checked. The label after it gives the verdict; follow it for the reviewer’s note and sources.",
    ]),
    h("dl", { className: ["legend-verdicts"] }, VERDICTS.flatMap((v) => [h("dt", { className: ["verdict-badge", `verdict-${v.id}`] }, [v.label]), h("dd", {}, [VERDICT_MEANINGS[v.id]])])),
    h("p", { className: ["legend-kinds"] }, [
      "The highlight’s colour is the kind of claim: ",
      ...ClaimKind.options.flatMap((kind, i) => [
        i === 0 ? null : ", ",
        h("span", { className: ["legend-kind"] }, [h("span", { className: ["swatch", `kind-${kind}`], ariaHidden: "true" }), ` ${KIND_LABELS[kind]}`]),
      ]),
      ".",
    ]),
    unrated === 0
      ? null
      : h("p", { className: ["legend-unrated"] }, [
          `${unrated === 1 ? "One claim has" : `${unrated} claims have`} no verdict yet: ${unrated === 1 ? "it is" : "they are"} only underlined with dots. `,
          h("label", { className: ["check", "unrated-toggle"] }, [h("input", { type: "checkbox", id: SHOW_UNRATED_ID }), "Highlight the claims not yet rated"]),
        ]),
  ]);
}
