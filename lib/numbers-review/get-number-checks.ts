import "server-only";
import type { Database } from "@/lib/db/create-database";
import { checkNumbers } from "@/lib/numbers";
import { BoundedCache, contentKey } from "@/lib/review/bounded-cache";
import { displayName } from "@/lib/review/claim-rules";
import { parseJsonObject } from "@/lib/review/json-columns";
import { checkedClaimOf, EXPLAIN_ACTION, explanationsOf, statedClaims, withClaims, withExplanations, type NumberCheck, type UnexplainedCheck } from "./number-checks";

/**
 * The checks per (revision, claims stamp). The stamp (the latest updatedAt and the count of the
 * revision's stated claims) changes with any edit, dismissal, restore, split or merge, so an entry
 * is never stale; selecting another claim in the workbench (and prefetching its neighbours) reuses
 * the checks instead of reading and checking 2,000 claims again. Explanations are read fresh on
 * every call. A failed read is cached as null and done again, uncached, by the caller.
 */
const checksCache = new BoundedCache<Promise<UnexplainedCheck[] | null>>(64);

const NOT_STATED = ["dismissed", "orphaned"];

export type ArticleNumberChecks = { revisionId: string | null; checks: NumberCheck[] };

/**
 * The number checks of an article's latest revision: its stated claims (not dismissed, not
 * orphaned) in reading order, checked against each other (lib/numbers), each finding with the claims
 * it names and the reviewer's explanation, if any. The caller has checked that the viewer may see the
 * article's claims.
 */
export async function getNumberChecks(db: Database, { articleId }: { articleId: string }): Promise<ArticleNumberChecks> {
  const revision = await db.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true } });
  if (!revision) return { revisionId: null, checks: [] };
  const stamp = await db.claim.aggregate({ where: { revisionId: revision.id, state: { notIn: NOT_STATED } }, _max: { updatedAt: true }, _count: { _all: true } });
  const key = contentKey(revision.id, String(stamp._max.updatedAt?.getTime() ?? 0), String(stamp._count._all));
  const checks = (await checksCache.get(key, () => checkRevision(db, revision.id).catch(() => null))) ?? (await checkRevision(db, revision.id));
  if (checks.length === 0) return { revisionId: revision.id, checks: [] };

  const events = await db.auditEvent.findMany({
    where: { articleId, action: EXPLAIN_ACTION, entityType: "claim" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, after: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const explanations = explanationsOf(
    events.map((e) => ({ action: e.action, after: parseJsonObject(e.after), actorName: e.actor ? displayName(e.actor) : "someone", createdAt: e.createdAt.toISOString() })),
  );
  return { revisionId: revision.id, checks: withExplanations(checks, explanations) };
}

/** The checks that name this claim. */
export function checksOfClaim(checks: readonly NumberCheck[], claimId: string): NumberCheck[] {
  return checks.filter((c) => c.claimIds.includes(claimId));
}

async function checkRevision(db: Database, revisionId: string): Promise<UnexplainedCheck[]> {
  const rows = await db.claim.findMany({
    where: { revisionId, state: { notIn: NOT_STATED } },
    orderBy: [{ position: "asc" }, { sourceStart: "asc" }],
    select: { id: true, revisionId: true, text: true, kind: true, position: true, context: true, quantities: true, state: true },
  });
  const stated = statedClaims(rows, revisionId);
  return withClaims(checkNumbers(stated.map(checkedClaimOf)), stated);
}
