import "server-only";
import type { CheckedBefore } from "@/lib/matching-review/get-checked-before";
import { noteIdPrefix, renderNoteOnce } from "@/lib/render/note-html";
import type { ClaimAfterSave } from "@/lib/review/get-claim-detail";
import type { WorkbenchClaimData } from "@/lib/review/get-workbench";
import type { CheckedBeforeView, NumberCheckView, SavedReviewAnswer, WorkbenchClaim } from "./types";

/**
 * A claim's full detail as the client components take it: plain data, dates as ISO strings, each
 * note already rendered (once per note text, see renderNoteOnce).
 */
export function toClaimView(c: WorkbenchClaimData & { numberChecks?: NumberCheckView[]; checkedBefore?: CheckedBefore[] }, viewerId: string): WorkbenchClaim {
  const reviews = c.reviews.map((r) => ({
    id: r.id,
    reviewerId: r.reviewer.id,
    reviewerName: r.reviewer.name,
    verdict: r.verdict,
    confidence: r.confidence,
    note: r.note,
    noteTree: renderNoteOnce(r.note),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    citations: r.citations.map((ct) => ({
      id: ct.id,
      url: ct.source.url,
      title: ct.source.title,
      publisher: ct.source.publisher,
      publishedOn: ct.source.publishedOn,
      accessedOn: ct.accessedOn,
      excerpt: ct.excerpt,
      stance: ct.stance,
      archiveUrl: ct.archiveUrl,
    })),
  }));
  return {
    id: c.id,
    kind: c.kind,
    text: c.text,
    state: c.state,
    score: c.score,
    reasons: c.reasons,
    quantities: c.quantities,
    context: c.context,
    speaker: c.speaker,
    origin: c.origin,
    dismissReason: c.dismissReason,
    assigneeId: c.assigneeId,
    sourceStart: c.sourceStart,
    sourceEnd: c.sourceEnd,
    revisionNumber: c.revisionNumber,
    anchorStatus: c.anchorStatus,
    previousText: c.previousText,
    previousRevisionNumber: c.previousRevisionNumber,
    stateBeforeOrphan: c.stateBeforeOrphan,
    reviews,
    myReview: reviews.find((r) => r.reviewerId === viewerId) ?? null,
    history: c.history.map((h) => ({ id: h.id, action: h.action, actorName: h.actorName, createdAt: h.createdAt.toISOString(), summary: h.summary })),
    ...(c.numberChecks ? { numberChecks: c.numberChecks } : {}),
    ...(c.checkedBefore ? { checkedBefore: c.checkedBefore.map(toCheckedBeforeView) } : {}),
  };
}

/** An earlier claim's reviews with their notes rendered; footnote ids of their own, apart from this claim's notes. */
function toCheckedBeforeView(match: CheckedBefore): CheckedBeforeView {
  return { ...match, reviews: match.reviews.map((r) => ({ ...r, noteTree: renderNoteOnce(r.note, { idPrefix: noteIdPrefix(`before-${r.reviewId}`) }) })) };
}

/** A save's answer as the client takes it (saved-review.ts puts it into the claim shown): the note rendered, dates as ISO strings. */
export function toSavedReviewAnswer(after: ClaimAfterSave): SavedReviewAnswer {
  const { review, event } = after;
  return {
    review: {
      id: review.id,
      reviewerId: review.reviewer.id,
      reviewerName: review.reviewer.name,
      verdict: review.verdict,
      confidence: review.confidence,
      note: review.note,
      noteTree: renderNoteOnce(review.note),
      version: review.version,
      updatedAt: review.updatedAt.toISOString(),
    },
    claim: { id: after.claimId, state: after.state, reviews: after.reviews },
    event: event ? { id: event.id, action: event.action, actorName: event.actorName, createdAt: event.createdAt.toISOString(), summary: event.summary } : null,
  };
}
