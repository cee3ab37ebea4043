"use client";

import { useImperativeHandle, useRef, useState, useTransition, type Ref } from "react";
import { VERDICTS, type ConfidenceLevel, type Verdict } from "@/lib/domain/vocabulary";
import type { ErrorBody } from "@/lib/errors";
import { saveReviewAction } from "./actions";
import { DraftNotice } from "./draft-notice";
import { useDrafts } from "./drafts-context";
import type { ReviewView, SavedReviewAnswer } from "./types";

export type ReviewDraft = { verdict: Verdict | null; confidence: ConfidenceLevel | null; note: string; baseVersion: number | null };
export type ReviewFormHandle = { setVerdictAndSave: (verdict: Verdict) => void; focusNote: () => void };
type Conflict = { yours: ReviewDraft; theirs: { verdict: Verdict | null; confidence: ConfidenceLevel | null; note: string; version: number; reviewerName?: string } };

export function draftFrom(review: ReviewView | null): ReviewDraft {
  return { verdict: review?.verdict ?? null, confidence: review?.confidence ?? null, note: review?.note ?? "", baseVersion: review?.version ?? null };
}

/**
 * The viewer's own review of one claim. The draft lives in the parent (per claim, and in the browser
 * until saved: use-review-drafts.ts), so moving between claims, a refused save or a reload never
 * loses what was typed; a stale version shows both texts. The save state sits beside the button, in
 * a live region that is there from the start, so screen readers hear "Saving…" and "Saved" too.
 */
export function ReviewForm({ ref, ...props }: {
  claimId: string;
  locked: string | null;
  draft: ReviewDraft;
  onDraftChange: (draft: ReviewDraft) => void;
  onSaved: (answer: SavedReviewAnswer) => void;
  onReload: () => void;
  ref?: Ref<ReviewFormHandle>;
}) {
  const { claimId, locked, draft, onDraftChange } = props;
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const drafts = useDrafts();
  const restored = drafts.restoredReview(claimId);

  function save(next: ReviewDraft, expectedVersion: number | null = next.baseVersion) {
    onDraftChange(next);
    startTransition(async () => {
      const result = await saveReviewAction({ claimId, verdict: next.verdict, confidence: next.confidence, note: next.note, expectedVersion });
      if (result.ok) {
        const { version } = result.data.review;
        onDraftChange({ ...next, baseVersion: version });
        setError(null);
        setConflict(null);
        setStatus(`Saved (version ${version}).`);
        // The save answered with what it changed: update the claim in place, no page refresh.
        props.onSaved(result.data);
      } else if (result.error.code === "CONFLICT" && isConflictDetails(result.error.details)) {
        setConflict({ yours: next, theirs: result.error.details.theirs });
        setError(result.error);
        setStatus(null);
      } else {
        setError(result.error);
        setStatus(null);
      }
    });
  }

  useImperativeHandle(ref, () => ({
    setVerdictAndSave: (verdict) => {
      if (!locked) save({ ...draft, verdict });
    },
    focusNote: () => noteRef.current?.focus(),
  }));

  return (
    <form
      className="stack review-form"
      aria-labelledby="my-review-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save(draft);
      }}
    >
      <h3 id="my-review-heading">Your review</h3>
      {locked ? <p className="notice">{locked}</p> : null}
      {restored ? (
        <DraftNotice
          savedAt={restored.savedAt}
          changedSince={restored.basedOn !== restored.current ? restored : null}
          onDiscard={() => {
            drafts.discardReview(claimId);
            setConflict(null);
            setError(null);
            // The saved review may be newer than the copy on screen (it changed since the draft).
            if (restored.basedOn !== restored.current) props.onReload();
          }}
        />
      ) : null}
      <fieldset disabled={!!locked} className="verdicts">
        <legend>Verdict</legend>
        {VERDICTS.map((v) => (
          <label key={v.id} className={`verdict-option verdict-${v.id}`}>
            <input
              type="radio"
              name={`verdict-${claimId}`}
              value={v.id}
              checked={draft.verdict === v.id}
              onChange={() => onDraftChange({ ...draft, verdict: v.id })}
            />
            {v.label}
            <kbd aria-hidden="true">{v.rating ?? (v.id === "unsupported" ? "u" : "o")}</kbd>
          </label>
        ))}
      </fieldset>
      <label className="inline-field">
        Confidence
        <select
          disabled={!!locked}
          value={draft.confidence ?? ""}
          onChange={(e) => onDraftChange({ ...draft, confidence: (e.target.value || null) as ConfidenceLevel | null })}
        >
          <option value="">Not set</option>
          <option value="low">Low</option>
          <option value="medium">Medium</option>
          <option value="high">High</option>
        </select>
      </label>
      <label>
        Note (Markdown)
        <textarea
          ref={noteRef}
          id="review-note"
          rows={2}
          disabled={!!locked}
          value={draft.note}
          aria-invalid={error?.fields?.note ? true : undefined}
          onChange={(e) => onDraftChange({ ...draft, note: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save(draft);
            }
          }}
        />
      </label>
      <div className="row save-row">
        <button type="submit" className="button primary" disabled={pending || !!locked}>
          Save review
        </button>
        <span role="status" aria-live="polite" className={`save-state${error && !pending ? " failed" : ""}`} data-testid="save-state">
          {pending ? "Saving…" : conflict ? "Not saved: the review changed meanwhile (below)." : error ? `Not saved: ${error.message}` : status}
        </span>
      </div>
      {conflict ? (
        <div role="alert" className="conflict" aria-labelledby="conflict-title">
          <h4 id="conflict-title">Conflict: this review changed since you opened it</h4>
          <p>{error?.message} Nothing was overwritten. Both versions are below.</p>
          <div className="conflict-columns">
            <section aria-label="Your version">
              <h5>Your version</h5>
              <p>Verdict: {label(conflict.yours.verdict)}</p>
              <pre className="conflict-text" data-testid="conflict-yours">{conflict.yours.note}</pre>
            </section>
            <section aria-label="Saved version">
              <h5>Saved version {conflict.theirs.reviewerName ? `by ${conflict.theirs.reviewerName}` : ""} (v{conflict.theirs.version})</h5>
              <p>Verdict: {label(conflict.theirs.verdict)}</p>
              <pre className="conflict-text" data-testid="conflict-theirs">{conflict.theirs.note}</pre>
            </section>
          </div>
          <div className="row">
            <button type="button" className="button" onClick={() => save(conflict.yours, conflict.theirs.version)}>
              Keep mine (save over v{conflict.theirs.version})
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                drafts.discardReview(claimId);
                onDraftChange({ ...conflict.theirs, baseVersion: conflict.theirs.version });
                setConflict(null);
                setError(null);
                props.onReload();
              }}
            >
              Take the saved version
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function label(verdict: Verdict | null): string {
  return VERDICTS.find((v) => v.id === verdict)?.label ?? "none";
}

function isConflictDetails(details: unknown): details is { theirs: Conflict["theirs"] } {
  return typeof details === "object" && details !== null && "theirs" in details;
}
