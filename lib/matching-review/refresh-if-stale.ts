import "server-only";
import type { Database } from "@/lib/db/create-database";
import { refreshClaimMatches } from "@/lib/matching";

/** A claim written within this of its creation is as the import left it (the row's two stamps differ by the write's own time). */
const SAME_WRITE_MS = 1_000;

/**
 * Matches a claim again when it has changed since its matches were stored (its words split, merged,
 * retyped or re-anchored, its state moved on): the import hook matched it as it was then. Cheap: two
 * indexed reads, and when stale one index query for one claim (lib/matching). A claim with no stored
 * match counts from its creation, when the import matched it. Matches that went stale because other
 * claims were checked since are found by "Look again".
 */
export async function refreshMatchesIfStale(db: Database, claimId: string): Promise<boolean> {
  const [claim, newest] = await Promise.all([
    db.claim.findUnique({ where: { id: claimId }, select: { createdAt: true, updatedAt: true, state: true } }),
    db.claimMatch.aggregate({ where: { claimId }, _max: { createdAt: true } }),
  ]);
  if (!claim || claim.state === "dismissed" || claim.state === "orphaned") return false;
  const matchedAt = newest._max.createdAt?.getTime() ?? claim.createdAt.getTime() + SAME_WRITE_MS;
  if (claim.updatedAt.getTime() <= matchedAt) return false;
  await refreshClaimMatches(db, { claimIds: [claimId] });
  return true;
}
