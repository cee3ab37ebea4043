import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";

export type ArticleListing = {
  slug: string;
  title: string;
  publisher: string | null;
  status: string;
  revisionCount: number;
  claimCount: number;
};

/**
 * The articles this viewer may see (canSeeArticle: readers only published ones, staff all), newest
 * first, with how many revisions each has and the claims of its latest one.
 */
export async function listArticles(db: Database, { viewer }: { viewer: Viewer }): Promise<ArticleListing[]> {
  const articles = await db.article.findMany({
    orderBy: { updatedAt: "desc" },
    select: {
      slug: true,
      title: true,
      publisher: true,
      status: true,
      _count: { select: { revisions: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { _count: { select: { claims: true } } } },
    },
  });
  // Filtered here rather than in the query, so the policy module alone says which statuses a reader
  // sees; the home page lists every article unpaged anyway.
  return articles
    .filter((a) => canSeeArticle(viewer, a))
    .map((a) => ({
      slug: a.slug,
      title: a.title,
      publisher: a.publisher,
      status: a.status,
      revisionCount: a._count.revisions,
      claimCount: a.revisions[0]?._count.claims ?? 0,
    }));
}
