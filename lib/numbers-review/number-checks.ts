import type { Quantity } from "@/lib/claims/types";
import { ClaimKind } from "@/lib/domain/vocabulary";
import { checkNumbers, type CheckedClaim, type NumberFinding } from "@/lib/numbers";
import { parseJsonArray, readEnum } from "@/lib/review/json-columns";

/**
 * From stored claims to the number checks a reviewer reads: the checker's findings (lib/numbers)
 * over a revision's live claims, each with the claims it names and its explanation, if a reviewer
 * gave one. Pure, so the workbench, the desk and the reports (which read the export's rows) make the
 * same checks from the same rows.
 */

/** The audit action that marks a number check explained; its events are the explanations. */
export const EXPLAIN_ACTION = "numbers.explain";

/** The columns of a claim the checks read, as stored (quantities is the JSON column's text). */
export type CheckRow = {
  id: string;
  revisionId: string;
  text: string;
  kind: string;
  position: number;
  context: string | null;
  quantities: string;
  state: string;
};

export type NumberCheckClaim = { id: string; text: string };
export type NumberCheckExplanation = { reason: string; explainedBy: string; explainedAt: string };

/** A finding as the desk shows it: the claims it names (in the finding's order) and its explanation. */
export type NumberCheck = NumberFinding & { claims: NumberCheckClaim[]; explanation: NumberCheckExplanation | null };

/** An explain event, as the verb or the export reads it back from the audit trail. */
export type ExplainEvent = { action: string; after: Record<string, unknown> | null; actorName: string; createdAt: string };

/** Dismissed and orphaned claims are no longer part of the text: the article does not state them. */
const NOT_STATED = new Set(["dismissed", "orphaned"]);

/** The claims of `revisionId` that the text still states, in reading order. */
export function statedClaims<R extends CheckRow>(rows: readonly R[], revisionId: string): R[] {
  return rows.filter((r) => r.revisionId === revisionId && !NOT_STATED.has(r.state)).sort((a, b) => a.position - b.position);
}

/** A stored claim as the checker reads it. */
export function checkedClaimOf(row: CheckRow): CheckedClaim {
  return {
    id: row.id,
    text: row.text,
    kind: readEnum(ClaimKind, row.kind, "factual"),
    position: row.position,
    context: row.context,
    quantities: parseJsonArray(row.quantities).filter(isQuantity),
  };
}

/**
 * The explanation of each finding key: the latest explain event's reason. An explanation is recorded
 * on every claim of its finding, so the same reason arrives once per claim; a later one (a reviewer
 * rewording it) wins. `events` come oldest first.
 */
export function explanationsOf(events: readonly ExplainEvent[]): Map<string, NumberCheckExplanation> {
  const byKey = new Map<string, NumberCheckExplanation>();
  for (const event of events) {
    if (event.action !== EXPLAIN_ACTION) continue;
    const key = event.after?.findingKey;
    const reason = event.after?.reason;
    if (typeof key !== "string" || typeof reason !== "string") continue;
    byKey.set(key, { reason, explainedBy: event.actorName, explainedAt: event.createdAt });
  }
  return byKey;
}

/** A check before its explanation is joined (what the server's cache keeps). */
export type UnexplainedCheck = Omit<NumberCheck, "explanation">;

/** Joins findings with the claims they name, in the finding's order. */
export function withClaims(findings: readonly NumberFinding[], claims: readonly NumberCheckClaim[]): UnexplainedCheck[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return findings.map((finding) => ({
    ...finding,
    claims: finding.claimIds.flatMap((id) => {
      const claim = byId.get(id);
      return claim ? [{ id: claim.id, text: claim.text }] : [];
    }),
  }));
}

/** Joins checks with their explanations (explanationsOf). */
export function withExplanations(checks: readonly UnexplainedCheck[], explanations: ReadonlyMap<string, NumberCheckExplanation>): NumberCheck[] {
  return checks.map((check) => ({ ...check, explanation: explanations.get(check.key) ?? null }));
}

/** The whole flow over plain rows, for the reports: stated claims → checker → claims and explanations. */
export function numberChecksOf(rows: readonly CheckRow[], revisionId: string, events: readonly ExplainEvent[]): NumberCheck[] {
  const stated = statedClaims(rows, revisionId);
  return withExplanations(withClaims(checkNumbers(stated.map(checkedClaimOf)), stated), explanationsOf(events));
}

function isQuantity(value: unknown): value is Quantity {
  if (typeof value !== "object" || value === null) return false;
  const q = value as Partial<Quantity>;
  return typeof q.value === "number" && typeof q.raw === "string";
}
