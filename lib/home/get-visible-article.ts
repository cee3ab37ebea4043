import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";

export type VisibleArticle = { slug: string; title: string; status: string };

/**
 * The article's slug, title and status if this viewer may see it (canSeeArticle), else null: the
 * same answer for a draft kept from them as for a slug that does not exist. Enough for an article
 * page's navigation (app/_components/article-nav.tsx) when the page's own read model lacks the status.
 */
export async function getVisibleArticle(db: Database, { slug, viewer }: { slug: string; viewer: Viewer }): Promise<VisibleArticle | null> {
  const article = await db.article.findUnique({ where: { slug }, select: { slug: true, title: true, status: true } });
  return article && canSeeArticle(viewer, article) ? article : null;
}

/** The JSON API's answer for an article the viewer may not see: word for word that of a missing slug. */
export function articleNotFound(slug: string): AppError {
  return new AppError("NOT_FOUND", `There is no article "${slug}".`);
}
