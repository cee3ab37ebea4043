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

function relationOf(value: string): MatchRelation {
  return (MATCH_RELATIONS as readonly string[]).includes(value) ? (value as MatchRelation) : "related";
}

/** Per article: how many of its current claims have at least one "same" match (0 for none). */
export async function seenBeforeCounts(db: Db, articleIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(articleIds.map((id) => [id, 0]));
  if (articleIds.length === 0) return out;
  const rows = await db.$queryRawUnsafe<Array<{ articleId: string; n: number | bigint }>>(
    `SELECT c."articleId" AS "articleId", COUNT(DISTINCT m."claimId") AS "n" FROM "ClaimMatch" m JOIN "Claim" c ON c."id" = m."claimId" ` +
      `WHERE m."relation" = 'same' AND c."state" NOT IN ('dismissed', 'orphaned') AND c."articleId" IN (${articleIds.map(() => "?").join(", ")}) GROUP BY c."articleId"`,
    ...articleIds,
  );
  for (const row of rows) out.set(row.articleId, Number(row.n));
  return out;
}

export type RepeatedClaim = { claimId: string; text: string; articleCount: number; matchedClaimIds: string[] };

/**
 * The checked claims repeated in most articles: each earlier claim with the claims of other
 * articles matched to it as "same", counted in articles (its own included), most first.
 */
export async function mostRepeatedClaims(db: Db, input: { limit: number }): Promise<RepeatedClaim[]> {
  const rows = await db.$queryRawUnsafe<Array<{ claimId: string; text: string; articleCount: number | bigint; matched: string }>>(
    `SELECT e."id" AS "claimId", e."text" AS "text", COUNT(DISTINCT c."articleId") + 1 AS "articleCount", GROUP_CONCAT(c."id") AS "matched" ` +
      `FROM "ClaimMatch" m JOIN "Claim" e ON e."id" = m."matchedClaimId" JOIN "Claim" c ON c."id" = m."claimId" ` +
      `WHERE m."relation" = 'same' AND c."state" NOT IN ('dismissed', 'orphaned') AND c."articleId" <> e."articleId" ` +
      `GROUP BY e."id" ORDER BY "articleCount" DESC, e."id" LIMIT ?`,
    Math.max(0, Math.floor(input.limit)),
  );
  return rows.map((r) => ({ claimId: r.claimId, text: r.text, articleCount: Number(r.articleCount), matchedClaimIds: r.matched.split(",") }));
}
