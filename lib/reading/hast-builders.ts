import type { Element, ElementContent, Properties } from "hast";

/** Tiny helpers for building hast trees from plain data: every string becomes a text node. */
export function h(tagName: string, properties: Properties, children: (ElementContent | string | null | false)[] = []): Element {
  return {
    type: "element",
    tagName,
    properties,
    children: children.filter((c): c is ElementContent | string => c !== null && c !== false).map((c) => (typeof c === "string" ? { type: "text", value: c } : c)),
  };
}
