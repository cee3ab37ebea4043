/**
 * The shapes the claim pipeline hands out: plain data, no React, no Prisma, so the import step,
 * the command-line tool and the tests all read the same thing.
 */

/** The four kinds of check-worthy claim (../shared/DESIGN.md §3). */
export const CLAIM_KINDS = ["statistic", "program_rule", "policy_assertion", "factual"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The formats an article can arrive in. */
export const SOURCE_FORMATS = ["markdown", "text", "html"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** W3C Web Annotation TextQuoteSelector: the quote with up to 32 characters of context each side. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector over the article's plain text (Markdown syntax removed). */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/**
 * One number found in a claim, normalised ("1,261" → 1261, "15%" → 0.15, "one-third" → 0.333,
 * "one in four" → 0.25, "$1.2 billion" → 1.2e9 USD). Ordinals, years and identifiers are not
 * quantities; a multiplier ("five-fold", "three times") has the unit "times".
 */
export interface Quantity {
  /** The number as written. */
  raw: string;
  value: number;
  /** "percent", "hours", "USD", … or null when none can be found. */
  unit: string | null;
  /** What is counted ("participating law enforcement departments"), when it can be found. */
  counted: string | null;
  /** "FY 2020", "between 2017 and 2021", … */
  period: string | null;
  /** A change "from 36 to 149" is one quantity with from/to. */
  change?: { from: number; to: number };
  /**
   * "between 200 and 250", "10-15%": both ends, on each end's quantity (or the one of "10-15%").
   * Read by the numbers checker (locateNumbers); not yet in the quantities the pipeline stores.
   */
  range?: { low: number; high: number };
}

/** A claim as the pipeline finds it. Offsets are UTF-16 code units into the input text. */
export interface ExtractedClaim {
  kind: ClaimKind;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** Human-readable reasons behind kind and score, e.g. "number with unit: 48 hours". */
  reasons: string[];
  quantities: Quantity[];
  /** The lead-in sentence of a list item, the header row of a table row; null otherwise. */
  context: string | null;
  /** In a transcript, who said it (the turn's "NAME:" label); null in an ordinary article. */
  speaker: string | null;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A unit the filter dropped, and why (shown by `claims --all`). */
export interface DroppedUnit {
  text: string;
  sourceStart: number;
  sourceEnd: number;
  why: string;
}

export interface ExtractionResult {
  claims: ExtractedClaim[];
  dropped: DroppedUnit[];
}
