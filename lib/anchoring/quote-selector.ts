/**
 * Building selectors from a text and a span, so every caller stores the same amount of context
 * (lib/claims/anchor.ts does the same for freshly extracted claims).
 */
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/claims/types";

import type { ClaimSelector } from "./types";

/** Characters of context kept each side of a quote: W3C practice, and what Hypothesis stores. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** The W3C TextQuoteSelector for `text[start, end)` with up to `contextLength` characters each side. */
export function buildQuoteSelector(
  text: string,
  start: number,
  end: number,
  contextLength: number = QUOTE_CONTEXT_LENGTH,
): TextQuoteSelector {
  if (!(0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`span [${start}, ${end}) is outside a text of ${text.length} characters`);
  }
  return {
    type: "TextQuoteSelector",
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
  };
}

/** The W3C TextPositionSelector for `[start, end)`. */
export function buildPositionSelector(start: number, end: number): TextPositionSelector {
  return { type: "TextPositionSelector", start, end };
}

/** Both selectors for `text[start, end)`: what {@link anchorClaim} needs to find the span again. */
export function buildClaimSelector(text: string, start: number, end: number): ClaimSelector {
  return { quote: buildQuoteSelector(text, start, end), position: buildPositionSelector(start, end) };
}
