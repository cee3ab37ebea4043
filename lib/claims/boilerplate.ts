/**
 * Page furniture that is never part of an article's claims, removed from an HTML page's tree before
 * it becomes Markdown: navigation, site header and footer, side boxes, forms, figure captions,
 * scripts and share/subscribe/related widgets. The import and the command line both read HTML
 * through this one plugin (see prepare.ts), so they drop exactly the same nodes.
 */
import type { Element, Root, RootContent } from "hast";

/** Elements dropped wherever they are. */
const FURNITURE = new Set([
  "nav", "aside", "footer", "form", "figcaption", "script", "style", "noscript", "template", "iframe", "button", "select", "textarea", "dialog",
]);

/** ARIA landmarks that mark the same furniture when the markup uses divs. */
const FURNITURE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"]);

/**
 * Words in a class or id that name a widget rather than the story. Matched against the pieces of a
 * class name cut at `-` and `_` ("share-box", "c-newsletter__form"), never inside a word.
 */
const WIDGET_WORDS = new Set([
  "share", "sharing", "social", "subscribe", "subscription", "newsletter", "related", "breadcrumb", "breadcrumbs",
  "cookie", "cookies", "comments", "advert", "advertisement", "ad", "ads", "promo", "sidebar",
]);

/** Containers never dropped for their class: a story marked `class="story social"` is still the story. */
const CONTAINERS = new Set(["html", "body", "main", "article"]);

const words = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === "string" ? value.split(/\s+/) : [])
    .flatMap((v) => String(v).toLowerCase().split(/[-_\s]+/))
    .filter(Boolean);

/** Whether `el` is furniture; `inStory` tells whether it sits inside an article or main element. */
function isFurniture(el: Element, inStory: boolean, pageHasStory: boolean): boolean {
  const p = el.properties ?? {};
  if (FURNITURE.has(el.tagName)) return true;
  // A header outside the story is the site's banner; without an article or main element we cannot
  // tell a banner from the story's own headline, so such a header stays (its nav still goes).
  if (el.tagName === "header" && !inStory && pageHasStory) return true;
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  if (String(p.ariaHidden) === "true") return true;
  if (typeof p.role === "string" && p.role.split(/\s+/).some((r) => FURNITURE_ROLES.has(r.toLowerCase()))) return true;
  if (CONTAINERS.has(el.tagName)) return false;
  return [...words(p.className), ...words(p.id)].some((w) => WIDGET_WORDS.has(w));
}

/** Removes page furniture from a hast tree in place. Iterative: deeply nested markup cannot overflow the stack. */
export function dropBoilerplate(tree: Root): void {
  let pageHasStory = false;
  const scan: Array<Root | RootContent> = [tree];
  while (scan.length > 0 && !pageHasStory) {
    const node = scan.pop()!;
    if (node.type === "element" && (node.tagName === "article" || node.tagName === "main")) pageHasStory = true;
    if ("children" in node) scan.push(...node.children);
  }
  const stack: Array<{ node: Root | Element; inStory: boolean }> = [{ node: tree, inStory: false }];
  while (stack.length > 0) {
    const { node, inStory } = stack.pop()!;
    const kept: typeof node.children = [];
    for (const child of node.children) {
      if (child.type === "element") {
        if (isFurniture(child, inStory, pageHasStory)) continue;
        stack.push({ node: child, inStory: inStory || child.tagName === "article" || child.tagName === "main" });
      }
      kept.push(child as never);
    }
    node.children = kept as never;
  }
}

/** The same as a rehype plugin: `unified().use(rehypeParse).use(rehypeDropBoilerplate)`. */
export default function rehypeDropBoilerplate() {
  return (tree: Root): void => dropBoilerplate(tree);
}
