import { z } from "zod";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { Slug } from "./import-article";

export const PublishArticleInput = z.object({ slug: Slug });
export type PublishArticleInput = z.input<typeof PublishArticleInput>;

export type PublishOutcome = { slug: string; status: string; publishedAt: Date | null; changed: boolean };

/** Who publishes: a signed-in editor (the caller checked "article.publish"), or null for the setup step. */
type Actor = NonNullable<Viewer> | null;

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Publishes an article: its reading view at /a/<slug> becomes public. Publishing an article that is
 * already published changes nothing (and records nothing). The caller checks the "article.publish"
 * permission; the change and its audit event are written in one transaction.
 */
export async function publishArticle(db: Database, input: PublishArticleInput & { viewer: Actor }): Promise<PublishOutcome> {
  const { slug } = PublishArticleInput.parse({ slug: input.slug });
  return db.$transaction(async (tx) => {
    const article = await findArticle(tx, slug);
    if (article.status === "published") return { slug, status: article.status, publishedAt: article.publishedAt, changed: false };
    if (article._count.revisions === 0) throw new AppError("CONFLICT", "This article has no text yet; import it before publishing.");
    const published = await tx.article.update({
      where: { id: article.id },
      data: { status: "published", publishedAt: new Date() },
      select: { status: true, publishedAt: true },
    });
    await recordArticleAudit(tx, input.viewer, "article.publish", article, published);
    return { slug, ...published, changed: true };
  });
}

/**
 * Takes an article's reading view down: back to in_review when any of its claims has a review,
 * otherwise to draft. The caller checks the "article.publish" permission.
 */
export async function unpublishArticle(db: Database, input: PublishArticleInput & { viewer: Actor }): Promise<PublishOutcome> {
  const { slug } = PublishArticleInput.parse({ slug: input.slug });
  return db.$transaction(async (tx) => {
    const article = await findArticle(tx, slug);
    if (article.status !== "published") return { slug, status: article.status, publishedAt: article.publishedAt, changed: false };
    const reviewed = await tx.review.count({ where: { claim: { articleId: article.id } } });
    const unpublished = await tx.article.update({
      where: { id: article.id },
      data: { status: reviewed > 0 ? "in_review" : "draft", publishedAt: null },
      select: { status: true, publishedAt: true },
    });
    await recordArticleAudit(tx, input.viewer, "article.unpublish", article, unpublished);
    return { slug, ...unpublished, changed: true };
  });
}

async function findArticle(tx: Tx, slug: string) {
  const article = await tx.article.findUnique({
    where: { slug },
    select: { id: true, status: true, publishedAt: true, _count: { select: { revisions: true } } },
  });
  if (!article) throw new AppError("NOT_FOUND", `There is no article "${slug}".`);
  return article;
}

// lib/review/record-audit.ts types entityType as claim | review | citation, so article events are
// written here with the same shape (who, what, before, after) in the change's own transaction.
async function recordArticleAudit(
  tx: Tx,
  actor: Actor,
  action: "article.publish" | "article.unpublish",
  before: { id: string; status: string; publishedAt: Date | null },
  after: { status: string; publishedAt: Date | null },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      action,
      entityType: "article",
      entityId: before.id,
      articleId: before.id,
      before: JSON.stringify({ status: before.status, publishedAt: before.publishedAt }),
      after: JSON.stringify(after),
    },
  });
}
