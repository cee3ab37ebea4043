"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { HastContent } from "@/app/_components/hast-content";
import { KIND_LABELS, VERDICTS, type ClaimKind } from "@/lib/domain/vocabulary";
import { reattachClaimAction } from "./actions";
import { selectionToSourceSpan } from "./selection-offsets";
import type { WorkbenchClaim } from "./types";

type Span = { start: number; end: number; text: string };

const verdictLabel = (v: string | null) => VERDICTS.find((x) => x.id === v)?.label ?? "No verdict";

/**
 * For editors: the claims the latest import could not place (issue 7), each with its reviews, and
 * "Re-attach to selection" to put one on text selected in the article. The selection is remembered
 * while the editor moves to the button, since a click may collapse it.
 */
export function OrphansPanel({ orphans, revisionId }: { orphans: WorkbenchClaim[]; revisionId: string }) {
  const router = useRouter();
  const [selection, setSelection] = useState<Span | null>(null);
  const [error, setError] = useState<{ claimId: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const onChange = () => {
      const root = document.querySelector<HTMLElement>(".article-text");
      const span = root ? selectionToSourceSpan(root, window.getSelection()) : null;
      if (span && span.text.trim()) setSelection(span);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);

  function reattach(claimId: string) {
    if (!selection) return setError({ claimId, message: "Select the claim's text in the article first, then press Re-attach." });
    startTransition(async () => {
      const result = await reattachClaimAction({ claimId, revisionId, sourceStart: selection.start, sourceEnd: selection.end });
      if (!result.ok) return setError({ claimId, message: result.error.message });
      setError(null);
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      router.refresh();
    });
  }

  return (
    <section className="stack" aria-labelledby="orphans-heading" data-testid="orphans-panel">
      <h2 id="orphans-heading">Orphans ({orphans.length})</h2>
      {orphans.length === 0 ? (
        <p className="muted">No orphaned claims: every claim has its place in the latest text.</p>
      ) : (
        <>
          <p className="muted">
            These claims could not be placed in the latest text. Their reviews are kept. Select the claim&apos;s text in the article and press
            &ldquo;Re-attach to selection&rdquo;, or leave them here.
          </p>
          <p className="small" aria-live="polite">
            {selection ? <>Selected: &ldquo;{selection.text.trim().slice(0, 160)}&rdquo;</> : "No text selected in the article."}
          </p>
        </>
      )}
      <ol className="claim-list">
        {orphans.map((claim) => (
          <li key={claim.id} data-kind={claim.kind} aria-label={`Orphaned claim: ${claim.text}`} data-testid="orphan">
            <div className="claim-meta">
              <span className="kind-badge">{KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind}</span>
              <span>last placed in revision {claim.revisionNumber}</span>
              {claim.stateBeforeOrphan ? <span>was {claim.stateBeforeOrphan.replace("_", " ")}</span> : null}
            </div>
            <blockquote className="claim-quote">{claim.text}</blockquote>
            {claim.reviews.length === 0 ? (
              <p className="muted small">No reviews.</p>
            ) : (
              <ul aria-label="Reviews" className="stack">
                {claim.reviews.map((review) => (
                  <li key={review.id} className="other-review">
                    <strong>{review.reviewerName}</strong>: {verdictLabel(review.verdict)}
                    {review.confidence ? ` (confidence ${review.confidence})` : ""}
                    {review.note ? (
                      <div className="note">
                        <HastContent tree={review.noteTree} />
                      </div>
                    ) : null}
                    {review.citations.length > 0 ? (
                      <ul className="citations">
                        {review.citations.map((c) => (
                          <li key={c.id}>
                            <a href={c.url} rel="noopener noreferrer nofollow" target="_blank">
                              {c.title || c.url}
                            </a>{" "}
                            · <span className={`stance stance-${c.stance}`}>{c.stance}</span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <div className="row">
              <button type="button" className="button" disabled={pending} onClick={() => reattach(claim.id)}>
                Re-attach to selection
              </button>
            </div>
            {error?.claimId === claim.id ? (
              <div role="alert" className="form-error">
                {error.message}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
