import type { Database } from "@/lib/db/create-database";
import { claimIdOfEvent } from "./audit-history";

/** The client inside `db.$transaction(async (tx) => …)`: every change of lib/review runs on one. */
export type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** What was changed, by whom. `before`/`after` are plain snapshots; null for a creation or a removal. */
export type AuditInput = {
  actorId: string;
  /** "<entity>.<verb>", e.g. review.save, citation.add, claim.split. */
  action: string;
  entityType: "claim" | "review" | "citation";
  entityId: string;
  articleId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Writes the AuditEvent of a change, in the change's own transaction so the history can never miss
 * a change or show one that was rolled back.
 *
 * The event's `claimId` column names the claim it belongs to (claimIdOfEvent: the claim itself, or
 * the `claimId` that review and citation snapshots carry), so a claim's history is one indexed read
 * that still finds the events of a citation since removed. The snapshots keep their `claimId` too:
 * backups and older readers tell the claim from them.
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      articleId: event.articleId,
      claimId: claimIdOfEvent({ entityType: event.entityType, entityId: event.entityId, before: event.before ?? null, after: event.after ?? null }),
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
    },
  });
}

/** The snapshot of a review kept in the audit trail. */
export function reviewSnapshot(review: {
  claimId: string;
  reviewerId: string;
  verdict: string | null;
  confidence: string | null;
  note: string;
  version: number;
}): Record<string, unknown> {
  const { claimId, reviewerId, verdict, confidence, note, version } = review;
  return { claimId, reviewerId, verdict, confidence, note, version };
}
