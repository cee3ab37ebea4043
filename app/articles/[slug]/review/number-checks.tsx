"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ErrorBody } from "@/lib/errors";
import { ExplainNumberCheckInput, REASON_MAX } from "@/lib/numbers-review/schemas";
import { explainNumberCheckAction } from "./actions";
import type { NumberCheckView, WorkbenchClaim } from "./types";
import "./number-checks.css";

/**
 * The number checks that name the selected claim (issue 17): where the article's own figures
 * disagree, how that was computed, the other claims involved, and a form to mark a check explained.
 * Shown above the verdict form, since a check is often the first thing to settle about a statistic.
 */
export function NumberChecks({ claim, onSelect, onSaved, onReload }: {
  claim: WorkbenchClaim;
  onSelect: (id: string) => void;
  onSaved: (claim: WorkbenchClaim) => void;
  onReload: () => void;
}) {
  // The page's preloaded claims come without checks: fetch the claim once, as a selection would.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (claim.numberChecks === undefined && asked.current !== claim.id) {
      asked.current = claim.id;
      onReload();
    }
  });
  const checks = claim.numberChecks ?? [];
  if (checks.length === 0) return null;
  const open = checks.filter((c) => !c.explanation).length;
  return (
    <section className="number-checks" aria-labelledby="number-checks-heading" data-testid="number-checks">
      <h3 id="number-checks-heading">
        Number checks <span className="muted small">({open === 0 ? "all explained" : `${open} to look at`})</span>
      </h3>
      <ul className="number-check-list">
        {checks.map((check) => (
          <li key={check.key} className={check.explanation ? "number-check explained" : "number-check"} data-testid="number-check">
            <NumberCheckItem check={check} claimId={claim.id} onSelect={onSelect} onSaved={onSaved} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function NumberCheckItem({ check, claimId, onSelect, onSaved }: {
  check: NumberCheckView;
  claimId: string;
  onSelect: (id: string) => void;
  onSaved: (claim: WorkbenchClaim) => void;
}) {
  const [editing, setEditing] = useState(false);
  const others = check.claims.filter((c) => c.id !== claimId);
  return (
    <>
      <p className="number-check-message">
        <strong>Check:</strong> {check.message}
      </p>
      <details className="number-check-details">
        <summary>How this was checked</summary>
        <dl>
          <dt>Computation</dt>
          <dd>{check.computation}</dd>
          <dt>Expected</dt>
          <dd>{check.expected}</dd>
          <dt>Stated</dt>
          <dd>{check.stated}</dd>
          <dt>Tolerance</dt>
          <dd>{check.tolerance}</dd>
        </dl>
      </details>
      {others.length > 0 ? (
        <div className="number-check-others">
          <span className="muted small">Also involves:</span>
          <ul>
            {others.map((other) => (
              <li key={other.id}>
                <button type="button" className="button link" onClick={() => onSelect(other.id)}>
                  {excerpt(other.text)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {check.explanation ? (
        <p className="number-check-explanation">
          <strong>Explained</strong> by {check.explanation.explainedBy}: {check.explanation.reason}
        </p>
      ) : null}
      {editing ? (
        <ExplainForm check={check} claimId={claimId} onCancel={() => setEditing(false)} onSaved={(view) => { setEditing(false); onSaved(view); }} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {check.explanation ? "Change the explanation…" : "Explain…"}
        </button>
      )}
    </>
  );
}

function ExplainForm({ check, claimId, onCancel, onSaved }: {
  check: NumberCheckView;
  claimId: string;
  onCancel: () => void;
  onSaved: (claim: WorkbenchClaim) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState(check.explanation?.reason ?? "");
  const [error, setError] = useState<Pick<ErrorBody, "message"> | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = { claimId, findingKey: check.key, reason };
    // The action's own schema: the same message here as from the server, and the reason stays typed.
    const parsed = ExplainNumberCheckInput.safeParse(input);
    if (!parsed.success) {
      setError({ message: parsed.error.issues[0]?.message ?? "Check the reason" });
      return;
    }
    startTransition(async () => {
      const result = await explainNumberCheckAction(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      onSaved(result.data);
    });
  }

  return (
    <form className="number-check-form stack" onSubmit={submit} aria-label="Explain this number check">
      <label htmlFor={`${id}-reason`}>Why the figures are right as they stand</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        rows={3}
        maxLength={REASON_MAX + 100}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {error ? (
        <div role="alert" id={`${id}-error`} className="form-error">
          {error.message}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Saving…" : "Mark explained"}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A claim's first words, to name it on a button. */
function excerpt(text: string): string {
  return text.length > 90 ? `${text.slice(0, 88).trimEnd()}…` : text;
}
