import { ClaimKind, Verdict } from "@/lib/domain/vocabulary";
import type { ApprovedVerdict, ReadingClaim } from "./types";

/** A claim's stored columns the reader's view is made from. */
export type StoredClaim = Pick<ReadingClaim, "id" | "text" | "sourceStart" | "sourceEnd" | "speaker"> & { kind: string; state: string };

/** The approved review as stored: its verdict is still the column's free text. */
export type StoredApproval = Omit<ApprovedVerdict, "verdict"> & { verdict: string | null };

/**
 * A claim as the reader sees it, whichever read it came from (the reading view's database query or
 * an export's rows, lib/export/published-view.ts): only an approval shows a verdict, and only a
 * verdict of the scale; a review that merely exists is never shown to readers.
 */
export function readingClaim(claim: StoredClaim, approval: StoredApproval | null): ReadingClaim {
  const verdict = Verdict.safeParse(approval?.verdict);
  return {
    id: claim.id,
    kind: ClaimKind.catch("factual").parse(claim.kind),
    text: claim.text,
    sourceStart: claim.sourceStart,
    sourceEnd: claim.sourceEnd,
    speaker: claim.speaker,
    approved: claim.state === "approved" && approval && verdict.success ? { ...approval, verdict: verdict.data } : null,
  };
}
