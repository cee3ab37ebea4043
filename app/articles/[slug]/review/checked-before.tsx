"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { HastContent } from "@/app/_components/hast-content";
import { VERDICTS } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { CONFIRM_REPLACE } from "@/lib/matching-review/schemas";
import { lookAgainAction, reuseReviewAction } from "./actions";
import { draftFrom, type ReviewDraft } from "./review-form";
import type { CheckedBeforeView, WorkbenchClaim } from "./types";
import "./checked-before.css";

type Match = CheckedBeforeView;
type EarlierReview = Match["reviews"][number];

const verdictLabel = (v: string | null) => VERDICTS.find((x) => x.id === v)?.label ?? "No verdict yet";
const percent = (score: number) => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
/** The reason that says why a related claim is not the same one ("different number: 150 vs 149"). */
const differenceOf = (reasons: readonly string[]) => reasons.find((r) => /differ|negat|opposite|\bnot\b|period|unit/i.test(r)) ?? null;

/**
 * "Checked before" (issue 16): the earlier, checked claims of other articles that this claim
 * matches, "same" ones first, each with its article, its verdict (approved first), note and sources,
 * and the score and reasons in words. Nothing is applied on its own: only "Start my review from
 * this" copies a verdict, note and sources into the viewer's review, and asks first when that
 * review (or its unsaved draft) already says something.
 *
 * The page's preloaded claims come without matches; NumberChecks fetches the claim's full detail,
 * which brings them (lib/review/get-claim-detail.ts).
 */
export function CheckedBefore({ claim, draft, locked, onSaved, onDraftChange, onReload }: {
  claim: WorkbenchClaim;
  draft: ReviewDraft;
  /** Why the claim cannot take a review now (approved, dismissed), else null. */
  locked: string | null;
  onSaved: (claim: WorkbenchClaim) => void;
  onDraftChange: (draft: ReviewDraft) => void;
  onReload: () => void;
}) {
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const matches = claim.checkedBefore ?? [];
  if (matches.length === 0) return null;

  const mine = claim.myReview;
  const saved = draftFrom(mine);
  const unsaved = draft.verdict !== saved.verdict || draft.confidence !== saved.confidence || draft.note !== saved.note;
  const hasContent = unsaved || (!!mine && (mine.verdict !== null || mine.confidence !== null || mine.note.trim() !== "" || mine.citations.length > 0));

  function reuse(match: Match, review: EarlierReview, replace: boolean) {
    setError(null);
    setStatus(null);
    if (hasContent && !replace) {
      setConfirming(match.matchedClaimId);
      return;
    }
    setConfirming(null);
    startTransition(async () => {
      const result = await reuseReviewAction({ claimId: claim.id, fromReviewId: review.reviewId, expectedVersion: mine?.version ?? null, replace });
      if (result.ok) {
        const { claim: view, reused } = result.data;
        onSaved(view);
        // The form shows what the server now holds, not a draft typed before.
        onDraftChange(draftFrom(view.myReview));
        const sources = reused.citations === 1 ? "1 source" : `${reused.citations} sources`;
        setStatus(`Your review now starts from the earlier claim: ${verdictLabel(review.verdict)}, its note and ${sources}. Check them before you rely on them.`);
      } else if (result.error.code === "CONFLICT" && isConfirmation(result.error.details)) {
        setConfirming(match.matchedClaimId); // the review gained content elsewhere (another tab)
      } else {
        setError(result.error);
        if (result.error.code === "CONFLICT") onReload();
      }
    });
  }

  function lookAgain() {
    setError(null);
    startTransition(async () => {
      const result = await lookAgainAction({ claimId: claim.id });
      if (result.ok) {
        setStatus("Looked again for earlier claims.");
        onReload();
      } else setError(result.error);
    });
  }

  const same = matches.filter((m) => m.relation === "same").length;
  return (
    <section className="checked-before" aria-labelledby="checked-before-heading" data-testid="checked-before">
      <div className="checked-before-head">
        <h3 id="checked-before-heading">Checked before</h3>
        <span className="muted small">
          {same} the same, {matches.length - same} related, in other articles
        </span>
        <button type="button" className="button link" disabled={pending} onClick={lookAgain}>
          Look again
        </button>
      </div>
      <ol className="checked-before-list">
        {matches.map((match) => (
          <li key={match.matchedClaimId} className={`checked-before-match relation-${match.relation}`} data-testid="checked-before-match">
            <EarlierClaim
              match={match}
              disabled={pending || !!locked}
              confirming={confirming === match.matchedClaimId}
              unsaved={unsaved}
              onReuse={(review, replace) => reuse(match, review, replace)}
              onCancel={() => {
                setConfirming(null);
                setStatus("Nothing was changed.");
              }}
            />
          </li>
        ))}
      </ol>
      {locked ? <p className="muted small">{locked}</p> : null}
      {/* aria-live without role="status": the claim's one status is its save state beside the Save button. */}
      <p aria-live="polite" className="save-state" data-testid="checked-before-status">
        {pending ? "Working…" : status}
      </p>
      {error ? (
        <div role="alert" className="form-error">
          {error.message}
        </div>
      ) : null}
    </section>
  );
}

