import { KIND_LABELS, type ClaimKind } from "@/lib/domain/vocabulary";
import type { RevisionComparison, RevisionSide } from "@/lib/revisions/compare-revisions";
import type { TextChange } from "@/lib/revisions/text-changes";

/** Unchanged stretches longer than this show only their ends, so the edits stand out. */
const KEEP_EDGES = 240;

/**
 * The diff between two revisions, rendered on the server: inserted text in <ins>, deleted text in
 * <del> (each announced to screen readers), and beside it the claims anchored in each revision.
 */
export function RevisionDiff({ comparison }: { comparison: RevisionComparison }) {
  const { from, to, changes, inserted, deleted } = comparison;
  return (
    <section className="stack" aria-labelledby="diff-heading" data-testid="revision-diff">
      <h2 id="diff-heading">
        Changes from revision {from.number} to revision {to.number}
      </h2>
      <p className="muted">
        {inserted === 0 && deleted === 0
          ? "The two texts are the same."
          : `${inserted.toLocaleString("en")} characters inserted, ${deleted.toLocaleString("en")} deleted.`}
      </p>
      <div className="conflict-text" style={{ fontFamily: "ui-monospace, monospace", fontSize: "0.9rem" }} data-testid="diff-text">
        {changes.map((change, i) => (
          <Change key={i} change={change} first={i === 0} last={i === changes.length - 1} />
        ))}
      </div>
      <div className="conflict-columns">
        <ClaimColumn side={from} other={to} />
        <ClaimColumn side={to} other={from} />
      </div>
    </section>
  );
}

function Change({ change, first, last }: { change: TextChange; first: boolean; last: boolean }) {
  if (change.kind === "inserted") {
    return (
      <ins>
        <span className="visually-hidden">[inserted: </span>
        {change.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  }
  if (change.kind === "deleted") {
    return (
      <del>
        <span className="visually-hidden">[deleted: </span>
        {change.text}
        <span className="visually-hidden">]</span>
      </del>
    );
  }
  const { text } = change;
  if (text.length <= KEEP_EDGES * 2) return <span>{text}</span>;
  // The start of the article needs no lead-in, nor its end a tail.
  const head = first ? "" : text.slice(0, KEEP_EDGES);
  const tail = last ? "" : text.slice(-KEEP_EDGES);
  const skipped = text.length - head.length - tail.length;
  return (
    <span>
      {head}
      <span className="muted">{`${head ? "\n" : ""}⋯ ${skipped.toLocaleString("en")} unchanged characters ⋯${tail ? "\n" : ""}`}</span>
      {tail}
    </span>
  );
}

function ClaimColumn({ side, other }: { side: RevisionSide; other: RevisionSide }) {
  const onlyHere = other.number > side.number ? `not in revision ${other.number}` : `new in revision ${side.number}`;
  return (
    <section aria-labelledby={`claims-${side.number}`} className="stack">
      <h3 id={`claims-${side.number}`}>
        Claims in revision {side.number} ({side.claims.length})
      </h3>
      <ol className="claim-list" aria-label={`Claims in revision ${side.number}`}>
        {side.claims.map((claim) => (
          <li key={claim.id} data-kind={claim.kind} data-comparison={claim.comparison}>
            <div className="claim-meta">
              <span className="kind-badge">{KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind}</span>
              <span>{claim.state.replace("_", " ")}</span>
              {claim.comparison === "only-here" ? <strong>{onlyHere}</strong> : null}
              {claim.comparison === "changed" ? <strong>text changed</strong> : null}
            </div>
            <p>{claim.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
