import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" });

/**
 * A reviewer's note as Markdown for report.md, with raw HTML taken out, as the app's renderNote
 * does when it shows the note: a report opened in a Markdown viewer must not run `<img onerror>`.
 * Notes without `<` cannot hold HTML and are returned as written (the common, fast case).
 */
export function noteMarkdown(note: string): string {
  const trimmed = note.trim();
  if (!trimmed.includes("<")) return trimmed;
  const tree = processor.parse(trimmed) as Root;
  visit(tree, "html", (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return processor.stringify(tree).trim();
}
