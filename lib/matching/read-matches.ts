import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "./search-index";
import { MATCH_RELATIONS, type ClaimMatch, type MatchRelation } from "./types";

/** The stored matches of one claim, best first ("same" before "related", then by score). */
export async function matchesOfClaim(db: Db, claimId: string): Promise<ClaimMatch[]> {
  const rows = await db.claimMatch.findMany({
    where: { claimId },
    select: { claimId: true, matchedClaimId: true, score: true, relation: true, reasons: true },
    orderBy: [{ score: "desc" }],
  });
  const matches = rows.map((r) => ({ ...r, relation: relationOf(r.relation), reasons: JSON.parse(r.reasons) as string[] }));
  return matches.sort((a, b) => (a.relation === b.relation ? b.score - a.score : a.relation === "same" ? -1 : 1));
}

/** Article ids per `IN (…)` list, well inside either engine's parameter limit. */
const ID_BATCH = 500;

function relationOf(value: string): MatchRelation {
  return (MATCH_RELATIONS as readonly string[]).includes(value) ? (value as MatchRelation) : "related";
}

/** Per article: how many of its current claims have at least one "same" match (0 for none). */
export async function seenBeforeCounts(db: Db, articleIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(articleIds.map((id) => [id, 0]));
  for (let i = 0; i < articleIds.length; i += ID_BATCH) {
    const batch = articleIds.slice(i, i + ID_BATCH);
    const rows = await db.$queryRaw<Array<{ articleId: string; n: number | bigint }>>`
      SELECT c."articleId" AS "articleId", COUNT(DISTINCT m."claimId") AS "n" FROM "ClaimMatch" m JOIN "Claim" c ON c."id" = m."claimId"
      WHERE m."relation" = 'same' AND c."state" NOT IN ('dismissed', 'orphaned') AND c."articleId" IN (${Prisma.join(batch)})
      GROUP BY c."articleId"`;
    for (const row of rows) out.set(row.articleId, Number(row.n));
  }
  return out;
}

export type RepeatedClaim = { claimId: string; text: string; articleCount: number; matchedClaimIds: string[] };

/** Where a "same" match counts as a repeat: a current claim of another article than the earlier one. */
const REPEAT = Prisma.sql`m."relation" = 'same' AND c."state" NOT IN ('dismissed', 'orphaned') AND c."articleId" <> e."articleId"`;

/**
 * The checked claims repeated in most articles: each earlier claim with the claims of other
 * articles matched to it as "same", counted in articles (its own included), most first. The
 * matched ids are read by a second query rather than a string aggregate, whose name and order
 * differ between SQLite (group_concat) and PostgreSQL (string_agg).
 */
export async function mostRepeatedClaims(db: Db, input: { limit: number }): Promise<RepeatedClaim[]> {
  const top = await db.$queryRaw<Array<{ claimId: string; text: string; articleCount: number | bigint }>>`
    SELECT e."id" AS "claimId", e."text" AS "text", COUNT(DISTINCT c."articleId") + 1 AS "articleCount"
    FROM "ClaimMatch" m JOIN "Claim" e ON e."id" = m."matchedClaimId" JOIN "Claim" c ON c."id" = m."claimId"
    WHERE ${REPEAT}
    GROUP BY e."id", e."text" ORDER BY "articleCount" DESC, e."id" LIMIT ${Math.max(0, Math.floor(input.limit))}`;
  if (top.length === 0) return [];
  const matched = await db.$queryRaw<Array<{ earlierId: string; claimId: string }>>`
    SELECT e."id" AS "earlierId", c."id" AS "claimId"
    FROM "ClaimMatch" m JOIN "Claim" e ON e."id" = m."matchedClaimId" JOIN "Claim" c ON c."id" = m."claimId"
    WHERE ${REPEAT} AND e."id" IN (${Prisma.join(top.map((r) => r.claimId))}) ORDER BY c."id"`;
  const byEarlier = new Map<string, string[]>();
  for (const row of matched) byEarlier.set(row.earlierId, [...(byEarlier.get(row.earlierId) ?? []), row.claimId]);
  return top.map((r) => ({ claimId: r.claimId, text: r.text, articleCount: Number(r.articleCount), matchedClaimIds: byEarlier.get(r.claimId) ?? [] }));
}