function EarlierClaim({ match, disabled, confirming, unsaved, onReuse, onCancel }: {
  match: Match;
  disabled: boolean;
  confirming: boolean;
  unsaved: boolean;
  onReuse: (review: EarlierReview, replace: boolean) => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [first, ...others] = match.reviews;
  // The question takes the focus, so a keyboard or screen-reader user meets it where they pressed.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const difference = match.relation === "related" ? differenceOf(match.reasons) : null;
  return (
    <article aria-labelledby={titleId}>
      <p id={titleId} className="checked-before-relation">
        {match.relation === "same" ? "The same claim" : `Related, not the same claim${difference ? `: ${difference}` : ""}`}
        <span className="muted small"> · match {percent(match.score)}</span>
      </p>
      <blockquote className={`checked-before-quote kind-${match.kind}`}>{match.text}</blockquote>
      <p className="small">
        In <a href={match.href}>{match.article.title}</a>
        <span className="muted">{match.article.status === "published" ? " (published: its reading view)" : " (not published: its workbench)"}</span>
      </p>
      {match.reasons.length > 0 ? (
        <ul className="checked-before-reasons small" aria-label="Why it matches">
          {match.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {first ? <EarlierReviewView review={first} /> : <p className="muted">No verdict yet.</p>}
      {others.length > 0 ? (
        <details className="checked-before-others">
          <summary>
            {others.length} other {others.length === 1 ? "review" : "reviews"} of it
          </summary>
          {others.map((r) => (
            <EarlierReviewView key={r.reviewId} review={r} />
          ))}
        </details>
      ) : null}
      {first ? (
        confirming ? (
          <div className="notice checked-before-confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
            <p id={`${titleId}-confirm`}>
              {unsaved ? "Your review has changes not saved yet" : "Your review already has a verdict, note or sources"}
              . Replace them with this {first.approved ? "approved verdict" : "review"}, its note and {first.citations.length === 1 ? "1 source" : `${first.citations.length} sources`}?
            </p>
            <div className="row">
              <button ref={confirmRef} type="button" className="button primary" disabled={disabled} onClick={() => onReuse(first, true)}>
                Replace my review
              </button>
              <button type="button" className="button" onClick={onCancel}>
                Keep my review
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button" disabled={disabled} onClick={() => onReuse(first, false)}>
            Start my review from this
          </button>
        )
      ) : null}
    </article>
  );
}

function EarlierReviewView({ review }: { review: EarlierReview }) {
  return (
    <div className="checked-before-review">
      <p>
        <strong className={`verdict verdict-${review.verdict ?? "none"}`}>
          {review.approved ? "Approved verdict" : "Verdict"}: {verdictLabel(review.verdict)}
        </strong>{" "}
        <span className="muted small">
          by {review.reviewerName}
          {review.confidence ? `, confidence ${review.confidence}` : ""}
        </span>
      </p>
      {review.note.trim() ? (
        <div className="note">
          <HastContent tree={review.noteTree} />
        </div>
      ) : null}
      {review.citations.length > 0 ? (
        <ul className="checked-before-sources" aria-label="Sources">
          {review.citations.map((c, i) => (
            <li key={`${c.url}-${i}`}>
              <a href={c.url} rel="noopener noreferrer nofollow" target="_blank">
                {c.title || c.url}
              </a>
              {c.publisher ? ` · ${c.publisher}` : ""} · <span className={`stance stance-${c.stance}`}>{c.stance}</span>
              {c.excerpt ? <blockquote className="excerpt">{c.excerpt}</blockquote> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No sources cited.</p>
      )}
    </div>
  );
}

function isConfirmation(details: unknown): boolean {
  return typeof details === "object" && details !== null && (details as { reason?: unknown }).reason === CONFIRM_REPLACE;
}
