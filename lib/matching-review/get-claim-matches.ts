import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { getCheckedBefore, type CheckedBefore } from "./get-checked-before";
import { ClaimMatchesInput } from "./schemas";

/** GET /api/claims/{id}/matches: the claim, and what "Checked before" shows for it. */
export type ClaimMatches = { claim: { id: string; text: string; article: { slug: string; title: string } }; matches: CheckedBefore[] };

/**
 * A claim's matches for the API, read as the workbench reads them (getCheckedBefore). The caller has
 * checked `workbench.view`; a claim whose article the viewer may not see answers NOT_FOUND, like an
 * unknown one (lib/auth/policy.ts canSeeArticle: never confirm what is hidden).
 */
export async function getClaimMatches(db: Database, input: ClaimMatchesInput & { viewer: Viewer }): Promise<ClaimMatches> {
  const { claimId } = ClaimMatchesInput.parse({ claimId: input.claimId });
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { id: true, text: true, article: { select: { slug: true, title: true, status: true } } } });
  if (!claim || !canSeeArticle(input.viewer, claim.article)) throw new AppError("NOT_FOUND", "There is no such claim.");
  const { slug, title } = claim.article;
  return { claim: { id: claim.id, text: claim.text, article: { slug, title } }, matches: await getCheckedBefore(db, { claimId, viewer: input.viewer }) };
}
