import type { Definition, FootnoteDefinition, FootnoteReference, Image, Link, Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" });

/**
 * What can make a note reach outside itself once it is pasted into report.md: raw HTML, a code fence
 * (an unclosed one swallows the rest of the report), a footnote (`[^1]` is document-wide: the
 * second note's [^1] would show the first note's text) and a link definition (`[1]: URL` would turn
 * the report's own "Sources: [1]" into a link). Notes without any are returned as written.
 */
const REACHES_OUT = /<|```|~~~|\[\^|^ {0,3}\[[^\]]*\]:/m;

/**
 * A reviewer's note as Markdown for report.md, kept to itself: raw HTML is taken out (as the app's
 * renderNote does: a report opened in a Markdown viewer must not run `<img onerror>`), reference
 * links become inline links and their definitions go, footnote labels get `footnotePrefix` so they
 * are unique in the report, and code fences are closed.
 */
export function noteMarkdown(note: string, options: { footnotePrefix?: string } = {}): string {
  const trimmed = note.trim();
  if (!REACHES_OUT.test(trimmed)) return trimmed;
  const tree = processor.parse(trimmed) as Root;
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const prefix = options.footnotePrefix ?? "";
  visit(tree, (node: Nodes, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "html" || node.type === "definition") {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === "linkReference" || node.type === "imageReference") {
      const definition = definitions.get(node.identifier);
      const replacement: Link | Image | Nodes =
        node.type === "linkReference"
          ? { type: "link", url: definition?.url ?? "", title: definition?.title ?? null, children: node.children }
          : { type: "image", url: definition?.url ?? "", title: definition?.title ?? null, alt: node.alt ?? "" };
      (parent.children as Nodes[]).splice(index, 1, replacement);
      return;
    }
    if (node.type === "footnoteReference" || node.type === "footnoteDefinition") {
      const footnote = node as FootnoteReference | FootnoteDefinition;
      footnote.label = `${prefix}${footnote.label ?? footnote.identifier}`;
      footnote.identifier = `${prefix}${footnote.identifier}`;
    }
  });
  return processor.stringify(tree).trim();
}
