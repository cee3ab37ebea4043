"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { KIND_LABELS, type ClaimKind } from "@/lib/domain/vocabulary";
import type { ActionResult } from "@/lib/auth/guard";
import { changeClaimKindAction, dismissClaimAction, mergeClaimsAction, restoreClaimAction, splitClaimAction } from "./actions";
import type { WorkbenchClaim } from "./types";

/** Retype, split, merge with the next claim, dismiss with a reason, restore. */
export function ClaimCorrections({ claim, nextClaimId, onSelect }: { claim: WorkbenchClaim; nextClaimId: string | null; onSelect: (id: string) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<"none" | "split" | "dismiss">("none");
  const [reason, setReason] = useState("");
  const splitRef = useRef<HTMLTextAreaElement>(null);
  const locked = claim.state === "approved";

  function run<T>(action: () => Promise<ActionResult<T>>, after?: (data: T) => void) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setError(null);
      setMode("none");
      after?.(result.data);
      router.refresh();
    });
  }

  if (claim.state === "dismissed") {
    return (
      <div className="stack">
        <p className="notice">Dismissed: {claim.dismissReason ?? "no reason given"}</p>
        <button type="button" className="button" disabled={pending} onClick={() => run(() => restoreClaimAction({ claimId: claim.id }))}>
          Restore claim
        </button>
        {error ? <div role="alert" className="form-error">{error}</div> : null}
      </div>
    );
  }

  return (
    <div className="stack corrections">
      <label>
        Kind
        <select
          value={claim.kind}
          disabled={pending || locked}
          onChange={(e) => run(() => changeClaimKindAction({ claimId: claim.id, kind: e.target.value as ClaimKind }))}
        >
          {(Object.keys(KIND_LABELS) as ClaimKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="button" className="button" disabled={pending || locked} onClick={() => setMode(mode === "split" ? "none" : "split")} aria-expanded={mode === "split"}>
          Split…
        </button>
        <button
          type="button"
          className="button"
          disabled={pending || locked || !nextClaimId}
          onClick={() => nextClaimId && run(() => mergeClaimsAction({ firstId: claim.id, secondId: nextClaimId }))}
        >
          Merge with next
        </button>
        <button type="button" className="button" disabled={pending || locked} onClick={() => setMode(mode === "dismiss" ? "none" : "dismiss")} aria-expanded={mode === "dismiss"}>
          Dismiss…
        </button>
      </div>
      {mode === "split" ? (
        <div className="stack">
          <label>
            Put the cursor where the claim should be split
            <textarea ref={splitRef} readOnly rows={4} defaultValue={claim.text} data-testid="split-text" />
          </label>
          <button
            type="button"
            className="button primary"
            disabled={pending}
            onClick={() => {
              const at = splitRef.current?.selectionStart ?? 0;
              run(() => splitClaimAction({ claimId: claim.id, at }), (data: unknown) => {
                const id = (data as { second?: { id?: string } }).second?.id;
                if (id) onSelect(claim.id);
              });
            }}
          >
            Split at cursor
          </button>
        </div>
      ) : null}
      {mode === "dismiss" ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => dismissClaimAction({ claimId: claim.id, reason }));
          }}
        >
          <label>
            Why is this not a claim to check?
            <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
          </label>
          <button type="submit" className="button primary" disabled={pending}>
            Dismiss claim
          </button>
        </form>
      ) : null}
      {error ? (
        <div role="alert" className="form-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
