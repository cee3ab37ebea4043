import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { formatBackup, serializeBackup, type BackupFile, type JsonRow } from "./backup";
import { EXPORT_CONTENT_TYPES, type ExportFile } from "./render-export";

/**
 * Reads one article into a version-2 backup: every row of its tables with every column (no
 * `select`, so a column added to the schema comes along by itself), dates as ISO strings. Each list
 * has a total order (ties broken by id), so the same data always gives the same file, and a restored
 * copy gives the original back.
 *
 * @throws AppError NOT_FOUND when no article has this slug.
 */
export async function loadBackup(db: Database, { slug, exportedAt }: { slug: string; exportedAt?: string }): Promise<BackupFile> {
  const article = await db.article.findUnique({ where: { slug } });
  if (!article) throw new AppError("NOT_FOUND", `No article has the slug "${slug}".`);
  const ofArticle = { claim: { articleId: article.id } };
  const withoutArticleId = { articleId: true } as const;

  const [revisions, claims, claimAnchors, reviews, citations, sources, auditEvents] = await Promise.all([
    db.revision.findMany({ where: { articleId: article.id }, omit: withoutArticleId, orderBy: { number: "asc" } }),
    db.claim.findMany({
      where: { articleId: article.id },
      omit: withoutArticleId,
      orderBy: [{ revision: { number: "asc" } }, { position: "asc" }, { sourceStart: "asc" }, { id: "asc" }],
    }),
    db.claimAnchor.findMany({ where: ofArticle, orderBy: [{ revision: { number: "asc" } }, { claimId: "asc" }] }),
    db.review.findMany({ where: ofArticle, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.citation.findMany({ where: { review: ofArticle }, orderBy: [{ reviewId: "asc" }, { position: "asc" }, { id: "asc" }] }),
    db.source.findMany({ where: { citations: { some: { review: ofArticle } } }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { articleId: article.id }, omit: withoutArticleId, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);

  const userIds = new Set<string>();
  const note = (id: string | null) => {
    if (id) userIds.add(id);
  };
  for (const r of revisions) note(r.importedById);
  for (const c of claims) {
    note(c.assigneeId);
    note(c.approvedById);
  }
  for (const r of reviews) note(r.reviewerId);
  for (const e of auditEvents) note(e.actorId);
  // The columns are named: a user row never leaves with its password hash, whatever the client's defaults.
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true, name: true, role: true }, orderBy: { id: "asc" } });

  return formatBackup(
    {
      article: json(article),
      revisions: revisions.map(json),
      claims: claims.map(json),
      claimAnchors: claimAnchors.map(json),
      reviews: reviews.map(json),
      citations: citations.map(json),
      sources: sources.map(json),
      users,
      auditEvents: auditEvents.map(json),
    },
    { exportedAt },
  );
}

/** A row as the file holds it: whatever its columns, dates become ISO strings. */
function json<T extends object>(row: T): JsonRow<T> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])) as JsonRow<T>;
}

/** The backup as a download, named and typed like the other exports (lib/export/render-export.ts). */
export async function loadBackupFile(db: Database, { slug, now }: { slug: string; now?: Date }): Promise<ExportFile> {
  const backup = await loadBackup(db, { slug, exportedAt: (now ?? new Date()).toISOString() });
  return { fileName: `${backup.article.slug}-backup.json`, contentType: EXPORT_CONTENT_TYPES["backup.json"], body: serializeBackup(backup) };
}
