/**
 * Two shapes of HTML that made rehype-remark throw instead of giving an article, fixed in the hast
 * tree before it becomes Markdown (parse.ts runs this first):
 *
 * - markup nested deeper than {@link MAX_HTML_DEPTH} (100,000 `<div>`s) overflowed hast-util-to-mdast's
 *   recursion: below that depth the words are kept, in order, as the deepest element's children;
 * - markup nested so deep that parsing itself overflows is refused with a sentence ({@link checkHtmlDepth});
 * - a `<base href>` that is not an absolute http(s) URL (`javascript:`, `mailto:`, a relative path)
 *   made every relative link throw "Invalid URL" when resolved against it: such a base is dropped,
 *   and links stay as the page wrote them.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { AppError } from "@/lib/errors";

/** No article nests this deep; a page's real structure rarely passes 30. */
export const MAX_HTML_DEPTH = 200;

/** Makes `tree` safe for rehype-remark, in place. Iterative, so deep markup cannot overflow the stack. */
export function makeHtmlSafe(tree: Root): void {
  const stack: Array<{ node: Root | Element; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= MAX_HTML_DEPTH) {
      node.children = flattened(node.children as Array<RootContent | ElementContent>) as never;
      continue;
    }
    const kept = (node.children as Array<RootContent | ElementContent>).filter((child) => !(child.type === "element" && child.tagName === "base" && !isWebUrl(child.properties?.href)));
    node.children = kept as never;
    for (const child of kept) if (child.type === "element") stack.push({ node: child, depth: depth + 1 });
  }
}

/** The text and empty elements (img, br) under `nodes`, in document order, without the elements around them. */
function flattened(nodes: Array<RootContent | ElementContent>): ElementContent[] {
  const out: ElementContent[] = [];
  const todo = [...nodes].reverse();
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (node.type === "text") out.push(node);
    else if (node.type === "element") {
      if (node.children.length === 0 && node.tagName !== "base") out.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
    }
  }
  return out;
}

function isWebUrl(href: unknown): boolean {
  if (typeof href !== "string") return false;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The same as a rehype plugin. */
export default function rehypeSafeHtml() {
  return (tree: Root): void => makeHtmlSafe(tree);
}

/**
 * Nesting deeper than this is refused before parsing: hast-util-from-parse5 recurses once per level
 * and overflows the stack near 2,000 levels, where no attribute or setting of ours reaches it.
 */
export const MAX_HTML_PARSE_DEPTH = 1_000;

/** Elements that never nest (void) or whose end tag may be left out: they say nothing about depth. */
const UNCOUNTED = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
  "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "caption", "html", "head", "body",
]);

/**
 * Throws a BAD_INPUT AppError when `html`'s elements open more than {@link MAX_HTML_PARSE_DEPTH} deep,
 * counted from its tags in one pass (script and style contents skipped).
 */
export function checkHtmlDepth(html: string): void {
  let depth = 0;
  let lower: string | null = null;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (!m[1] && (name === "script" || name === "style")) {
      // Their contents are not markup: skip to the end tag, found once (no backtracking on hostile input).
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      if (end === -1) return;
      tag.lastIndex = end;
      continue;
    }
    if (m[3] || UNCOUNTED.has(name)) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_HTML_PARSE_DEPTH) {
      throw new AppError(
        "BAD_INPUT",
        `This HTML nests its elements over ${MAX_HTML_PARSE_DEPTH.toLocaleString("en-US")} levels deep; no article does, and it cannot be read. Save the article's text as Markdown or plain text and import that.`,
      );
    }
  }
}
