import type { Database } from "@/lib/db/create-database";

/** What decides access and identifies the version of an article's reading view. */
export type ReadingStamp = { slug: string; status: string; version: string };

/**
 * Two small reads that change whenever the reading view would: the article row (status, metadata,
 * publication), its latest revision, and the latest change to any of that revision's claims — an
 * approval, a reopen, a dismissal or a retype all update the claim, and approved claims are locked,
 * so their reviews and citations cannot change underneath. Null for an unknown slug.
 */
export async function readReadingStamp(db: Database, slug: string): Promise<ReadingStamp | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: { status: true, updatedAt: true, publishedAt: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) return null;
  const claims = await db.claim.aggregate({ where: { revisionId: revision.id }, _max: { updatedAt: true }, _count: { _all: true } });
  const version = [
    slug,
    article.status,
    article.updatedAt.getTime(),
    article.publishedAt?.getTime() ?? "",
    revision.id,
    claims._count._all,
    claims._max.updatedAt?.getTime() ?? "",
  ].join("|");
  return { slug, status: article.status, version };
}
