import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import type { ArticleExport } from "./types";

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * Reads one article and everything about it (revisions, claims, reviews, citations and their
 * sources, the people they name, the audit trail) into plain data, in six queries whatever the
 * number of claims. Takes `db` so that scripts and tests use it on their own database. Every list
 * has a total order (ties broken by id), so the same data always gives the same export.
 *
 * @throws AppError NOT_FOUND when no article has this slug.
 */
export async function loadArticleExport(db: Database, { slug }: { slug: string }): Promise<ArticleExport> {
  const article = await db.article.findUnique({
    where: { slug },
    include: { revisions: { orderBy: { number: "asc" } } },
  });
  if (!article) throw new AppError("NOT_FOUND", `No article has the slug "${slug}".`);
  const ofArticle = { claim: { articleId: article.id } };

  const [claims, reviews, citations, sources, auditEvents] = await Promise.all([
    db.claim.findMany({
      where: { articleId: article.id },
      orderBy: [{ revision: { number: "asc" } }, { position: "asc" }, { sourceStart: "asc" }, { id: "asc" }],
    }),
    db.review.findMany({ where: ofArticle, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.citation.findMany({ where: { review: ofArticle }, orderBy: [{ reviewId: "asc" }, { position: "asc" }, { id: "asc" }] }),
    db.source.findMany({ where: { citations: { some: { review: ofArticle } } }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { articleId: article.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);

  const userIds = new Set<string>();
  const note = (id: string | null) => {
    if (id) userIds.add(id);
  };
  for (const r of article.revisions) note(r.importedById);
  for (const c of claims) {
    note(c.assigneeId);
    note(c.approvedById);
  }
  for (const r of reviews) note(r.reviewerId);
  for (const e of auditEvents) note(e.actorId);
  // The columns are named: a user row never leaves with its password hash, whatever the client's defaults.
  const users = await db.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, email: true, name: true, role: true },
    orderBy: { id: "asc" },
  });

  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      publisher: article.publisher,
      author: article.author,
      originalUrl: article.originalUrl,
      publishedOn: article.publishedOn,
      status: article.status,
      publishedAt: isoOrNull(article.publishedAt),
      createdAt: iso(article.createdAt),
      updatedAt: iso(article.updatedAt),
    },
    revisions: article.revisions.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      sourceFormat: r.sourceFormat,
      contentHash: r.contentHash,
      importedAt: iso(r.importedAt),
      importedById: r.importedById,
    })),
    claims: claims.map((c) => ({
      ...withoutArticleId(c),
      approvedAt: isoOrNull(c.approvedAt),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
    reviews: reviews.map((r) => ({ ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) })),
    citations: citations.map((c) => ({ ...c, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) })),
    sources: sources.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
    users,
    auditEvents: auditEvents.map((e) => ({ ...withoutArticleId(e), createdAt: iso(e.createdAt) })),
  };
}

/** The article is the export's subject: its id on every claim and audit event would only repeat it. */
function withoutArticleId<T extends { articleId: unknown }>(row: T): Omit<T, "articleId"> {
  const copy: Partial<T> = { ...row };
  delete copy.articleId;
  return copy as Omit<T, "articleId">;
}
