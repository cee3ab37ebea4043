import type { Database } from "@/lib/db/create-database";
import type { BackupFile as Backup } from "./backup";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * The audit trail across a restore. Nothing a restore does deletes an audit event: a backup's events
 * are the file's account of the article, written in marked as imported (whatever the file says about
 * that), and this installation's own events stay as they are. "Replace" swaps the article's rows for
 * the file's but keeps the trail of the article it replaced, moved onto the new one, and the restore
 * itself is an event of this installation, so an upload can neither forge our history nor erase it.
 */

/** What an article held before a replace, as the restore event's `before`. */
export async function describeReplaced(tx: Tx, articleId: string) {
  const ofArticle = { claim: { articleId } };
  const [article, revisions, claims, reviews, citations, auditEvents, imported] = await Promise.all([
    tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, title: true, status: true } }),
    tx.revision.count({ where: { articleId } }),
    tx.claim.count({ where: { articleId } }),
    tx.review.count({ where: ofArticle }),
    tx.citation.count({ where: { review: ofArticle } }),
    tx.auditEvent.count({ where: { articleId } }),
    tx.auditEvent.count({ where: { articleId, importedAt: { not: null } } }),
  ]);
  return { articleId: article.id, title: article.title, status: article.status, revisions, claims, reviews, citations, auditEventsKept: auditEvents, auditEventsImported: imported };
}

/** After a replace: the replaced article's trail, own and imported alike, now belongs to the new one. */
export async function keepTrail(tx: Tx, { from, to }: { from: string; to: string }): Promise<void> {
  if (from !== to) await tx.auditEvent.updateMany({ where: { articleId: from }, data: { articleId: to } });
}

/**
 * Writes the file's events as imported history, people mapped to this database's accounts. An event
 * this article's trail already holds (a backup of this very installation, restored over itself) is
 * left as recorded here and not copied again; any other clash of ids is refused as a conflict.
 * Returns how many were written.
 */
export async function importTrail(
  tx: Tx,
  b: Backup,
  { articleId, userId, now }: { articleId: string; userId: (id: string | null) => string | null; now: Date },
): Promise<number> {
  const held = new Set<string>();
  for (let i = 0; i < b.auditEvents.length; i += 500) {
    const ids = b.auditEvents.slice(i, i + 500).map((e) => e.id);
    for (const e of await tx.auditEvent.findMany({ where: { id: { in: ids }, articleId }, select: { id: true } })) held.add(e.id);
  }
  const fresh = b.auditEvents.filter((e) => !held.has(e.id));
  await tx.auditEvent.createMany({ data: fresh.map((e) => ({ ...e, articleId, actorId: userId(e.actorId), importedAt: now })) });
  return fresh.length;
}

/** The restore's own event: who restored which file, what it brought and what it replaced. */
export async function recordRestore(
  tx: Tx,
  { actorId, articleId, before, after }: { actorId: string | null; articleId: string; before: object | null; after: object },
): Promise<void> {
  await tx.auditEvent.create({
    data: { actorId, action: "article.restore", entityType: "article", entityId: articleId, articleId, before: before ? JSON.stringify(before) : null, after: JSON.stringify(after) },
  });
}
