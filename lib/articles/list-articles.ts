import "server-only";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { visibleStatuses } from "@/lib/home/list-home-articles";

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
 * first, with how many revisions each has and the claims of its latest one. The front page reads
 * lib/home/list-home-articles.ts instead (searched, paged, with progress); this unpaged list is for
 * scripts and small tools.
 */
export async function listArticles(db: Database, { viewer }: { viewer: Viewer }): Promise<ArticleListing[]> {
  const articles = await db.article.findMany({
    // The statuses come from the policy module, so the filter runs in SQL yet is decided there.
    where: { status: { in: visibleStatuses(viewer) } },
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
  return articles.map((a) => ({
    slug: a.slug,
    title: a.title,
    publisher: a.publisher,
    status: a.status,
    revisionCount: a._count.revisions,
    claimCount: a.revisions[0]?._count.claims ?? 0,
  }));
}
