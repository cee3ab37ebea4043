/**
 * Formats: telling Markdown, plain text and HTML apart, and writing the Markdown a revision stores
 * from plain text or HTML (../shared/DESIGN.md §2). prepare.ts puts the two together.
 */
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { parseHtml } from "./parse";
import { parsePlainText } from "./plain-text";
import type { SourceFormat } from "./types";

/** File extensions that name a format; an extension always wins over what the text looks like. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  md: "markdown", markdown: "markdown", mdown: "markdown", mkd: "markdown",
  txt: "text", text: "text",
  html: "html", htm: "html", xhtml: "html",
};

/** The format `fileName`'s extension names, or undefined ("pasted text", "notes", "a.docx"). */
export function formatOfFileName(fileName: string): SourceFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext ? FORMAT_BY_EXTENSION[ext] : undefined;
}

/** How much of the text sniffing reads: enough for a page's head and first paragraphs. */
const SNIFF = 16_384;
/** Above this share of its words outside any element, text with tags in it is Markdown (or text) with some HTML. */
const MAX_WORDS_OUTSIDE_ELEMENTS = 0.2;

// Comments, a byte-order mark, an XML declaration may come before the document's first tag.
const DOCUMENT_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html\b|<html\b|<head\b|<body\b)/i;
// A comment, or an element's start or end tag (an autolink like <https://x> has no tag name). A tag
// stops at the next `<` so that unclosed tags cost linear time.
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-z][a-z0-9-]*)(?=[\s/>])[^<>]*>/gi;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const MARKDOWN_SIGNALS = [/^#{1,6}\s+\S/m, /^\s*[-*+]\s+\S/m, /^\s*\d+\.\s+\S/m, /\[[^\]]+\]\([^)]+\)/, /^\|.+\|\s*$/m, /^---\s*$/m, /\*\*[^*]+\*\*/, /^>\s/m];

/**
 * Whether the text is an HTML fragment: it has elements, almost all its words sit inside them, and
 * what is left outside them has no Markdown syntax. Markdown with an inline `<div>` block keeps most
 * of its words outside any element, so it stays Markdown.
 */
function isMostlyTags(head: string): boolean {
  let depth = 0;
  let elements = 0;
  let inside = 0;
  let outside = "";
  let last = 0;
  const text = (s: string) => {
    if (depth > 0) inside += s.replace(/\s+/g, "").length;
    else outside += s;
  };
  for (const m of head.matchAll(TAG)) {
    text(head.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    elements++;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[0].endsWith("/>") && !VOID.has(name)) depth++;
  }
  text(head.slice(last));
  const outsideWords = outside.replace(/\s+/g, "").length;
  if (elements < 2 || inside === 0) return false;
  return outsideWords <= MAX_WORDS_OUTSIDE_ELEMENTS * (inside + outsideWords) && !MARKDOWN_SIGNALS.some((s) => s.test(outside));
}

/**
 * The format of a file: by its extension, else by sniffing the first 16 KB. HTML is a document that
 * starts with a doctype, `<html>`, `<head>` or `<body>`, or text whose words are nearly all inside
 * elements (see isMostlyTags); else Markdown when some Markdown syntax shows; else plain text.
 */
export function detectFormat(fileName: string, text: string): SourceFormat {
  const byExtension = formatOfFileName(fileName);
  if (byExtension) return byExtension;
  const head = text.slice(0, SNIFF);
  if (DOCUMENT_START.test(head) || isMostlyTags(head)) return "html";
  return MARKDOWN_SIGNALS.some((s) => s.test(head)) ? "markdown" : "text";
}

const mdastToMarkdown = unified().use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" }).freeze();

/** Writes an article's tree (from parseHtml or parsePlainText) as the Markdown a revision stores. */
export function markdownOf(tree: Root): string {
  return mdastToMarkdown.stringify(tree);
}

/**
 * The Markdown to store for `input`. Markdown passes through unchanged; HTML is read by parseHtml
 * (page furniture dropped) and written by remark-stringify; plain text keeps its paragraphs, turns
 * bullet lines into a Markdown list, and lets remark-stringify escape only the characters Markdown
 * would misread, so the words stay exactly the same.
 */
export function toMarkdown(input: string, format: SourceFormat): string {
  if (format === "markdown") return input;
  return markdownOf(format === "html" ? parseHtml(input) : parsePlainText(input));
}
