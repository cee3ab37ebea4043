"use client";

import { useId, useState } from "react";
import { VERDICTS, type ConfidenceLevel, type Verdict } from "@/lib/domain/vocabulary";
import { approveOwnVerdictAction, approveReviewAction, reopenClaimAction } from "./actions";
import { useDeskAction } from "./use-desk-action";

function Feedback({ pending, message, error }: { pending: boolean; message: string | null; error: { message: string } | null }) {
  return (
    <>
      <span role="status" aria-live="polite" className="muted small">
        {pending ? "Saving…" : message}
      </span>
      {error ? (
        <div role="alert" className="form-error small">
          {error.message}
        </div>
      ) : null}
    </>
  );
}

/** Approves one reviewer's review as the claim's final verdict. */
export function ApproveReviewButton({ claimId, reviewId, label }: { claimId: string; reviewId: string; label: string }) {
  const action = useDeskAction();
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={label}
        disabled={action.pending}
        onClick={() => action.run(() => approveReviewAction({ claimId, reviewId }), (a) => `Approved: ${VERDICTS.find((v) => v.id === a.verdict)?.label ?? a.verdict}.`)}
      >
        Approve
      </button>
      <Feedback {...action} />
    </>
  );
}

/**
 * The last column: the approved verdict with "Reopen" (and a reason), or a form to write the
 * editor's own verdict and approve it. What was typed stays in the form when a save is refused.
 */
export function ClaimActions({ claimId, number, state, finalVerdict }: { claimId: string; number: number; state: string; finalVerdict: string | null }) {
  const action = useDeskAction();
  const id = useId();
  const [reason, setReason] = useState("");
  const [verdict, setVerdict] = useState<Verdict | "">("");
  const [confidence, setConfidence] = useState<ConfidenceLevel | "">("");
  const [note, setNote] = useState("");

  if (state === "dismissed") return <span className="muted">dismissed</span>;
  if (state === "approved") {
    return (
      <div className="stack">
        <span className="flag approved" data-testid="final-verdict">
          {finalVerdict ?? "Approved"}
        </span>
        <details>
          <summary>Reopen claim {number}…</summary>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              action.run(() => reopenClaimAction({ claimId, reason }), () => "Reopened.");
            }}
          >
            <label>
              Reason for reopening
              <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
            </label>
            <button type="submit" className="button" disabled={action.pending}>
              Reopen
            </button>
          </form>
        </details>
        <Feedback {...action} />
      </div>
    );
  }
  return (
    <div className="stack">
      <details>
        <summary>Write your own verdict on claim {number}…</summary>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!verdict) return;
            action.run(
              () => approveOwnVerdictAction({ claimId, verdict, confidence: confidence || null, note }),
              () => "Your verdict is approved.",
            );
          }}
        >
          <label>
            Verdict
            <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict | "")} required>
              <option value="">Choose…</option>
              {VERDICTS.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Confidence
            <select value={confidence} onChange={(e) => setConfidence(e.target.value as ConfidenceLevel | "")}>
              <option value="">Not set</option>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </select>
          </label>
          <label>
            Note (Markdown)
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="button primary" disabled={action.pending || !verdict}>
            Approve my verdict
          </button>
        </form>
      </details>
      <Feedback {...action} />
    </div>
  );
}
