import type { Definition, FootnoteDefinition, FootnoteReference, Image, Link, Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { isHttpUrl } from "@/lib/domain/http-url";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" });

/**
 * What can make a note reach outside itself once it is pasted into report.md: raw HTML (or a `<`
 * that turns into a tag), a link (its address may be `javascript:`), a code fence (an unclosed one
 * swallows the rest of the report), a footnote (`[^1]` is document-wide: the second note's [^1]
 * would show the first note's text) and a link definition (`[1]: URL` would turn the report's own
 * "Sources: [1]" into a link). Notes without any are returned as written.
 */
const REACHES_OUT = /<|\]\(|```|~~~|\[\^|^ {0,3}\[[^\]]*\]:/m;

/** Parents whose children are inline: raw HTML there becomes text, elsewhere a paragraph of text. */
const PHRASING = new Set(["paragraph", "heading", "emphasis", "strong", "delete", "link", "linkReference", "tableCell"]);

/**
 * A reviewer's note as Markdown for report.md, kept to itself. Report viewers differ: some render
 * raw HTML, some (Markdown.pl and its kin) do not honour `\<`. So raw HTML is shown as the text it
 * is, every `<` of the note's text written `&lt;`, which every Markdown reads as a character and
 * none as a tag; links and images keep only http(s) addresses (otherwise the link's text stays,
 * plain); reference links become inline links and their definitions go; footnote labels get
 * `footnotePrefix` so they are unique in the report; code fences are closed.
 */
export function noteMarkdown(note: string, options: { footnotePrefix?: string } = {}): string {
  const trimmed = note.trim();
  if (!REACHES_OUT.test(trimmed)) return trimmed;
  const tree = processor.parse(trimmed) as Root;
  inlineReferences(tree, options.footnotePrefix ?? "");
  unlinkUnsafe(tree);
  // `<` becomes a character no note holds, and `&lt;` once the text is written out.
  let lt = 0xe000;
  while (trimmed.includes(String.fromCharCode(lt))) lt++;
  const mark = String.fromCharCode(lt);
  htmlAsText(tree, mark);
  return processor.stringify(tree).trim().split(mark).join("&lt;");
}

/** Reference links and images become inline ones; definitions go; footnote labels get the prefix. */
function inlineReferences(tree: Root, prefix: string): void {
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  visit(tree, (node: Nodes, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "definition") {
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
}

/** A link or image whose address is not http(s) (`javascript:`, `data:`, relative…) keeps its text only. */
function unlinkUnsafe(tree: Root): void {
  visit(tree, (node: Nodes, index, parent) => {
    if (!parent || index === undefined || (node.type !== "link" && node.type !== "image") || isHttpUrl(node.url)) return;
    const text: Nodes[] = node.type === "link" ? node.children : node.alt ? [{ type: "text", value: node.alt }] : [];
    (parent.children as Nodes[]).splice(index, 1, ...text);
    return [SKIP, index];
  });
}

/** Raw HTML becomes text (a paragraph of it where blocks stand); every `<` of text becomes `mark`. */
function htmlAsText(tree: Root, mark: string): void {
  const escape = (value: string) => value.replace(/</g, mark);
  visit(tree, (node: Nodes, index, parent) => {
    if (node.type === "text") node.value = escape(node.value);
    if (node.type === "image") node.alt = node.alt ? escape(node.alt) : node.alt;
    if (node.type !== "html" || !parent || index === undefined) return;
    const value = escape(node.value);
    const replacement: Nodes[] = PHRASING.has(parent.type)
      ? [{ type: "text", value }]
      : value
          .split(/\n[ \t]*\n/)
          .filter((block) => block.trim() !== "")
          .map((block) => ({ type: "paragraph", children: [{ type: "text", value: block }] }));
    (parent.children as Nodes[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}
