import type { Element, ElementContent, Root } from "hast";

/** What the tag after a claim says. */
export type VerdictTag = { kind: string; kindLabel: string; verdict: string; verdictLabel: string };

/** The id of a claim's entry in the "Claims and verdicts" list after the article. */
export const detailId = (claimId: string) => `detail-${claimId}`;

/**
 * Adds a visible verdict label after the last piece of each marked claim: a small superscript link
 * ("False", "Not yet rated") to the claim's entry in the list after the article, so the verdict is
 * told by text and not by colour, and a reader without JavaScript reaches the note and sources.
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

function tagElement(claimId: string, tag: VerdictTag): ElementContent {
  return {
    type: "element",
    tagName: "sup",
    properties: { className: ["verdict-tag", `kind-${tag.kind}`, `verdict-${tag.verdict}`], dataTagFor: claimId },
    children: [
      {
        type: "element",
        tagName: "a",
        properties: { href: `#${detailId(claimId)}` },
        children: [
          { type: "element", tagName: "span", properties: { className: ["visually-hidden"] }, children: [{ type: "text", value: `${tag.kindLabel}, verdict: ` }] },
          { type: "text", value: tag.verdictLabel },
        ],
      },
    ],
  };
}
