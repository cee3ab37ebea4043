import { assertCan } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { approveClaim, type ApprovedClaim } from "@/lib/review/approve-claim";
import type { SignedInViewer } from "@/lib/review/claim-rules";
import { saveReview } from "@/lib/review/save-review";
import { ApproveOwnVerdictInput } from "./schemas";

/**
 * An editor writes their own verdict on a claim and approves it as the final one: their review is
 * saved (created, or updated at the version it is at now) with the usual audit, then approved.
 * If the approval is refused (say the claim was approved meanwhile) the editor's review stays saved,
 * as any review would, and the refusal reaches the editor.
 */
export async function approveOwnVerdict(db: Database, input: ApproveOwnVerdictInput & { viewer: SignedInViewer }): Promise<ApprovedClaim> {
  const { viewer, ...rest } = input;
  assertCan(viewer, "claim.approve");
  const data = ApproveOwnVerdictInput.parse(rest);
  const mine = await db.review.findUnique({
    where: { claimId_reviewerId: { claimId: data.claimId, reviewerId: viewer.id } },
    select: { version: true },
  });
  const saved = await saveReview(db, {
    viewer,
    claimId: data.claimId,
    verdict: data.verdict,
    confidence: data.confidence,
    note: data.note,
    expectedVersion: mine?.version ?? null,
  });
  return approveClaim(db, { viewer, claimId: data.claimId, reviewId: saved.id });
}
