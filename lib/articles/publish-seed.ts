import type { Database } from "@/lib/db/create-database";
import { publishArticle, type PublishOutcome } from "./publish-article";

/** The article shipped in content/, published by setup outside production. */
export const SEED_SLUG = "ice-287g-fy2020";

/**
 * For the setup step: outside production, publishes the seed article so a newcomer can open
 * /a/ice-287g-fy2020 at once (its claims marked by kind; verdicts appear only once an editor approves
 * them). Does nothing in production, when the seed article is missing, or once someone has
 * unpublished it on purpose.
 */
export async function publishSeedArticle(db: Database, env: string | undefined = process.env.NODE_ENV): Promise<PublishOutcome | null> {
  if (env === "production") return null;
  const article = await db.article.findUnique({ where: { slug: SEED_SLUG }, select: { id: true } });
  if (!article) return null;
  const unpublishedOnPurpose = await db.auditEvent.count({ where: { articleId: article.id, action: "article.unpublish" } });
  if (unpublishedOnPurpose > 0) return null;
  return publishArticle(db, { slug: SEED_SLUG, viewer: null });
}
