"use server";

import { publishArticle, unpublishArticle } from "@/lib/articles/publish-article";
import { guardedAction } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { approveOwnVerdict } from "@/lib/desk/approve-own-verdict";
import { assignClaims } from "@/lib/desk/assign-claims";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { ApproveOwnVerdictInput, ArticleBySlugInput, AssignClaimsInput } from "@/lib/desk/schemas";
import { ReopenClaimInput } from "@/lib/review/schemas";
import { approveClaim } from "@/lib/review/approve-claim";
import { ApproveClaimInput } from "@/lib/review/schemas";

// Thin: each action is the policy check, the operation's zod schema and one domain verb.
export const assignClaimsAction = guardedAction("claim.assign", AssignClaimsInput, (input, viewer) => assignClaims(db, { viewer, ...input }));
export const approveReviewAction = guardedAction("claim.approve", ApproveClaimInput, (input, viewer) => approveClaim(db, { viewer, ...input }));
export const approveOwnVerdictAction = guardedAction("claim.approve", ApproveOwnVerdictInput, (input, viewer) => approveOwnVerdict(db, { viewer, ...input }));
export const reopenClaimAction = guardedAction("claim.reopen", ReopenClaimInput, (input, viewer) => reopenClaim(db, { viewer, ...input }));
export const publishAction = guardedAction("article.publish", ArticleBySlugInput, (input, viewer) => publishArticle(db, { viewer, ...input }));
export const unpublishAction = guardedAction("article.publish", ArticleBySlugInput, (input, viewer) => unpublishArticle(db, { viewer, ...input }));
