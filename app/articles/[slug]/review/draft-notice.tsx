"use client";

/** When a draft was typed, in the reader's words: "14:05" today, else with the date. */
function when(savedAt: string): string {
  const date = new Date(savedAt);
  if (Number.isNaN(date.getTime())) return "earlier";
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" }) : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * Says that the form shows a draft brought back from this browser, not what is saved, with the way
 * to drop it; and, for a review, when the saved review changed after the draft was begun.
 */
export function DraftNotice(props: { savedAt: string; changedSince?: { basedOn: number | null; current: number | null } | null; onDiscard: () => void }) {
  const { changedSince } = props;
  return (
    <div className="notice draft-notice" data-testid="draft-notice">
      <p>
        Restored your unsaved draft from <time dateTime={props.savedAt}>{when(props.savedAt)}</time>.
      </p>
      {changedSince ? (
        <p>
          The saved review changed since you began this draft (
          {changedSince.basedOn === null ? "it did not exist then" : `it was version ${changedSince.basedOn}`}, it is version {changedSince.current ?? "?"} now). Saving shows both versions
          before anything is replaced.
        </p>
      ) : null}
      <button type="button" className="button" onClick={props.onDiscard}>
        Discard draft
      </button>
    </div>
  );
}
