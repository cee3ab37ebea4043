/**
 * The shapes of re-anchoring (../shared/DESIGN.md §5): plain data in, plain data out, so the import
 * step, the benchmark and the tests all read the same thing. Selectors are the W3C types the claim
 * pipeline already stores (lib/claims/types.ts), as Hypothesis's `anchoring/types.ts` does.
 */
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/claims/types";

import type { PositionMap } from "./text-position";

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** How an anchor was found, from most to least trustworthy. */
export const ANCHOR_METHODS = ["position", "quote-context", "quote", "fuzzy"] as const;
/** One of {@link ANCHOR_METHODS}. */
export type AnchorMethod = (typeof ANCHOR_METHODS)[number];

/** Where a claim landed in the new text. */
export interface AnchorMatch {
  start: number;
  end: number;
  /** Quote, context and position similarity in [0, 1] (weights in match-score.ts). */
  score: number;
  method: AnchorMethod;
  /** True when `newText.slice(start, end)` equals the old quote. */
  exact: boolean;
}

/** What a claim carries from the old revision: its quote with context and its offsets in the old text. */
export interface ClaimSelector {
  quote: TextQuoteSelector;
  /** Offsets in the OLD text; only `start` and `end` are read. */
  position: Span | TextPositionSelector;
}

/** Tuning for {@link AnchorOptions}; the defaults are in anchor-claim.ts and say why. */
export interface AnchorOptions {
  /**
   * Where the claim is expected in the new text. Defaults to the old position mapped through
   * `positionMap`, or to the old position itself when there is no map.
   */
  expected?: Span;
  /**
   * The diff between the old and the new text (text-position.ts). With it an unchanged span is
   * trusted as is, and text the diff explains as some OTHER part of the old article is never
   * taken for this claim.
   */
  positionMap?: PositionMap;
  /** Quotes shorter than this must match exactly with their context; no quote-alone or fuzzy match. */
  minQuoteLength?: number;
  /** A fuzzy match scoring below this is no match. */
  minScore?: number;
  /** Characters each side of the expected position searched before the whole text. */
  searchRadius?: number;
}

/** One claim to re-anchor. */
export interface ReanchorClaim<Id = string> extends ClaimSelector {
  id: Id;
}

/** "exact": same text; "changed": placed on edited text; "orphaned": could not be placed. */
export type ReanchorStatus = "exact" | "changed" | "orphaned";

/** One claim's outcome. */
export interface ReanchorResult<Id = string> {
  id: Id;
  match: AnchorMatch | null;
  status: ReanchorStatus;
}

/** Counts over one re-anchoring run. */
export interface ReanchorStats {
  total: number;
  exact: number;
  changed: number;
  orphaned: number;
  byMethod: Record<AnchorMethod, number>;
}
