"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type Ref } from "react";
import { HastContent } from "@/app/_components/hast-content";
import { KIND_LABELS, VERDICTS, type ClaimKind } from "@/lib/domain/vocabulary";
import { humanDate, humanDateTime } from "@/lib/export/human-date";
import { removeCitationAction } from "./actions";
import { ChangedText } from "./changed-text";
import { CheckedBefore } from "./checked-before";
import { CitationForm, type CitationFormHandle } from "./citation-form";
import { ClaimCorrections } from "./claim-corrections";
import { NumberChecks } from "./number-checks";
import { ReviewForm, type ReviewDraft, type ReviewFormHandle } from "./review-form";
import type { CitationView, ReviewView, SavedReviewAnswer, WorkbenchClaim, WorkbenchViewer } from "./types";

const verdictLabel = (v: string | null) => VERDICTS.find((x) => x.id === v)?.label ?? "No verdict";

/** Everything about the selected claim: text, kind, score and reasons, number checks, reviews, citations, history. */
export function ClaimDetail({ reviewRef, citationRef, ...props }: {
  claim: WorkbenchClaim;
  viewer: WorkbenchViewer;
  nextClaimId: string | null;
  draft: ReviewDraft;
  onDraftChange: (draft: ReviewDraft) => void;
  onSelect: (id: string) => void;
  /** An action answered with the claim as it now is: show it without a page refresh. */
  onSaved: (claim: WorkbenchClaim) => void;
  /** The review's save answered with what it changed: put it in, without a page refresh. */
  onReviewSaved: (answer: SavedReviewAnswer) => void;
  /** Fetch this claim again (after taking the other version in a conflict). */
  onReload: () => void;
  reviewRef: Ref<ReviewFormHandle>;
  citationRef: Ref<CitationFormHandle>;
}) {
  const { claim, viewer, draft } = props;
  const others = claim.reviews.filter((r) => r.reviewerId !== viewer.id);
  const locked =
    claim.state === "approved"
      ? "This claim is approved and locked until an editor reopens it."
      : claim.state === "dismissed"
        ? "This claim is dismissed; restore it to review it."
        : null;

  return (
    <section className="claim-detail stack" aria-labelledby="claim-detail-heading" data-testid="claim-detail">
      <h2 id="claim-detail-heading">Claim</h2>
      <blockquote className={`claim-quote kind-${claim.kind}`}>{claim.text}</blockquote>
      <p className="claim-meta">
        <span className="kind-badge">{KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind}</span>
        <span>state: {claim.state.replace("_", " ")}</span>
        <span>score {claim.score.toFixed(2)}</span>
        <span>{claim.origin === "manual" ? "added by hand" : "extracted"}</span>
      </p>
      <ChangedText claim={claim} />
      {claim.speaker ? <p className="claim-speaker">Said by {claim.speaker}</p> : null}
      {claim.context ? <p className="muted">Context: {claim.context}</p> : null}
      {claim.reasons.length > 0 ? (
        <ul className="reasons" aria-label="Why this is a claim">
          {claim.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {claim.quantities.length > 0 ? (
        <ul className="quantities" aria-label="Quantities">
          {claim.quantities.map((q, i) => (
            <li key={i}>
              <strong>{q.raw}</strong> = {q.change ? `${q.change.from} → ${q.change.to}` : q.value}
              {q.unit ? ` ${q.unit}` : ""}
              {q.counted ? `, ${q.counted}` : ""}
              {q.period ? ` (${q.period})` : ""}
            </li>
          ))}
        </ul>
      ) : null}

      <ClaimCorrections claim={claim} nextClaimId={props.nextClaimId} onSelect={props.onSelect} />

      <NumberChecks claim={claim} onSelect={props.onSelect} onSaved={props.onSaved} onReload={props.onReload} />

      <ReviewForm key={claim.id} ref={reviewRef} claimId={claim.id} locked={locked} draft={draft} onDraftChange={props.onDraftChange} onSaved={props.onReviewSaved} onReload={props.onReload} />

      <section aria-labelledby="my-citations-heading" className="stack">
        <h3 id="my-citations-heading">Your citations</h3>
        <CitationList claimId={claim.id} citations={claim.myReview?.citations ?? []} editable={!locked} />
        <CitationForm key={`new-${claim.id}`} ref={citationRef} claimId={claim.id} editing={null} onDone={() => undefined} disabled={!!locked} />
      </section>

      {/* After the viewer's own form and citations, so it never pushes the save button down. Keyed per
          claim (a key of its own: ReviewForm's is the bare claim id) so its status never carries over. */}
      <CheckedBefore key={`checked-before-${claim.id}`} claim={claim} draft={draft} locked={locked} onSaved={props.onSaved} onDraftChange={props.onDraftChange} onReload={props.onReload} />

      {others.length > 0 ? (
        <section aria-labelledby="other-reviews-heading" className="stack">
          <h3 id="other-reviews-heading">Other reviews</h3>
          {others.map((review) => (
            <OtherReview key={review.id} review={review} />
          ))}
        </section>
      ) : null}

      <details className="history">
        <summary>History ({claim.history.length})</summary>
        <ol>
          {claim.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.createdAt}>{humanDateTime(h.createdAt)}</time> · {h.actorName}: {h.summary}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function OtherReview({ review }: { review: ReviewView }) {
  return (
    <article className="other-review" aria-label={`Review by ${review.reviewerName}`}>
      <p>
        <strong>{review.reviewerName}</strong>: {verdictLabel(review.verdict)}
        {review.confidence ? ` (confidence ${review.confidence})` : ""}
      </p>
      <div className="note">
        <HastContent tree={review.noteTree} />
      </div>
      <CitationList claimId="" citations={review.citations} editable={false} />
    </article>
  );
}

function CitationList({ claimId, citations, editable }: { claimId: string; citations: CitationView[]; editable: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (citations.length === 0) return <p className="muted">No citations yet.</p>;
  return (
    <>
      <ol className="citations">
        {citations.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <CitationForm claimId={claimId} editing={c} onDone={() => setEditing(null)} disabled={false} />
            </li>
          ) : (
            <li key={c.id} data-testid="citation">
              <a href={c.url} rel="noopener noreferrer nofollow" target="_blank">
                {c.title || c.url}
              </a>
              {c.publisher ? ` · ${c.publisher}` : ""} · <span className={`stance stance-${c.stance}`}>{c.stance}</span>
              {c.excerpt ? <blockquote className="excerpt">{c.excerpt}</blockquote> : null}
              <span className="muted small">
                {c.publishedOn ? `published ${humanDate(c.publishedOn)} · ` : ""}
                {c.accessedOn ? `accessed ${humanDate(c.accessedOn)}` : ""}
                {c.archiveUrl ? (
                  <>
                    {" · "}
                    <a href={c.archiveUrl} rel="noopener noreferrer nofollow" target="_blank">
                      archived copy
                    </a>
                  </>
                ) : null}
              </span>
              {editable ? (
                <span className="row">
                  <button type="button" className="button link" onClick={() => setEditing(c.id)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button link"
                    disabled={pending}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await removeCitationAction({ citationId: c.id });
                        setError(result.ok ? null : result.error.message);
                        if (result.ok) router.refresh();
                      })
                    }
                  >
                    Remove
                  </button>
                </span>
              ) : null}
            </li>
          ),
        )}
      </ol>
      {error ? (
        <div role="alert" className="form-error">
          {error}
        </div>
      ) : null}
    </>
  );
}
