import type { AnchorMatch, QuoteColumns } from "@/lib/anchoring";
import { articleSections, matchSections } from "./article-sections";

/** A claim as stored: its span of its revision's Markdown and the quote cut there. */
export type StoredSpan = QuoteColumns & { sourceStart: number; sourceEnd: number };

/**
 * Where each claim of `oldText` sits in `newText` when the section holding it came through the edit
 * untouched (article-sections.ts) and its quote and whole stored context are still there, moved by
 * the section's shift: the answer re-anchoring gives such a claim (its stored position, exact
 * context: score 1, method "position"), without the diff-guided search per claim that made
 * re-anchoring 0.66 s of re-importing 2,000 claims (issue 13). Null for every other claim: those go
 * to reanchorClaims as before.
 */
export function placesInUnchangedSections(oldText: string, newText: string, claims: readonly StoredSpan[]): Array<AnchorMatch | null> {
  const oldSections = articleSections(oldText);
  const newSections = articleSections(newText);
  const matched = oldSections && newSections ? matchSections(oldText, oldSections, newText, newSections) : null;
  if (!oldSections || !matched) return claims.map(() => null);
  // Old section index → how far its text moved.
  const moved = new Map<number, number>();
  for (const section of matched) if (section.old !== null) moved.set(section.old, section.start - oldSections[section.old]!.start);
  return claims.map((claim) => {
    const index = sectionOf(oldSections, claim.sourceStart);
    const section = oldSections[index]!;
    const shift = moved.get(index);
    if (shift === undefined || claim.sourceEnd > section.end || claim.sourceEnd <= claim.sourceStart) return null;
    const start = claim.sourceStart + shift;
    const end = claim.sourceEnd + shift;
    // The whole stored selector must read the same at the new place, context across section edges included.
    if (newText.slice(start, end) !== claim.quoteExact) return null;
    if (start < claim.quotePrefix.length || !newText.startsWith(claim.quotePrefix, start - claim.quotePrefix.length) || !newText.startsWith(claim.quoteSuffix, end)) return null;
    return { start, end, score: 1, method: "position", exact: true };
  });
}

function sectionOf(sections: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
