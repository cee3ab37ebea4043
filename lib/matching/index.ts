import type { Database } from "@/lib/db/create-database";
import type { ClaimMatch } from "./types";

export type { ClaimMatch, MatchRelation } from "./types";

/** Recomputes and stores the matches of the given claims (stub: the matcher lands next). */
export async function refreshClaimMatches(db: Database, input: { claimIds: string[] }): Promise<void> {
  void db;
  void input;
}

/** The stored matches of one claim, best first ("same" before "related"). */
export async function matchesOfClaim(db: Database, claimId: string): Promise<ClaimMatch[]> {
  void db;
  void claimId;
  return [];
}

/** Per article: how many of its claims have at least one "same" match. */
export async function seenBeforeCounts(db: Database, articleIds: string[]): Promise<Map<string, number>> {
  void db;
  return new Map(articleIds.map((id) => [id, 0]));
}

/** The claims repeated across most articles. */
export async function mostRepeatedClaims(
  db: Database,
  input: { limit: number },
): Promise<Array<{ claimId: string; text: string; articleCount: number; matchedClaimIds: string[] }>> {
  void db;
  void input;
  return [];
}
