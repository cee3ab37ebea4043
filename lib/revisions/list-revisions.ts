import type { Database } from "@/lib/db/create-database";
import { displayName } from "@/lib/review/claim-rules";

export type RevisionSummary = {
  id: string;
  number: number;
  importedAt: Date;
  /** Who imported it; null for the command line. */
  importedBy: string | null;
  sourceFormat: string;
  contentHash: string;
  /** Claims anchored to the revision (orphans not counted). */
  claimCount: number;
};

export type ArticleRevisions = { article: { id: string; slug: string; title: string }; revisions: RevisionSummary[] };

/**
 * An article's revisions, newest first, for the revisions page. Older revisions count the claims
 * their ClaimAnchor rows record; the latest counts the claims on it now (corrections since the
 * import included). Null for an unknown slug.
 */
export async function listRevisions(db: Database, input: { slug: string }): Promise<ArticleRevisions | null> {
  const article = await db.article.findUnique({
    where: { slug: input.slug },
    select: {
      id: true,
      slug: true,
      title: true,
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, importedAt: true, sourceFormat: true, contentHash: true, importedBy: { select: { name: true, email: true } } },
      },
    },
  });
  if (!article) return null;
  const { revisions, ...head } = article;
  const ids = revisions.map((r) => r.id);
  const [anchored, live] = await Promise.all([
    db.claimAnchor.groupBy({ by: ["revisionId"], where: { revisionId: { in: ids }, status: { not: "orphaned" } }, _count: { _all: true } }),
    db.claim.count({ where: { revisionId: ids[0] ?? "", state: { not: "orphaned" } } }),
  ]);
  const counts = new Map(anchored.map((a) => [a.revisionId, a._count._all]));
  return {
    article: head,
    revisions: revisions.map(({ importedBy, ...r }, index) => ({
      ...r,
      importedBy: importedBy ? displayName(importedBy) : null,
      claimCount: index === 0 ? live : (counts.get(r.id) ?? 0),
    })),
  };
}
