/**
 * Stage 1, parse: any article (Markdown, plain text or HTML) becomes an mdast tree whose positions
 * are UTF-16 offsets into the input exactly as it was given.
 */
import type { Root } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import remarkAutolinkPositions from "./autolink-positions";
import rehypeDropBoilerplate from "./boilerplate";
import { parsePlainText } from "./plain-text";
import rehypeSafeHtml, { checkHtmlDepth } from "./safe-html";
import type { SourceFormat } from "./types";

/**
 * Markdown as the desk stores it: CommonMark + GFM (tables, footnotes), with YAML/TOML front matter.
 * `parse` alone leaves some autolink literals without positions; {@link parseMarkdown} also runs
 * the pass that restores them.
 */
export const markdownParser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ["yaml", "toml"])
  .use(remarkAutolinkPositions)
  .freeze();

/**
 * remark-gfm less its autolink literals: the other four GFM constructs, in remark-gfm's order
 * (micromark-extension-gfm's gfm(), mdast-util-gfm's gfmFromMarkdown()), and nothing else changed.
 */
function remarkGfmWithoutAutolinkLiterals(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

/** {@link markdownParser} for text that holds no autolink literal (see {@link mayHoldAutolinkLiteral}). */
const noAutolinkParser = unified()
  .use(remarkParse)
  .use(remarkGfmWithoutAutolinkLiterals)
  .use(remarkFrontmatter, ["yaml", "toml"])
  .use(remarkAutolinkPositions)
  .freeze();

/**
 * Whether `input` could hold a GFM autolink literal: each kind needs one of these (www. links,
 * scheme://, and e-mail addresses, mailto: and xmpp: ones included, need an @). Without any, the
 * literal scan, which tries every letter of the text, finds nothing: about 80 ms of micromark's
 * 330 ms on the 50,000-word import benchmark (issue 13), and mdast's find-and-replace pass after it.
 */
export const mayHoldAutolinkLiteral = (input: string) => /www\.|:\/\/|@/i.test(input);

/**
 * Markdown as mdast with a position on every node that came from the text (autolink-positions.ts).
 * The same tree either way (tests/unit/claims/parse-without-autolinks.test.ts): text that cannot
 * hold an autolink literal is read without looking for one.
 */
export function parseMarkdown(input: string): Root {
  const parser = mayHoldAutolinkLiteral(input) ? markdownParser : noAutolinkParser;
  return parser.runSync(parser.parse(input), input);
}

/** HTML as the desk reads it: made safe to convert (safe-html.ts), page furniture dropped (boilerplate.ts), then rehype-remark. */
const htmlToMdast = unified().use(rehypeParse).use(rehypeSafeHtml).use(rehypeDropBoilerplate).use(rehypeRemark).freeze();

/**
 * An HTML page as mdast, page furniture dropped, positions pointing into `input`. The one reading of
 * HTML: toMarkdown writes its Markdown from this tree and the claims' offsets map back through it.
 */
export function parseHtml(input: string): Root {
  checkHtmlDepth(input);
  return htmlToMdast.runSync(htmlToMdast.parse(input)) as unknown as Root;
}

/**
 * Parses `input` into mdast. Markdown and HTML positions come from their parsers (rehype's hast
 * positions survive rehype-remark); plain text is read by {@link parsePlainText}.
 */
export function parseArticle(input: string, format: SourceFormat = "markdown"): Root {
  if (format === "text") return parsePlainText(input);
  if (format === "html") return parseHtml(input);
  return parseProseLine(input) ?? parseMarkdown(input);
}

/** Lines shorter than this always go through micromark; the shortcut below is for pasted giants. */
const PROSE_LINE_MIN = 50_000;
// Anything that could start Markdown or GFM syntax on a single line: emphasis, code, links, images,
// HTML, entities, escapes, strikethrough, table pipes, autolink literals, NUL (replaced by micromark).
const INLINE_SYNTAX = /[*_`[\]!<>&\\~|@\t\0\n\r]|www\.|:\/\/|mailto:|xmpp:/i;

/**
 * A piece of one giant line with no Markdown syntax in it (see {@link INLINE_SYNTAX}) and a letter
 * first, so no block construct can start it either, is what micromark would make of it: a root holding
 * one paragraph holding one text node, the line less its surrounding white space. Building that
 * directly (positions included) skips tokenising megabytes character by character (micromark, plus GFM's table and
 * autolink scans, cost seconds per megabyte of such a line). Returns null for anything else.
 */
export function parseProseLine(input: string): Root | null {
  if (input.length < PROSE_LINE_MIN || INLINE_SYNTAX.test(input)) return null;
  let a = 0;
  while (a < input.length && input.charCodeAt(a) === 32) a++;
  if (a > 3 || !/^\p{L}/u.test(input.slice(a, a + 2))) return null;
  let b = input.length;
  while (b > a && input.charCodeAt(b - 1) === 32) b--;
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
  // As micromark does: the text stops before trailing spaces, the paragraph runs to the end of input.
  const text = { start: at(a), end: at(b) };
  return {
    type: "root",
    children: [{ type: "paragraph", children: [{ type: "text", value: input.slice(a, b), position: text }], position: { start: at(a), end: at(input.length) } }],
    position: { start: at(0), end: at(input.length) },
  };
}

/** Markdown longer than this is parsed in pieces: micromark's time and memory grow faster than linearly. */
const CHUNK = 200_000;

/**
 * Cuts long Markdown at blank lines that are safe to cut at: outside fenced code, before a line that
 * starts a new paragraph or heading (not an indented continuation, list item or table row). Returns
 * `[start, end)` ranges covering the whole input; short input is one range.
 */
export function markdownChunks(input: string): Array<[number, number]> {
  if (input.length <= CHUNK) return [[0, input.length]];
  const out: Array<[number, number]> = [];
  const safe = /\n[ \t]*\n(?=[A-Za-z#"“(*_])/g;
  let start = 0;
  let fenced = false;
  let scanned = 0;
  const fence = /^[ \t]{0,3}(?:```|~~~)/gm;
  while (input.length - start > CHUNK) {
    safe.lastIndex = start + CHUNK;
    const m = safe.exec(input);
    let cut: number;
    if (m && m.index < start + 2 * CHUNK) cut = m.index + m[0].length;
    else {
      // A block hundreds of kilobytes long (a pasted log, a 5 MB line): cut at a space. Inline syntax
      // spanning the cut is lost, which such input can afford; GFM's inline scans on it cannot.
      const space = input.indexOf(" ", start + CHUNK);
      cut = space !== -1 && space < start + 2 * CHUNK ? space + 1 : start + CHUNK;
      const code = input.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut++;
      out.push([out.length ? (out[out.length - 1] as [number, number])[1] : 0, cut]);
      start = cut;
      scanned = cut;
      continue;
    }
    // Count code fences between the last cut and this one: an odd count means we are inside code.
    fence.lastIndex = scanned;
    for (let f = fence.exec(input); f && f.index < cut; f = fence.exec(input)) fenced = !fenced;
    scanned = cut;
    if (fenced) {
      start = cut;
      continue;
    }
    out.push([out.length ? (out[out.length - 1] as [number, number])[1] : 0, cut]);
    start = cut;
  }
  out.push([out.length ? (out[out.length - 1] as [number, number])[1] : 0, input.length]);
  return out;
}
