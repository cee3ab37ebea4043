import "server-only";
import { z } from "zod";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { getCheckedBefore, type CheckedBefore } from "@/lib/matching-review/get-checked-before";
import { refreshMatchesIfStale } from "@/lib/matching-review/refresh-if-stale";
import { checksOfClaim, getNumberChecks } from "@/lib/numbers-review/get-number-checks";
import type { NumberCheck } from "@/lib/numbers-review/number-checks";
import type { SignedInViewer } from "./claim-rules";
import { getWorkbench, type WorkbenchClaimData } from "./get-workbench";

export const GetClaimDetailInput = z.object({ /** The article in the address, when the request names one: a claim of another article is not found there. */
  slug: z.string().trim().min(1).max(120).optional(),
  claimId: z.string().trim().min(1).max(64) });
export type GetClaimDetailInput = z.input<typeof GetClaimDetailInput>;

/** A claim's detail with the number checks that name it (lib/numbers-review) and the earlier claims it matches (lib/matching-review). */
export type ClaimDetailData = WorkbenchClaimData & { numberChecks: NumberCheck[]; checkedBefore: CheckedBefore[] };

/**
 * Everything the workbench shows about one claim (reviews, citations, history, number checks, checked before), loaded when the
 * reviewer selects it, so the page itself carries only the compact list. Throws NOT_FOUND for an
 * unknown claim, and for a claim of another article than the one named. The caller has checked `workbench.view`: every reviewer may read every review.
 */
export async function getClaimDetail(db: Database, input: GetClaimDetailInput & { viewer: SignedInViewer }): Promise<ClaimDetailData> {
  const { viewer, ...rest } = input;
  const { slug, claimId } = GetClaimDetailInput.parse(rest);
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true, article: { select: { slug: true } } } });
  const bench = claim && (slug === undefined || claim.article.slug === slug) ? await getWorkbench(db, { viewer, slug: claim.article.slug, claimIds: [claimId] }) : null;
  const found = bench?.claims[0];
  if (!claim || !found) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  // An orphan is not in the text the checker reads, so no check names it.
  const [{ checks }, checkedBefore] = await Promise.all([
    getNumberChecks(db, { articleId: claim.articleId }),
    // Opening a claim that changed since it was matched matches it again first.
    refreshMatchesIfStale(db, claimId).then(() => getCheckedBefore(db, { claimId, viewer })),
  ]);
  return { ...found, numberChecks: checksOfClaim(checks, claimId), checkedBefore };
}
