import { KIND_LABELS, VERDICTS, type ClaimKind } from "@/lib/domain/vocabulary";

/**
 * Reading the audit trail back as a claim's history: which claim an event belongs to, and one line
 * a fact-checker understands ("changed the kind from Statistic to Factual").
 */

type Snapshot = Record<string, unknown> | null;

/**
 * The claim an event belongs to: the entity itself for claim events, else the `claimId` that review
 * and citation snapshots carry (see recordAudit). Null for article-level events.
 */
export function claimIdOfEvent(event: { entityType: string; entityId: string; before: Snapshot; after: Snapshot }): string | null {
  if (event.entityType === "claim") return event.entityId;
  const claimId = event.after?.claimId ?? event.before?.claimId;
  return typeof claimId === "string" ? claimId : null;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const verdictLabel = (value: unknown) => VERDICTS.find((v) => v.id === value)?.label ?? null;
const kindLabel = (value: unknown) => KIND_LABELS[value as ClaimKind] ?? str(value) ?? "unknown";

/** One line describing what an event changed, without the actor ("saved the review: Accurate"). */
export function summarizeEvent(action: string, before: Snapshot, after: Snapshot): string {
  switch (action) {
    case "claim.add":
      return "added this claim";
    case "claim.split":
      return after?.splitFrom ? "split this claim off another" : "split this claim in two";
    case "claim.merge":
      return after?.mergedInto ? "merged this claim into the one before it" : "merged the next claim into this one";
    case "claim.kind":
      return `changed the kind from ${kindLabel(before?.kind)} to ${kindLabel(after?.kind)}`;
    case "claim.dismiss":
      return `dismissed the claim: ${str(after?.dismissReason) ?? "no reason given"}`;
    case "claim.restore":
      return "restored the claim";
    case "claim.approve":
      return `approved the verdict ${verdictLabel(after?.verdict) ?? "(none)"}`;
    case "claim.reopen":
      return "reopened the claim for review";
    case "claim.reanchor":
      return after?.anchorStatus === "changed" ? "re-anchored the claim onto a new revision; its words changed" : "re-anchored the claim onto a new revision";
    case "claim.orphaned":
      return "could not place the claim in the new revision: orphaned, reviews kept";
    case "claim.reattach":
      return "re-attached the claim to selected text";
    case "claim.reuse": {
      // "Checked before" (lib/matching-review): the earlier claim's words and article are in `after`.
      const from = str(after?.fromClaimText);
      const article = str(after?.fromArticleTitle);
      const verdict = verdictLabel(after?.verdict);
      const named = from ? `claim “${from.length > 120 ? `${from.slice(0, 119)}…` : from}”` : `claim ${str(after?.fromClaimId) ?? "(removed)"}`;
      return `reused from ${named}${article ? ` in “${article}”` : ""}: ${verdict ?? "no verdict"}, note and ${sourceCount(after?.citations)}${before ? ", replacing the review's earlier content" : ""}`;
    }
    case "numbers.explain":
      return `marked a number check explained: ${str(after?.reason) ?? "no reason given"}`;
    case "review.save": {
      const verdict = verdictLabel(after?.verdict);
      const start = before ? `saved a review (version ${String(after?.version ?? "?")})` : "started a review";
      return verdict ? `${start}: ${verdict}` : start;
    }
    case "citation.add":
      return `cited ${sourceName(after)}`;
    case "citation.update":
      return `edited the citation of ${sourceName(after)}`;
    case "citation.remove":
      return `removed the citation of ${sourceName(before)}`;
    default:
      return action.replace(/[._]/g, " ");
  }
}

function sourceCount(value: unknown): string {
  const n = typeof value === "number" ? value : 0;
  return n === 1 ? "1 source" : `${n} sources`;
}

function sourceName(snapshot: Snapshot): string {
  return str(snapshot?.title) ?? str(snapshot?.url) ?? "a source";
}
