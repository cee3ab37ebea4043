import { quoteColumns } from "@/lib/anchoring";
import type { ExtractedClaim } from "@/lib/claims";
import type { Tx } from "@/lib/review/record-audit";
import { insertRows, newId, type SqlValue } from "./update-rows";

const CLAIM_COLUMNS = [
  "id", "articleId", "revisionId", "kind", "text", "sourceStart", "sourceEnd", "quoteExact", "quotePrefix", "quoteSuffix",
  "textStart", "textEnd", "score", "reasons", "quantities", "context", "speaker", "origin", "state", "position", "createdAt", "updatedAt",
] as const;

export type NewClaim = { id: string; sourceStart: number; sourceEnd: number; text: string };

/**
 * Inserts the pipeline's claims on a revision as new open claims, each at its given reading
 * position, and returns their ids and spans (for their ClaimAnchor rows). The stored quote is cut
 * from the revision's Markdown at sourceStart/sourceEnd, the text those offsets count in and the one
 * re-anchoring searches; the pipeline's own quote is over the plain text.
 */
export async function insertExtractedClaims(
  tx: Tx,
  target: { articleId: string; revisionId: string; markdown: string; now: string },
  claims: ReadonlyArray<{ claim: ExtractedClaim; position: number }>,
  onBatch?: (rows: number) => void,
): Promise<NewClaim[]> {
  const { articleId, revisionId, markdown, now } = target;
  const created: NewClaim[] = [];
  const rows = claims.map(({ claim, position }): SqlValue[] => {
    const id = newId();
    created.push({ id, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd, text: claim.text });
    const quote = quoteColumns(markdown, claim.sourceStart, claim.sourceEnd);
    return [
      id, articleId, revisionId, claim.kind, claim.text, claim.sourceStart, claim.sourceEnd, quote.quoteExact, quote.quotePrefix, quote.quoteSuffix,
      claim.position.start, claim.position.end, claim.score, JSON.stringify(claim.reasons), JSON.stringify(claim.quantities),
      claim.context ?? null, claim.speaker ?? null, "extracted", "open", position, now, now,
    ];
  });
  await insertRows(tx, { table: "Claim", columns: CLAIM_COLUMNS, rows, onBatch });
  return created;
}

export type AnchorRow = { claimId: string; revisionId: string; status: string; sourceStart: number | null; sourceEnd: number | null; text: string };

/** Inserts ClaimAnchor rows (where each claim sits on a revision). */
export async function insertAnchors(tx: Tx, anchors: readonly AnchorRow[], now: string): Promise<void> {
  await insertRows(tx, {
    table: "ClaimAnchor",
    columns: ["id", "claimId", "revisionId", "status", "sourceStart", "sourceEnd", "text", "createdAt"],
    rows: anchors.map((a) => [newId(), a.claimId, a.revisionId, a.status, a.sourceStart, a.sourceEnd, a.text, now]),
  });
}

export type AuditRow = { actorId?: string | null; action: string; entityType: string; entityId: string; articleId: string | null; before: string | null; after: string | null };

/**
 * Inserts AuditEvent rows, all of one moment (the import's), each with the claim it belongs to
 * (claimIdOfEvent's rule for a claim event: its entity), which a claim's history is read by.
 */
export async function insertAuditEvents(tx: Tx, events: readonly AuditRow[], now: string): Promise<void> {
  await insertRows(tx, {
    table: "AuditEvent",
    columns: ["id", "actorId", "action", "entityType", "entityId", "claimId", "articleId", "before", "after", "createdAt"],
    rows: events.map((e) => [newId(), e.actorId ?? null, e.action, e.entityType, e.entityId, e.entityType === "claim" ? e.entityId : null, e.articleId, e.before, e.after, now]),
  });
}
