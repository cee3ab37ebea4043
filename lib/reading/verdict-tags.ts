import type { Element, ElementContent, Root } from "hast";
import { UNRATED_ID } from "./verdict-words";

/** What the tag after a claim says. */
export type VerdictTag = { kind: string; kindLabel: string; verdict: string; verdictLabel: string };

/** The id of a claim's entry in the "Claims and verdicts" list after the article. */
export const detailId = (claimId: string) => `detail-${claimId}`;

/**
 * Adds a check link after the last piece of each marked claim, to the claim's entry in the list
 * after the article: the claim's role and name for assistive technology, and the reader's way to the
 * note and sources without JavaScript (enhance.js opens them in a popover instead).
 *
 * Why a link and not a label on the mark: an aria-label on a bare `<mark>` (no role, not focusable)
 * is dropped by most screen readers, and role="mark" may not be named at all. A link has a role that
 * takes a name, announced everywhere, in browse mode and by Tab: "Statistic, rated False: see the
 * check". The name is the link's aria-label rather than visually hidden text around the label:
 * Chromium computes a space around an absolutely positioned span ("False : see the check"). The
 * visible label is inside the name (WCAG 2.5.3), so voice control users can say what they see.
 *
 * A rated claim's link shows its verdict ("False"): the verdict is told by text, not colour. An
 * unrated claim's link is hidden from the eye until it has keyboard focus (reading.css), so a page of
 * unrated sentences shows no badge after each, and still names every claim to a screen reader.
 *
 * Runs on the already sanitised tree: it only adds elements built here, with text nodes (escaped when
 * serialised) and fragment links to ids of our own.
 */
export function addVerdictTags(tree: Root, tags: ReadonlyMap<string, VerdictTag>): Root {
  const last = new Map<string, Element>();
  const find = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const id = child.tagName === "mark" ? child.properties.dataClaimId : undefined;
      if (typeof id === "string") last.set(id, child);
      find(child);
    }
  };
  find(tree);
  const lastPieces = new Map<Element, string>();
  for (const [id, mark] of last) lastPieces.set(mark, id);

  const insert = (node: Root | Element) => {
    let changed = false;
    const children: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      children.push(child);
      if (child.type !== "element") continue;
      insert(child);
      const id = lastPieces.get(child);
      const tag = id === undefined ? undefined : tags.get(id);
      if (id !== undefined && tag) {
        children.push(tagElement(id, tag) as (typeof node.children)[number]);
        changed = true;
      }
    }
    if (changed) node.children = children as typeof node.children;
  };
  insert(tree);
  return tree;
}

/** The check link's accessible name, e.g. "Statistic, rated False: see the check". */
export function checkLinkName(tag: VerdictTag): string {
  return tagWords(tag).join("");
}

/** The name in three parts: words before the visible label, the label, words after it. */
function tagWords(tag: VerdictTag): [string, string, string] {
  return tag.verdict === UNRATED_ID
    ? [`${tag.kindLabel}, `, "not yet rated", ": see the claim"]
    : [`${tag.kindLabel}, rated `, tag.verdictLabel, ": see the check"];
}

function tagElement(claimId: string, tag: VerdictTag): ElementContent {
  const [, label] = tagWords(tag);
  return {
    type: "element",
    tagName: "sup",
    properties: { className: ["verdict-tag", `kind-${tag.kind}`, `verdict-${tag.verdict}`], dataTagFor: claimId },
    children: [
      {
        type: "element",
        tagName: "a",
        properties: { href: `#${detailId(claimId)}`, className: ["claim-check"], ariaLabel: checkLinkName(tag) },
        children: [{ type: "text", value: label }],
      },
    ],
  };
}
