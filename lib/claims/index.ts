/**
 * The claim pipeline: an article in, its check-worthy claims out, each typed, scored and anchored.
 *
 *   parse → units → split → type → filter → anchor      (../shared/DESIGN.md §3, README.md here)
 */
import { anchorClaim, joinPlainText } from "./anchor";
import { whyNotAClaim } from "./filter";
import { markdownChunks, parseArticle } from "./parse";
import { splitUnit } from "./split";
import { typeClaim } from "./type";
import type { DroppedUnit, ExtractedClaim, ExtractionResult, SourceFormat } from "./types";
import { collectUnits, type Units, unitText } from "./units";

export { detectFormat, toMarkdown } from "./format";
export { checkWorthiness, type CheckWorthiness } from "./model/checkworthy";
export { parseArticle } from "./parse";
export { plainTextMap, type PlainTextMap } from "./plain-map";
export { claimsInSource, prepareArticle, type PreparedArticle, type PrepareOptions } from "./prepare";
export { extractQuantities } from "./quantities";
export { splitSentences } from "./sentences";
export * from "./types";

/** Options for {@link extractClaims}. */
export interface ExtractOptions {
  /** How to read the input; Markdown when not given. */
  format?: SourceFormat;
}

/**
 * Finds the claims in `input`. Offsets are UTF-16 offsets into `input` itself, whatever the format.
 * Never throws: input no parser can make sense of yields no claims.
 */
export function extractClaims(input: string, options: ExtractOptions = {}): ExtractionResult {
  try {
    return extract(String(input ?? ""), options.format ?? "markdown");
  } catch {
    return { claims: [], dropped: [] };
  }
}

/** Parses and cuts the article into units, chunk by chunk for long Markdown (see markdownChunks). */
function unitsOf(input: string, format: SourceFormat): Units {
  if (format !== "markdown") return collectUnits(parseArticle(input, format), input);
  const into: Units = { runs: [], units: [] };
  for (const [start, end] of markdownChunks(input)) {
    const chunk = start === 0 && end === input.length ? input : input.slice(start, end);
    collectUnits(parseArticle(chunk, format), chunk, start, into);
  }
  return into;
}

function extract(input: string, format: SourceFormat): ExtractionResult {
  const { runs, units } = unitsOf(input, format);
  const plain = joinPlainText(runs);
  const claims: ExtractedClaim[] = [];
  const dropped: DroppedUnit[] = [];
  for (const whole of units) {
    for (const unit of splitUnit(whole)) {
      const text = unitText(unit);
      const typing = typeClaim(text, unit.context, { heading: unit.block === "heading" });
      const anchor = anchorClaim(unit.run, unit.a, unit.b, plain);
      const why = whyNotAClaim({ text, block: unit.block, withImage: unit.run.hasImage, styled: unit.styled, linkOnly: unit.linkOnly, typing });
      if (why) {
        dropped.push({ text, sourceStart: anchor.sourceStart, sourceEnd: anchor.sourceEnd, why });
        continue;
      }
      claims.push({ kind: typing.kind, text, ...anchor, score: typing.score, reasons: typing.reasons, quantities: typing.quantities, context: unit.context, speaker: unit.speaker ?? null });
    }
  }
  return { claims, dropped };
}

/**
 * The article's plain text, over which TextPositionSelector offsets count: every prose block's words
 * in document order, joined by a blank line, Markdown syntax, front matter, code and HTML removed.
 */
export function plainText(input: string, format: SourceFormat = "markdown"): string {
  try {
    return joinPlainText(unitsOf(input, format).runs);
  } catch {
    return "";
  }
}
