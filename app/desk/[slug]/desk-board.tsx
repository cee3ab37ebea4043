"use client";

import { useState } from "react";
import type { DisagreementRow, Person } from "@/lib/desk/disagreement";
import type { Reviewer } from "@/lib/desk/list-reviewers";
import { KIND_LABELS, VERDICTS, type ClaimKind, type Verdict } from "@/lib/domain/vocabulary";
import { assignClaimsAction } from "./actions";
import { ApproveReviewButton, ClaimActions } from "./claim-actions";
import { useDeskAction } from "./use-desk-action";

export type BoardRow = DisagreementRow & { number: number };

const VERDICT_LABEL = new Map<string, string>(VERDICTS.map((v) => [v.id, v.label]));
export const verdictLabel = (verdict: Verdict | null) => (verdict ? (VERDICT_LABEL.get(verdict) ?? verdict) : "no verdict yet");
const LOCKED = new Set(["approved", "dismissed"]);

/**
 * Assignment and verdicts of one article: pick claims (or all unassigned ones) and a reviewer to
 * assign; read every reviewer's verdict side by side; approve one, write your own, or reopen.
 */
export function DeskBoard(props: { slug: string; viewerId: string; reviewers: Reviewer[]; columns: Person[]; rows: BoardRow[] }) {
  const { slug, reviewers, columns, rows } = props;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigneeId, setAssigneeId] = useState<string>(reviewers.find((r) => r.role === "reviewer")?.id ?? reviewers[0]?.id ?? "");
  const assign = useDeskAction();
  const assignable = rows.filter((r) => !LOCKED.has(r.state));
  const allChecked = assignable.length > 0 && assignable.every((r) => selected.has(r.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function submitAssign(allUnassigned: boolean) {
    const claimIds = allUnassigned ? [] : [...selected];
    const nameOf = reviewers.find((r) => r.id === assigneeId)?.name ?? "nobody";
    assign.run(
      () => assignClaimsAction({ slug, assigneeId: assigneeId || null, claimIds, allUnassigned }),
      (outcome) => {
        if (!allUnassigned) setSelected(new Set());
        const claims = (n: number) => `${n} ${n === 1 ? "claim" : "claims"}`;
        return outcome.assignee
          ? `Assigned ${claims(outcome.assigned)} to ${outcome.assignee.name}${outcome.unchanged ? ` (${claims(outcome.unchanged)} already were)` : ""}.`
          : `Took ${claims(outcome.assigned)} off ${nameOf === "nobody" ? "everyone's" : "their"} list.`;
      },
    );
  }

  return (
    <section className="desk-section stack" aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims and verdicts</h2>
      <fieldset className="assign-controls" aria-describedby="assign-help">
        <legend>Assign claims</legend>
        <p id="assign-help" className="muted small">
          Tick claims in the table, choose who should review them, then assign; or give every unassigned claim to that person.
        </p>
        <label>
          Assign to
          <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.role})
              </option>
            ))}
            <option value="">Nobody (unassign)</option>
          </select>
        </label>
        <button type="button" className="button primary" disabled={assign.pending || selected.size === 0} onClick={() => submitAssign(false)}>
          Assign selected ({selected.size})
        </button>
        <button type="button" className="button" disabled={assign.pending || !assigneeId} onClick={() => submitAssign(true)}>
          Assign all unassigned
        </button>
        <span role="status" aria-live="polite" data-testid="assign-status">
          {assign.pending ? "Assigning…" : assign.message}
        </span>
        {assign.error ? (
          <div role="alert" className="form-error">
            {assign.error.message}
          </div>
        ) : null}
      </fieldset>

      <div className="table-scroll">
        <table className="listing verdict-table" aria-describedby="verdict-table-help">
          <caption>Every reviewer&apos;s verdict on each claim</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every claim that can be assigned"
                  checked={allChecked}
                  onChange={(e) => setSelected(e.target.checked ? new Set(assignable.map((r) => r.id)) : new Set())}
                />
              </th>
              <th scope="col">Claim</th>
              <th scope="col">Assigned to</th>
              {columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.name}
                </th>
              ))}
              <th scope="col">Agreement</th>
              <th scope="col">Final verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} id={`desk-claim-${row.id}`} data-claim-id={row.id} className={row.disagreement ? "disagreement" : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select claim ${row.number}`}
                    disabled={LOCKED.has(row.state)}
                    checked={selected.has(row.id)}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                  />
                </td>
                <th scope="row" className="claim-text">
                  <span className="muted small">
                    {row.number}. {KIND_LABELS[row.kind as ClaimKind] ?? row.kind} · {row.state.replace(/_/g, " ")}
                  </span>
                  <div>{row.text}</div>
                </th>
                <td data-testid="assignee">{row.assignee?.name ?? <span className="muted">nobody</span>}</td>
                {columns.map((c) => {
                  const cell = row.cells[c.id];
                  if (!cell) return <td key={c.id} className="muted">—</td>;
                  const approved = row.approvedReviewId === cell.reviewId;
                  return (
                    <td key={c.id} data-reviewer={c.name}>
                      <div className={`verdict-cell${approved ? " approved" : ""}`}>
                        <span className="verdict">{verdictLabel(cell.verdict)}</span>
                        {cell.confidence ? <span className="muted small">confidence {cell.confidence}</span> : null}
                        {approved ? <span className="flag approved">Approved</span> : null}
                        {row.state !== "approved" && cell.verdict ? (
                          <ApproveReviewButton claimId={row.id} reviewId={cell.reviewId} label={`Approve ${c.name}'s verdict on claim ${row.number}`} />
                        ) : null}
                      </div>
                    </td>
                  );
                })}
                <td>
                  {row.disagreement ? (
                    <span className="flag disagree">Disagreement</span>
                  ) : row.singleReview ? (
                    <span className="flag single">Single review</span>
                  ) : row.verdicts > 1 ? (
                    <span className="flag agree">Agree</span>
                  ) : (
                    <span className="muted">no verdicts</span>
                  )}
                </td>
                <td className="claim-actions">
                  <ClaimActions claimId={row.id} number={row.number} state={row.state} finalVerdict={finalVerdict(row)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="verdict-table-help" className="muted small">
        Rows with disagreeing verdicts are flagged. Approving a verdict locks the claim until it is reopened.
      </p>
    </section>
  );
}

function finalVerdict(row: BoardRow): string | null {
  if (!row.approvedReviewId) return null;
  const cell = Object.values(row.cells).find((c) => c.reviewId === row.approvedReviewId);
  return cell ? verdictLabel(cell.verdict) : null;
}
