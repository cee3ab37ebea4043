/**
 * One way to read an article. The import, setup, a revision upload and the `claims` command line
 * all start here: the format (an explicit one, else the file name's extension, else sniffing), and
 * the Markdown a revision stores, written for HTML from the page with its furniture dropped
 * (boilerplate.ts). Claims are then found in that Markdown, so every path finds the same claims in
 * the same file; {@link claimsInSource} moves their offsets back into the file's own text.
 */
import type { Root } from "mdast";
import { detectFormat, markdownOf } from "./format";
import { parseHtml } from "./parse";
import { parsePlainText } from "./plain-text";
import { createSourceMap } from "./source-offsets";
import type { ExtractionResult, SourceFormat } from "./types";

/** An article ready for extraction. */
export interface PreparedArticle {
  format: SourceFormat;
  /** The article's text as given. */
  source: string;
  /** The Markdown a revision stores and claims are found in; `source` itself for Markdown (less a byte-order mark). */
  markdown: string;
  /** For HTML and plain text, the tree `markdown` was written from, positions into `source`; null for Markdown. */
  tree: Root | null;
}

/** How to read the text: an explicit `format` wins, then `fileName`'s extension, then sniffing. */
export interface PrepareOptions {
  fileName?: string;
  format?: SourceFormat;
}

/** Tells the article's format and writes its Markdown. Pure; throws only on a parser's failure. */
export function prepareArticle(text: string, options: PrepareOptions = {}): PreparedArticle {
  const format = options.format ?? detectFormat(options.fileName ?? "", text);
  if (format === "markdown") return { format, source: text, markdown: withoutByteOrderMark(text), tree: null };
  // A space in the mark's place keeps the tree's offsets counting in `text` (HTML would keep the mark as a paragraph).
  const tree = format === "html" ? parseHtml(text.replace(/^\uFEFF/, " ")) : parsePlainText(text);
  return { format, source: text, markdown: withoutByteOrderMark(markdownOf(tree)), tree };
}

/**
 * A byte-order mark is an encoding artefact, not part of the article: the import's file reader drops
 * it and the CLI keeps it (its offsets count in the file as read), so the Markdown never has one.
 */
function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * `result` (extractClaims of `article.markdown`) with every claim's and dropped unit's
 * sourceStart/sourceEnd moved to UTF-16 offsets into `article.source`. Texts, kinds and order stay
 * as they are; the quote and position selectors stay over the plain text, which both share.
 */
export function claimsInSource(article: PreparedArticle, result: ExtractionResult): ExtractionResult {
  if (!article.tree) {
    // Markdown is its own source, less a byte-order mark.
    const shift = article.source.length - article.markdown.length;
    if (shift === 0) return result;
    const move = <T extends { sourceStart: number; sourceEnd: number }>(u: T): T => ({ ...u, sourceStart: u.sourceStart + shift, sourceEnd: u.sourceEnd + shift });
    return { claims: result.claims.map(move), dropped: result.dropped.map(move) };
  }
  const map = createSourceMap(article.markdown, article.source, article.tree);
  return {
    claims: result.claims.map((c) => {
      const [sourceStart, sourceEnd] = map.fromPlain(c.position.start, c.position.end);
      return { ...c, sourceStart, sourceEnd };
    }),
    dropped: result.dropped.map((d) => {
      const [sourceStart, sourceEnd] = map.nextUnit(d.text) ?? [0, 1];
      return { ...d, sourceStart, sourceEnd };
    }),
  };
}
