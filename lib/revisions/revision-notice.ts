import type { Database } from "@/lib/db/create-database";

/** What the reading view needs to tell readers that the article changed after its claims were checked. */
export type RevisionNotice = {
  /** True when the latest revision was imported after the most recent review or approval. */
  changedAfterCheck: boolean;
  /** When the latest revision was imported; null for an article with no revision. */
  latestRevisionAt: Date | null;
  /** The most recent review save or approval of any of the article's claims; null when none was checked. */
  lastCheckedAt: Date | null;
};

/**
 * Whether the article's text changed after its claims were last checked (issue 7: "a note tells
 * readers when the article changed after its claims were checked"). Re-anchored claims keep their
 * reviews, so without this note a reader could take a verdict for a check of words written later.
 */
export async function revisionNotice(db: Database, articleId: string): Promise<RevisionNotice> {
  const [latest, review, approval] = await Promise.all([
    db.revision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { importedAt: true } }),
    db.review.aggregate({ where: { claim: { articleId } }, _max: { updatedAt: true } }),
    db.claim.aggregate({ where: { articleId }, _max: { approvedAt: true } }),
  ]);
  const latestRevisionAt = latest?.importedAt ?? null;
  const lastCheckedAt = later(review._max.updatedAt, approval._max.approvedAt);
  const changedAfterCheck = latestRevisionAt !== null && lastCheckedAt !== null && latestRevisionAt > lastCheckedAt;
  return { changedAfterCheck, latestRevisionAt, lastCheckedAt };
}

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
