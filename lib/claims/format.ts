/**
 * Formats: telling Markdown, plain text and HTML apart, and turning plain text and HTML into the
 * Markdown a revision stores (../shared/DESIGN.md §2).
 */
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { parsePlainText } from "./plain-text";
import type { SourceFormat } from "./types";

const EXTENSIONS: Record<string, SourceFormat> = {
  md: "markdown", markdown: "markdown", mdown: "markdown", mkd: "markdown",
  txt: "text", text: "text",
  html: "html", htm: "html", xhtml: "html",
};

/**
 * The format of a file: by its extension, else by sniffing the first few kilobytes (an HTML
 * document or fragment, Markdown syntax, or else plain text).
 */
export function detectFormat(fileName: string, text: string): SourceFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = ext ? EXTENSIONS[ext] : undefined;
  if (byExtension) return byExtension;
  const head = text.slice(0, 4096);
  if (/^\s*(?:<!doctype html|<html\b|<head\b|<body\b)/i.test(head) || /<(?:p|div|article|h[1-6]|ul|table)\b[^>]*>[\s\S]*<\/(?:p|div|article|h[1-6]|ul|table)>/i.test(head)) return "html";
  const markdownSignals = [/^#{1,6}\s+\S/m, /^\s*[-*+]\s+\S/m, /^\s*\d+\.\s+\S/m, /\[[^\]]+\]\([^)]+\)/, /^\|.+\|\s*$/m, /^---\s*$/m, /\*\*[^*]+\*\*/, /^>\s/m];
  return markdownSignals.filter((s) => s.test(head)).length >= 1 ? "markdown" : "text";
}

const htmlToMarkdown = unified().use(rehypeParse).use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" }).freeze();
const mdastToMarkdown = unified().use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_" }).freeze();

/**
 * The Markdown to store for `input`. Markdown passes through unchanged; HTML goes rehype-parse →
 * rehype-remark → remark-stringify; plain text keeps its paragraphs, turns bullet lines into a
 * Markdown list, and lets remark-stringify escape only the characters Markdown would misread, so the
 * words stay exactly the same.
 */
export function toMarkdown(input: string, format: SourceFormat): string {
  if (format === "markdown") return input;
  if (format === "html") return String(htmlToMarkdown.processSync(input));
  return mdastToMarkdown.stringify(parsePlainText(input));
}
