/**
 * Building a finding: its stable key, so an explanation stored against it survives a re-import that
 * leaves the claims and their figures as they were.
 */
import type { FindingType, NumberFinding } from "./types";
import type { ReadClaim } from "./figures";

/** What a check says about some claims; {@link finding} adds the key. */
export type FindingDraft = Omit<NumberFinding, "key" | "claimIds" | "type"> & { claims: ReadClaim[] };

/** A finding of `type` over `draft.claims` (the first is the one to look at first). */
export function finding(type: FindingType, draft: FindingDraft): NumberFinding {
  const { claims, ...rest } = draft;
  const seen = new Set<string>();
  const ids = claims.map((c) => c.claim.id).filter((id) => !seen.has(id) && Boolean(seen.add(id)));
  // Texts and figures, not ids or positions: ids change on re-import, positions when text is added above.
  const basis = [type, ...claims.map((c) => c.claim.text.replace(/\s+/g, " ").trim()), rest.expected, rest.stated].join("\u241E");
  return { key: `${type}-${fnv1a(basis)}${fnv1a(`${basis}#`)}`, type, claimIds: ids, ...rest };
}

/** FNV-1a, 32 bits, as 8 hex digits: small, pure, the same in the browser and on the server. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
