import "server-only";
import { db } from "@/lib/db/client";

export type ArticleListing = {
  slug: string;
  title: string;
  publisher: string | null;
  status: string;
  revisionCount: number;
  claimCount: number;
};

/** Every article, newest first, with how many revisions it has and the claims of its latest one. */
export async function listArticles(): Promise<ArticleListing[]> {
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
  return articles.map((a) => ({
    slug: a.slug,
    title: a.title,
    publisher: a.publisher,
    status: a.status,
    revisionCount: a._count.revisions,
    claimCount: a.revisions[0]?._count.claims ?? 0,
  }));
}
