/**
 * The claim pipeline: an article in, its check-worthy claims out, each typed, scored and anchored.
 *
 *   parse → units → split → type → filter → anchor      (../shared/DESIGN.md §3, README.md here)
 */
import { anchorClaim, joinPlainText } from "./anchor";
import { whyNotAClaim } from "./filter";
import { hostSpeakers } from "./furniture";
import { claimKind } from "./model/kinds";
import type { KindInput } from "./model/kinds-features";
import { markdownChunks, parseArticle } from "./parse";
import { plainTextMap, plainTextMapOfRuns, type PlainTextMap } from "./plain-map";
import { splitUnit } from "./split";
import { typeClaim, type Typing } from "./type";
import type { DroppedUnit, ExtractedClaim, ExtractionResult, SourceFormat } from "./types";
import { collectUnits, type Unit, type Units, unitText } from "./units";

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

/**
 * `extractClaims(markdown).claims` and `plainTextMap(markdown)` from one parse: re-importing an
 * edited article needs both for every section it reads again (lib/revisions/incremental-extraction.ts),
 * and parsing each section twice was a fifth of that. Same answers as the two calls, failures included.
 */
export function extractClaimsWithPlainText(markdown: string): { claims: ExtractedClaim[]; plain: PlainTextMap } {
  const input = String(markdown ?? "");
  let units: Units;
  try {
    units = unitsOf(input, "markdown");
  } catch {
    // No claims, as extractClaims answers; the plain text is read on its own (it cuts no sentences).
    return { claims: [], plain: plainTextMap(input) };
  }
  let claims: ExtractedClaim[];
  try {
    claims = claimsOf(typedUnitsOf(units)).claims;
  } catch {
    claims = [];
  }
  return { claims, plain: plainTextMapOfRuns(units.runs) };
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

/** One unit after the type and filter stages: what the pipeline and the kind model's training read. */
export interface TypedUnit {
  unit: Unit;
  text: string;
  typing: Typing;
  /** What the kind model reads (./model/kinds-features.ts). */
  kindInput: KindInput;
  anchor: ReturnType<typeof anchorClaim>;
  /** Why the filter dropped it, or null for a claim. */
  why: string | null;
}

/**
 * Every unit of `input`, split, typed (by the rules) and filtered, in document order. For the pipeline
 * and for scripts that learn from its units (scripts/claims-data.ts); `extractClaims` is the API.
 */
export function typedUnits(input: string, format: SourceFormat): TypedUnit[] {
  return [...typedUnitsOf(unitsOf(input, format))];
}

/**
 * One unit at a time, so that claimsOf asks the kind model about a unit right after the type stage
 * read it: both featurize the same sentence, and ./model/features.ts keeps only the last two.
 */
function* typedUnitsOf({ runs, units }: Units): Generator<TypedUnit> {
  const plain = joinPlainText(runs);
  // In a transcript the host's turns run the event; who the host is needs the whole document.
  const transcript = units.some((u) => u.speaker !== undefined);
  const hosts = transcript ? hostSpeakers(units.map((u) => ({ speaker: u.speaker ?? null, text: unitText(u) }))) : new Set<string>();
  for (const whole of units) {
    for (const unit of splitUnit(whole)) {
      const text = unitText(unit);
      const typing = typeClaim(text, unit.context, { heading: unit.block === "heading" });
      const anchor = anchorClaim(unit.run, unit.a, unit.b, plain);
      const speaker = unit.speaker ?? null;
      const why = whyNotAClaim({ text, block: unit.block, context: unit.context, withImage: unit.run.hasImage, styled: unit.styled, linkOnly: unit.linkOnly, typing, speaker, transcript, host: speaker !== null && hosts.has(speaker) });
      const kindInput: KindInput = { text, ruleKind: typing.kind, signals: typing.signals, block: unit.block, context: unit.context, spoken: speaker !== null };
      yield { unit, text, typing, kindInput, anchor, why };
    }
  }
}

function extract(input: string, format: SourceFormat): ExtractionResult {
  return claimsOf(typedUnitsOf(unitsOf(input, format)));
}

/** The claims and dropped units among typed units, each claim's kind decided (the kind model's say). */
function claimsOf(typed: Iterable<TypedUnit>): ExtractionResult {
  const claims: ExtractedClaim[] = [];
  const dropped: DroppedUnit[] = [];
  for (const { unit, text, typing, kindInput, anchor, why } of typed) {
    if (why) {
      dropped.push({ text, sourceStart: anchor.sourceStart, sourceEnd: anchor.sourceEnd, why });
      continue;
    }
    // The kind: the rules', unless the shipped kind model overrules them (./model/kinds.ts).
    const decided = claimKind(kindInput);
    const reasons = decided.kind === typing.kind || !decided.model ? typing.reasons : [`kind by the learned model: ${decided.model.kind} ${decided.model.probability.toFixed(2)} (the rules said ${typing.kind})`, ...typing.reasons];
    claims.push({ kind: decided.kind, text, ...anchor, score: typing.score, reasons, quantities: typing.quantities, context: unit.context, speaker: unit.speaker ?? null });
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
