"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { browserStorage, readReviewDraft, removeReviewDrafts, writeReviewDraft, type DraftScope } from "./draft-storage";
import type { DraftsContextValue, RestoredReview } from "./drafts-context";
import { draftFrom, type ReviewDraft } from "./review-form";
import type { WorkbenchClaim } from "./types";

type Typed = Omit<ReviewDraft, "baseVersion">;

const sameText = (a: Typed, b: Typed) => a.verdict === b.verdict && a.confidence === b.confidence && a.note === b.note;

/**
 * The viewer's review drafts, one per claim: in the page while moving between claims, and in the
 * browser until saved, so a reload brings them back. A draft met again keeps the version it was
 * typed against, so saving it over a review that changed since opens the conflict dialog rather
 * than overwriting.
 */
export function useReviewDrafts(scope: DraftScope, selected: WorkbenchClaim | null) {
  const [drafts, setDrafts] = useState<Record<string, ReviewDraft>>({});
  const [restored, setRestored] = useState<Record<string, RestoredReview>>({});
  // Each claim's stored draft is looked for once per page, the first time its detail is shown.
  const looked = useRef(new Set<string>());

  useEffect(() => {
    const storage = browserStorage();
    if (!storage || !selected || looked.current.has(selected.id)) return;
    looked.current.add(selected.id);
    const stored = readReviewDraft<Typed>(storage, scope, selected.id);
    if (!stored) return;
    const server = draftFrom(selected.myReview);
    if (sameText(stored.value, server)) return removeReviewDrafts(storage, scope, selected.id);
    const { verdict, confidence, note } = stored.value;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's storage is outside React; read once per claim
    setDrafts((all) => ({ ...all, [selected.id]: { verdict, confidence, note, baseVersion: stored.baseVersion } }));
    setRestored((all) => ({ ...all, [selected.id]: { savedAt: stored.savedAt, basedOn: stored.baseVersion, current: server.baseVersion } }));
  }, [selected, scope]);

  // A draft that came to equal the saved review (say after "Take the saved version") is no draft.
  const current = selected ? drafts[selected.id] : undefined;
  useEffect(() => {
    const storage = browserStorage();
    if (storage && selected && current && sameText(current, draftFrom(selected.myReview))) removeReviewDrafts(storage, scope, selected.id);
  }, [selected, current, scope]);

  /** The form changed: keep it in the page, and in the browser while it differs from what is saved. */
  const change = useCallback(
    (claim: WorkbenchClaim, draft: ReviewDraft) => {
      setDrafts((all) => ({ ...all, [claim.id]: draft }));
      const storage = browserStorage();
      if (!storage) return;
      if (sameText(draft, draftFrom(claim.myReview))) removeReviewDrafts(storage, scope, claim.id);
      else writeReviewDraft(storage, scope, claim.id, { value: { verdict: draft.verdict, confidence: draft.confidence, note: draft.note }, baseVersion: draft.baseVersion, savedAt: new Date().toISOString() });
    },
    [scope],
  );

  const forget = useCallback(
    (claimId: string, keepInPage: boolean) => {
      const storage = browserStorage();
      if (storage) removeReviewDrafts(storage, scope, claimId);
      setRestored((all) => without(all, claimId));
      if (!keepInPage) setDrafts((all) => without(all, claimId));
    },
    [scope],
  );

  const context: DraftsContextValue = useMemo(
    () => ({ scope, restoredReview: (id) => restored[id] ?? null, discardReview: (id) => forget(id, false) }),
    [scope, restored, forget],
  );

  return {
    draftOf: (claim: WorkbenchClaim) => drafts[claim.id] ?? draftFrom(claim.myReview),
    change,
    /** Saved: the server has it now; the page keeps the form as saved. */
    saved: (claimId: string) => forget(claimId, true),
    context,
  };
}

function without<T>(all: Record<string, T>, id: string): Record<string, T> {
  const rest = { ...all };
  delete rest[id];
  return rest;
}
