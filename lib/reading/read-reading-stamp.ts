import type { Database } from "@/lib/db/create-database";

/** What decides access and identifies the version of an article's reading view. */
export type ReadingStamp = { slug: string; status: string; version: string };

type StampRow = { status: string; articleUpdatedAt: unknown; publishedAt: unknown; revisionId: string; claims: bigint | number; claimsUpdatedAt: unknown };

/**
 * One indexed read that changes whenever the reading view would: the article row (status, metadata,
 * publication), its latest revision, and the latest change to any of that revision's claims: an
 * approval, a reopen, a dismissal or a retype all update the claim, and approved claims are locked,
 * so their reviews and citations cannot change underneath. Null for an unknown slug.
 *
 * One statement rather than Prisma's three (article, nested revision, aggregate): it runs on every
 * request, cache hit or not. Article.slug, Revision(articleId, number) and Claim(revisionId, …) are
 * all indexed, so it costs a few index probes and one range of the revision's claims.
 */
export async function readReadingStamp(db: Database, slug: string): Promise<ReadingStamp | null> {
  // Quoted names: PostgreSQL folds unquoted ones to lower case, and Prisma's columns are camelCase.
  const rows = await db.$queryRaw<StampRow[]>`
    SELECT a."status" AS "status", a."updatedAt" AS "articleUpdatedAt", a."publishedAt" AS "publishedAt", r."id" AS "revisionId",
           COUNT(c."id") AS "claims", MAX(c."updatedAt") AS "claimsUpdatedAt"
    FROM "Article" a
    JOIN "Revision" r ON r."articleId" = a."id" AND r."number" = (SELECT MAX("number") FROM "Revision" WHERE "articleId" = a."id")
    LEFT JOIN "Claim" c ON c."revisionId" = r."id"
    WHERE a."slug" = ${slug}
    GROUP BY a."id", r."id"`;
  const row = rows[0];
  if (!row) return null;
  // The raw values, not parsed dates: the stamp only has to differ when one of them does.
  const version = [slug, row.status, stampPart(row.articleUpdatedAt), stampPart(row.publishedAt), row.revisionId, String(row.claims), stampPart(row.claimsUpdatedAt)].join("|");
  return { slug, status: row.status, version };
}

function stampPart(value: unknown): string {
  if (value === null || value === undefined) return "";
  return value instanceof Date ? String(value.getTime()) : String(value);
}
