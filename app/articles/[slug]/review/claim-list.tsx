"use client";

import { memo } from "react";
import { KIND_LABELS, VERDICTS, type ClaimKind } from "@/lib/domain/vocabulary";
import { listWindow } from "./queue";
import type { ClaimListEntry } from "./types";

export type Filters = { kind: string; state: string; verdict: string; mine: boolean; unreviewed: boolean };
export const NO_FILTERS: Filters = { kind: "", state: "", verdict: "", mine: false, unreviewed: false };

/**
 * The claim list: a window of it around the selected claim (listWindow), each line a memoised
 * component, so j re-renders the two lines whose selection changed and a save the one line whose
 * verdict did, not a hundred lines.
 */
export function ClaimList({ visible, selectedId, viewerId, onSelect }: { visible: readonly ClaimListEntry[]; selectedId: string | null; viewerId: string; onSelect: (id: string) => void }) {
  const shown = listWindow(visible.length, visible.findIndex((c) => c.id === selectedId));
  return (
    <>
      {shown.from > 0 ? <p className="muted small">{shown.from} claims above; k moves up.</p> : null}
      <ol className="claim-index" aria-label={`Claims (${visible.length} shown)`} start={shown.from + 1}>
        {visible.slice(shown.from, shown.to).map((c) => (
          <ClaimLine key={c.id} claim={c} current={c.id === selectedId} viewerId={viewerId} onSelect={onSelect} />
        ))}
      </ol>
      {shown.to < visible.length ? <p className="muted small">{visible.length - shown.to} claims below; j moves down.</p> : null}
    </>
  );
}

/** One line; re-rendered only when its claim (a new object after a save), its selection or the viewer changes. */
const ClaimLine = memo(function ClaimLine({ claim: c, current, viewerId, onSelect }: { claim: ClaimListEntry; current: boolean; viewerId: string; onSelect: (id: string) => void }) {
  return (
    <li>
      <button type="button" id={`claim-item-${c.id}`} className={`claim-item kind-${c.kind} state-${c.state}`} aria-current={current ? "true" : undefined} onClick={() => onSelect(c.id)}>
        <span className="claim-item-kind">{KIND_LABELS[c.kind as ClaimKind] ?? c.kind}</span>
        <span className="claim-item-text">
          {c.speaker ? <span className="claim-item-speaker">{c.speaker}: </span> : null}
          {c.text}
        </span>
        <span className="claim-item-state">{summary(c, viewerId)}</span>
      </button>
    </li>
  );
});

export function ClaimFilters({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset className="filters">
      <legend>Filter claims</legend>
      <label>
        Kind
        <select value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">All kinds</option>
          {(Object.keys(KIND_LABELS) as ClaimKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        State
        <select value={filters.state} onChange={(e) => set({ state: e.target.value })}>
          <option value="">All states</option>
          {["open", "in_review", "reviewed", "approved", "dismissed", "orphaned"].map((s) => (
            <option key={s} value={s}>
              {s.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label>
        Verdict
        <select value={filters.verdict} onChange={(e) => set({ verdict: e.target.value })}>
          <option value="">Any verdict</option>
          {VERDICTS.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} /> Assigned to me
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.unreviewed} onChange={(e) => set({ unreviewed: e.target.checked })} /> Not yet reviewed
      </label>
    </fieldset>
  );
}

/** Whether a claim passes the list's filters. */
export function matches(c: ClaimListEntry, f: Filters, viewerId: string): boolean {
  if (f.kind && c.kind !== f.kind) return false;
  if (f.state && c.state !== f.state) return false;
  if (f.verdict && !c.verdicts.some((v) => v === f.verdict)) return false;
  if (f.mine && c.assigneeId !== viewerId) return false;
  if (f.unreviewed && c.verdicts.length > 0) return false;
  return true;
}

function summary(c: ClaimListEntry, viewerId: string): string {
  const mine = c.myVerdict;
  const label = mine ? VERDICTS.find((v) => v.id === mine)?.label : null;
  return [c.state.replace("_", " "), label ? `you: ${label}` : null, c.assigneeId === viewerId ? "assigned to you" : null].filter(Boolean).join(" · ");
}
