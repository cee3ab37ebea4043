/**
 * Stage 6, anchor: where a claim sits, three ways. `sourceStart`/`sourceEnd` are UTF-16 offsets into
 * the text as given (from the parser's positions, see text-run.ts); the W3C TextQuoteSelector and
 * TextPositionSelector are over the article's plain text, built by the one selector builder
 * (lib/anchoring/quote-selector.ts) with its context length. They are the pipeline's output (the
 * `claims` command prints them); what the database stores is cut from the Markdown at
 * sourceStart/sourceEnd instead, the text re-anchoring searches.
 *
 * The plain text is every prose block's words (paragraphs, headings, list items, table rows with
 * cells joined by " | ") in document order, joined by a blank line; Markdown syntax, front matter,
 * code and HTML are left out. It is the same for a Markdown file and for the HTML or plain text it
 * came from, so positions survive a format conversion.
 */
// The builder module alone, not lib/anchoring's entry point: it needs only this package's types.
import { buildSelectors } from "@/lib/anchoring/quote-selector";

import { sourceSpan, type TextRun } from "./text-run";
import type { TextPositionSelector, TextQuoteSelector } from "./types";
import { BLOCK_SEPARATOR } from "./units";

/** A claim's anchors. */
export interface Anchor {
  sourceStart: number;
  sourceEnd: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Joins the runs' words into the article's plain text. */
export function joinPlainText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.value).join(BLOCK_SEPARATOR);
}

/** Anchors characters `[a, b)` of `run`; `plain` is {@link joinPlainText} of all runs. */
export function anchorClaim(run: TextRun, a: number, b: number, plain: string): Anchor {
  const [sourceStart, sourceEnd] = sourceSpan(run, a, b);
  const { quote, position } = buildSelectors(plain, run.plainStart + a, run.plainStart + b);
  return { sourceStart, sourceEnd, quote, position };
}
