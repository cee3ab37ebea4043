import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { anchorSpan } from "./anchor-span";
import { assertClaimAnchored, assertClaimEditable, CLAIM_SUMMARY, displayName, type ClaimSummary, type SignedInViewer } from "./claim-rules";
import { parseJsonArray, parseReasons } from "./json-columns";
import { recordAudit } from "./record-audit";
import { MergeClaimsInput } from "./schemas";

const MERGE_FIELDS = { ...CLAIM_SUMMARY, score: true, reasons: true, quantities: true, textStart: true, textEnd: true } as const;

/**
 * Merges two adjacent claims of one revision (no other live claim between them in reading order).
 * The earlier claim grows to span both and keeps its id and reviews; the later one is dismissed as
 * "merged into <id>", keeping its reviews, so no one's work is deleted and a restore can undo it.
 * Given in either order, the earlier claim is the one kept.
 */
export async function mergeClaims(
  db: Database,
  input: MergeClaimsInput & { viewer: SignedInViewer },
): Promise<{ merged: ClaimSummary; dismissed: ClaimSummary }> {
  const { viewer, ...rest } = input;
  const data = MergeClaimsInput.parse(rest);
  return db.$transaction(async (tx) => {
    const found = await tx.claim.findMany({ where: { id: { in: [data.firstId, data.secondId] } }, select: MERGE_FIELDS });
    const [first, second] = found.sort((a, b) => a.position - b.position || a.sourceStart - b.sourceStart);
    if (!first || !second) throw new AppError("NOT_FOUND", "One of these claims no longer exists; reload the page.");
    if (first.revisionId !== second.revisionId) {
      throw new AppError("INVALID", "Only claims of the same text can be merged.");
    }
    for (const claim of [first, second]) {
      assertClaimEditable(claim);
      assertClaimAnchored(claim);
    }
    const between = await tx.claim.count({
      where: { revisionId: first.revisionId, position: { gt: first.position, lt: second.position }, state: { not: "dismissed" } },
    });
    if (between > 0) throw new AppError("CONFLICT", "Only neighbouring claims can be merged: another claim lies between these two.");

    const revision = await tx.revision.findUniqueOrThrow({ where: { id: first.revisionId }, select: { text: true } });
    // No length limit: two claims the pipeline or a person already accepted make one longer claim.
    const start = Math.min(first.sourceStart, second.sourceStart);
    const anchor = anchorSpan(revision.text, start, Math.max(first.sourceEnd, second.sourceEnd), Number.POSITIVE_INFINITY);
    // Plain-text positions stay valid when both ends are known: the merged span runs from one to the other.
    const textStart = first.textStart !== null && second.textEnd !== null ? first.textStart : null;
    const textEnd = textStart !== null ? second.textEnd : null;
    const reasons = [...new Set([...parseReasons(first.reasons), ...parseReasons(second.reasons), `merged by ${displayName(viewer)}`])];

    const merged = await tx.claim.update({
      where: { id: first.id },
      data: {
        ...anchor,
        textStart,
        textEnd,
        score: Math.max(first.score, second.score),
        reasons: JSON.stringify(reasons),
        quantities: JSON.stringify([...parseJsonArray(first.quantities), ...parseJsonArray(second.quantities)]),
      },
      select: CLAIM_SUMMARY,
    });
    const dismissed = await tx.claim.update({
      where: { id: second.id },
      data: { state: "dismissed", dismissReason: `merged into ${first.id}` },
      select: CLAIM_SUMMARY,
    });

    const span = (c: ClaimSummary) => ({ text: c.text, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.merge",
      entityType: "claim",
      entityId: merged.id,
      articleId: merged.articleId,
      before: span(first),
      after: { ...span(merged), mergedId: dismissed.id },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "claim.merge",
      entityType: "claim",
      entityId: dismissed.id,
      articleId: dismissed.articleId,
      before: { state: second.state },
      after: { state: dismissed.state, dismissReason: dismissed.dismissReason, mergedInto: merged.id },
    });
    return { merged, dismissed };
  });
}
