import "server-only";
import { assertCan, canSeeArticle } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { Confidence, Stance, Verdict } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { addCitation } from "@/lib/review/add-citation";
import { assertClaimEditable, type SignedInViewer } from "@/lib/review/claim-rules";
import { readEnum } from "@/lib/review/json-columns";
import { recordAudit } from "@/lib/review/record-audit";
import { removeCitation } from "@/lib/review/remove-citation";
import { saveReview } from "@/lib/review/save-review";
import { CONFIRM_REPLACE, REUSE_ACTION, ReuseReviewInput } from "./schemas";

/** What a reuse did, for the panel's status line. */
export type ReusedReview = { reviewId: string; version: number; citations: number; replaced: boolean };

/**
 * Starts the viewer's review of a claim from an earlier claim's review (issue 16, "Checked before"):
 * copies its verdict, note and citations into the viewer's own review, through the review verbs
 * (saveReview, removeCitation, addCitation), so their version check, validation, source lock and
 * audit events all hold; then records `claim.reuse` on the claim, naming the earlier claim and its
 * article. The viewer's confidence is theirs and is kept.
 *
 * Nothing is replaced silently: when the viewer's review already has a verdict, confidence, note or
 * citation, it throws CONFLICT (details `{ reason: CONFIRM_REPLACE }`) unless `replace` is set, and
 * then the old citations are removed first. `expectedVersion` is the version the viewer saw: a review
 * saved meanwhile answers with saveReview's CONFLICT and nothing is copied.
 *
 * The steps are separate transactions (each verb opens its own); a failure part-way leaves what was
 * done, each step in the history, and no `claim.reuse` event.
 */
export async function reuseReview(db: Database, input: ReuseReviewInput & { viewer: SignedInViewer }): Promise<ReusedReview> {
  const { viewer, ...rest } = input;
  const data = ReuseReviewInput.parse(rest);
  // The action checks too; the verb is also called from tests and scripts.
  assertCan(viewer, "review.write");

  const [claim, from] = await Promise.all([
    db.claim.findUnique({
      where: { id: data.claimId },
      select: {
        id: true,
        articleId: true,
        state: true,
        reviews: { where: { reviewerId: viewer.id }, select: { id: true, verdict: true, confidence: true, note: true, version: true, citations: { select: { id: true } } } },
      },
    }),
    db.review.findUnique({
      where: { id: data.fromReviewId },
      select: {
        id: true,
        verdict: true,
        note: true,
        approvedFor: { select: { id: true } },
        claim: { select: { id: true, text: true, article: { select: { slug: true, title: true, status: true } } } },
        citations: {
          orderBy: { position: "asc" },
          select: { stance: true, excerpt: true, accessedOn: true, archiveUrl: true, source: { select: { url: true, title: true, publisher: true, publishedOn: true } } },
        },
      },
    }),
  ]);
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  if (!from || !canSeeArticle(viewer, from.claim.article)) throw new AppError("NOT_FOUND", "That earlier review no longer exists; look again for matches.");
  if (from.claim.id === claim.id) throw new AppError("INVALID", "A claim cannot start its review from its own review.");
  if (from.verdict === null && from.note.trim() === "" && from.citations.length === 0) {
    throw new AppError("INVALID", "That earlier review has no verdict, note or source to start from.");
  }
  assertClaimEditable(claim);

  const mine = claim.reviews[0] ?? null;
  const hasContent = !!mine && (mine.verdict !== null || mine.confidence !== null || mine.note.trim() !== "" || mine.citations.length > 0);
  if (hasContent && !data.replace) {
    throw new AppError("CONFLICT", "Your review of this claim already has content: confirm that the earlier review should replace its verdict, note and citations.", {
      details: { reason: CONFIRM_REPLACE },
    });
  }

  const saved = await saveReview(db, {
    viewer,
    claimId: claim.id,
    verdict: readEnum(Verdict, from.verdict, null),
    confidence: readEnum(Confidence, mine?.confidence ?? null, null),
    note: from.note,
    expectedVersion: data.expectedVersion,
  });
  for (const old of mine?.citations ?? []) await removeCitation(db, { viewer, citationId: old.id });
  for (const c of from.citations) {
    await addCitation(db, {
      viewer,
      claimId: claim.id,
      url: c.source.url,
      title: c.source.title,
      publisher: c.source.publisher,
      publishedOn: c.source.publishedOn,
      // When the earlier reviewer read the page: the evidence is theirs until this reviewer reads it again.
      accessedOn: c.accessedOn,
      excerpt: c.excerpt,
      stance: readEnum(Stance, c.stance, "context"),
      archiveUrl: c.archiveUrl,
    });
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: viewer.id,
      action: REUSE_ACTION,
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      before: hasContent && mine ? { verdict: mine.verdict, note: mine.note, citations: mine.citations.length } : null,
      after: {
        fromClaimId: from.claim.id,
        fromClaimText: from.claim.text,
        fromArticleSlug: from.claim.article.slug,
        fromArticleTitle: from.claim.article.title,
        fromReviewId: from.id,
        approved: from.approvedFor !== null,
        verdict: from.verdict,
        citations: from.citations.length,
      },
    }),
  );
  return { reviewId: saved.id, version: saved.version, citations: from.citations.length, replaced: hasContent };
}
