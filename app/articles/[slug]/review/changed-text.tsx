import { textChanges } from "@/lib/revisions/text-changes";
import type { WorkbenchClaim } from "./types";

/**
 * A changed claim's old and new text side by side (issue 7): the reviews were written for the old
 * words, so the reviewer sees exactly what the new revision changed before confirming the verdict.
 * Renders nothing for a claim whose text did not change. Each column holds one whole text under its
 * caption, so <del>/<ins> only emphasise the edit and need no words of their own for screen readers.
 */
export function ChangedText({ claim }: { claim: WorkbenchClaim }) {
  if (claim.anchorStatus !== "changed" || claim.previousText === null) return null;
  const changes = textChanges(claim.previousText, claim.text);
  const before = claim.previousRevisionNumber ? `Revision ${claim.previousRevisionNumber}` : "Before";
  return (
    <section className="notice stack" aria-labelledby="changed-text-heading" data-testid="changed-text">
      <h3 id="changed-text-heading">Text changed in revision {claim.revisionNumber}</h3>
      {claim.reviews.length > 0 ? (
        <p className="small">The reviews were written for the earlier text: check that the verdict still holds, then save your review again.</p>
      ) : null}
      <div className="conflict-columns">
        <figure className="stack" style={{ margin: 0 }}>
          <figcaption className="small">{before}</figcaption>
          <blockquote className="conflict-text" data-testid="previous-text">
            {changes.map((c, i) =>
              c.kind === "inserted" ? null : c.kind === "deleted" ? (
                <del key={i}>{c.text}</del>
              ) : (
                <span key={i}>{c.text}</span>
              ),
            )}
          </blockquote>
        </figure>
        <figure className="stack" style={{ margin: 0 }}>
          <figcaption className="small">Now, revision {claim.revisionNumber}</figcaption>
          <blockquote className="conflict-text" data-testid="current-text">
            {changes.map((c, i) =>
              c.kind === "deleted" ? null : c.kind === "inserted" ? (
                <ins key={i}>{c.text}</ins>
              ) : (
                <span key={i}>{c.text}</span>
              ),
            )}
          </blockquote>
        </figure>
      </div>
    </section>
  );
}
