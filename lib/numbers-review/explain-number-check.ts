import "server-only";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import type { SignedInViewer } from "@/lib/review/claim-rules";
import { recordAudit } from "@/lib/review/record-audit";
import { getNumberChecks } from "./get-number-checks";
import { EXPLAIN_ACTION } from "./number-checks";
import { ExplainNumberCheckInput } from "./schemas";

/**
 * Marks a number check explained: the reviewer says why the figures are right as they stand ("the
 * 25% is over two years, the 200 and 300 are one year apart"). The explanation is an audit event on
 * every claim the finding names, so each claim's history shows it, and a backup and restore carry it
 * with the rest of the trail; the latest reason of a finding is its explanation (explanationsOf).
 *
 * @throws AppError NOT_FOUND when the claim is gone, or the finding no longer names it (the text or
 * the claims changed since the page was loaded).
 */
export async function explainNumberCheck(
  db: Database,
  input: ExplainNumberCheckInput & { viewer: SignedInViewer },
): Promise<{ findingKey: string; claimIds: string[] }> {
  const { viewer, ...rest } = input;
  const { claimId, findingKey, reason } = ExplainNumberCheckInput.parse(rest);
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  const { checks } = await getNumberChecks(db, { articleId: claim.articleId });
  const finding = checks.find((c) => c.key === findingKey && c.claimIds.includes(claimId));
  if (!finding) throw new AppError("NOT_FOUND", "This number check no longer applies to the claim: the text or its claims changed. Reload the page.");

  await db.$transaction(async (tx) => {
    for (const id of finding.claimIds) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: EXPLAIN_ACTION,
        entityType: "claim",
        entityId: id,
        articleId: claim.articleId,
        before: finding.explanation ? { findingKey, reason: finding.explanation.reason } : null,
        after: { findingKey, reason, message: finding.message },
      });
    }
  });
  return { findingKey, claimIds: finding.claimIds };
}
