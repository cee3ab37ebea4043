"use server";

import { guardedAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { addCitation } from "@/lib/review/add-citation";
import { addClaim } from "@/lib/review/add-claim";
import { changeClaimKind } from "@/lib/review/change-claim-kind";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { mergeClaims } from "@/lib/review/merge-claims";
import { removeCitation } from "@/lib/review/remove-citation";
import { restoreClaim } from "@/lib/review/restore-claim";
import { getClaimAfterSave, getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview } from "@/lib/review/save-review";
import {
  AddCitationInput,
  AddClaimInput,
  ChangeClaimKindInput,
  DismissClaimInput,
  MergeClaimsInput,
  RemoveCitationInput,
  RestoreClaimInput,
  SaveReviewInput,
  SplitClaimInput,
  SuggestSourcesInput,
  UpdateCitationInput,
} from "@/lib/review/schemas";
import { splitClaim } from "@/lib/review/split-claim";
import { suggestSources } from "@/lib/review/suggest-sources";
import { updateCitation } from "@/lib/review/update-citation";
import { refreshClaimMatches } from "@/lib/matching";
import { reuseReview } from "@/lib/matching-review/reuse-review";
import { ClaimMatchesInput, ReuseReviewInput } from "@/lib/matching-review/schemas";
import { explainNumberCheck } from "@/lib/numbers-review/explain-number-check";
import { ExplainNumberCheckInput } from "@/lib/numbers-review/schemas";
import { reattachClaim } from "@/lib/revisions/reattach-claim";
import { ReattachClaimInput } from "@/lib/revisions/schemas";
import { toClaimView, toSavedReviewAnswer } from "./claim-view";

// Thin: each action is the policy check, the operation's zod schema and one domain verb.
// A save answers with what it changed (the review, the claim's state and verdicts, its history
// line: one read), so the workbench updates that claim in place instead of re-rendering the page or
// loading the claim's whole detail again; the read runs after the save's transaction, outside its write lock.
export const saveReviewAction = guardedAction("review.write", SaveReviewInput, async (input, viewer) => {
  const saved = await saveReview(db, { viewer, ...input });
  return toSavedReviewAnswer(await getClaimAfterSave(db, { viewer, claimId: input.claimId, saved, expectedVersion: input.expectedVersion }));
});

export const addCitationAction = guardedAction("review.write", AddCitationInput, (input, viewer) => addCitation(db, { viewer, ...input }));
export const updateCitationAction = guardedAction("review.write", UpdateCitationInput, (input, viewer) => updateCitation(db, { viewer, ...input }));
export const removeCitationAction = guardedAction("review.write", RemoveCitationInput, (input, viewer) => removeCitation(db, { viewer, ...input }));
export const suggestSourcesAction = guardedAction("review.write", SuggestSourcesInput, (input) => suggestSources(db, input));
export const addClaimAction = guardedAction("claim.correct", AddClaimInput, (input, viewer) => addClaim(db, { viewer, ...input }));
export const splitClaimAction = guardedAction("claim.correct", SplitClaimInput, (input, viewer) => splitClaim(db, { viewer, ...input }));
export const mergeClaimsAction = guardedAction("claim.correct", MergeClaimsInput, (input, viewer) => mergeClaims(db, { viewer, ...input }));
export const changeClaimKindAction = guardedAction("claim.correct", ChangeClaimKindInput, (input, viewer) => changeClaimKind(db, { viewer, ...input }));
export const dismissClaimAction = guardedAction("claim.correct", DismissClaimInput, (input, viewer) => dismissClaim(db, { viewer, ...input }));
export const restoreClaimAction = guardedAction("claim.correct", RestoreClaimInput, (input, viewer) => restoreClaim(db, { viewer, ...input }));
// Re-attaching decides where a claim's reviews apply: an editor's call, like approving.
export const reattachClaimAction = guardedAction("claim.approve", ReattachClaimInput, (input, viewer) => reattachClaim(db, { viewer, ...input }));
// Like a save, answers with the claim as it now is: its checks explained, its history with the reason.
export const explainNumberCheckAction = guardedAction("number_check.explain", ExplainNumberCheckInput, async (input, viewer) => {
  await explainNumberCheck(db, { viewer, ...input });
  return toClaimView(await getClaimDetail(db, { viewer, claimId: input.claimId }), viewer.id);
});
// "Checked before" (lib/matching-review): both answer with the claim as it now is, like a save.
export const reuseReviewAction = guardedAction("review.write", ReuseReviewInput, async (input, viewer) => {
  const reused = await reuseReview(db, { viewer, ...input });
  return { reused, claim: toClaimView(await getClaimDetail(db, { viewer, claimId: input.claimId }), viewer.id) };
});
// Matching one claim again is cheap (one index query) and writes only derived rows, so any reviewer may
// ask; the panel then fetches the claim's detail again (a route), without touching the review's draft.
export const lookAgainAction = guardedAction("review.write", ClaimMatchesInput, async (input) => {
  await refreshClaimMatches(db, { claimIds: [input.claimId] });
  return { claimId: input.claimId };
});
