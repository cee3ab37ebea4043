import "server-only";
import type { Database } from "@/lib/db/create-database";
import { checkNumbers, type NumberFinding } from "@/lib/numbers";
import { BoundedCache, contentKey } from "@/lib/review/bounded-cache";
import { displayName } from "@/lib/review/claim-rules";
import { parseJsonObject } from "@/lib/review/json-columns";
import { checkedClaimOf, EXPLAIN_ACTION, explanationsOf, statedClaims, withClaimsAndExplanations, type NumberCheck } from "./number-checks";

/**
 * The checker's findings per (revision, claims stamp). The stamp changes with any edit, dismissal,
 * restore, split or merge of the revision's claims (each bumps a claim's updatedAt or the count), so
 * an entry is never stale; selecting another claim in the workbench reuses the findings instead of
 * checking 2,000 claims again. Explanations are not cached: they are read fresh on every call.
 */
const findingsCache = new BoundedCache<NumberFinding[]>(64);

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
  const rows = await db.claim.findMany({
    where: { revisionId: revision.id, state: { notIn: ["dismissed", "orphaned"] } },
    orderBy: [{ position: "asc" }, { sourceStart: "asc" }],
    select: { id: true, revisionId: true, text: true, kind: true, position: true, context: true, quantities: true, state: true, updatedAt: true },
  });
  const stated = statedClaims(rows, revision.id);
  const latest = rows.reduce((max, r) => Math.max(max, r.updatedAt.getTime()), 0);
  const key = contentKey(revision.id, String(latest), String(rows.length));
  const findings = findingsCache.get(key, () => checkNumbers(stated.map(checkedClaimOf)));

  const events = findings.length === 0 ? [] : await db.auditEvent.findMany({
    where: { articleId, action: EXPLAIN_ACTION, entityType: "claim" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, after: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const explanations = explanationsOf(
    events.map((e) => ({
      action: e.action,
      after: parseJsonObject(e.after),
      actorName: e.actor ? displayName(e.actor) : "someone",
      createdAt: e.createdAt.toISOString(),
    })),
  );
  return { revisionId: revision.id, checks: withClaimsAndExplanations(findings, stated, explanations) };
}

/** The checks that name this claim. */
export function checksOfClaim(checks: readonly NumberCheck[], claimId: string): NumberCheck[] {
  return checks.filter((c) => c.claimIds.includes(claimId));
}
