import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";

export type NavArticle = { slug: string; title: string; status: string };

/**
 * What an article page's navigation (app/_components/article-nav.tsx) needs of the article, for
 * pages whose own read model does not carry its status; null when it does not exist or the viewer
 * may not see it (canSeeArticle), the same answer either way.
 */
export async function getNavArticle(db: Database, { slug, viewer }: { slug: string; viewer: Viewer }): Promise<NavArticle | null> {
  const article = await db.article.findUnique({ where: { slug }, select: { slug: true, title: true, status: true } });
  return article && canSeeArticle(viewer, article) ? article : null;
}
