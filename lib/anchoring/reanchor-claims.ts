/**
 * Re-anchoring every claim of an article onto a new revision: one diff for the whole import, then
 * each claim resolved by anchorClaim, most of them in O(quote) at their mapped position.
 */
import { anchorClaim } from "./anchor-claim";
import { createPositionMap } from "./text-position";
import {
  ANCHOR_METHODS,
  type AnchorMethod,
  type AnchorOptions,
  type ReanchorClaim,
  type ReanchorResult,
  type ReanchorStats,
  type ReanchorStatus,
} from "./types";

/** Options for {@link reanchorClaims}: anchorClaim's, minus what the function computes itself. */
export type ReanchorOptions = Omit<AnchorOptions, "expected" | "positionMap">;

/**
 * Places each claim of `oldText` in `newText`. "exact": same text; "changed": placed on edited text
 * (a number changed, a typo fixed); "orphaned": no trustworthy place, never a guess. Results are in
 * the order of `claims`.
 */
export function reanchorClaims<Id>(
  oldText: string,
  newText: string,
  claims: ReadonlyArray<ReanchorClaim<Id>>,
  options: ReanchorOptions = {},
): { results: Array<ReanchorResult<Id>>; stats: ReanchorStats } {
  const positionMap = createPositionMap(oldText, newText);
  const byMethod = Object.fromEntries(ANCHOR_METHODS.map((m) => [m, 0])) as Record<AnchorMethod, number>;
  const stats: ReanchorStats = { total: claims.length, exact: 0, changed: 0, orphaned: 0, byMethod };
  const results = claims.map((claim): ReanchorResult<Id> => {
    const match = anchorClaim(newText, claim, { ...options, positionMap });
    const status: ReanchorStatus = !match ? "orphaned" : match.exact ? "exact" : "changed";
    stats[status] += 1;
    if (match) byMethod[match.method] += 1;
    return { id: claim.id, match, status };
  });
  return { results, stats };
}
