"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { entryWithSavedReview, withSavedReview } from "./saved-review";
import type { ClaimListEntry, SavedReviewAnswer, WorkbenchClaim } from "./types";

/** `generation` counts page refreshes (older ones are fetched again); `at` says when it was current. */
type Stored = { view: WorkbenchClaim; generation: number; at: number };

/**
 * The workbench's claims on the client: the compact list, and the full detail of the claims the
 * reviewer has opened, fetched one claim at a time (GET ./review/claims/<id>). An action that
 * answers with the changed claim (storeClaim) replaces that claim's detail and list line, and a
 * review's save hands back what it changed (storeSave), put into both; neither refreshes the page.
 * After a router.refresh() the server's list wins and open details are fetched again.
 */
export function useClaimDetails(list: ClaimListEntry[], preloaded: WorkbenchClaim[], viewerId: string, selectedId: string | null) {
  const [from, setFrom] = useState({ list, preloaded });
  const [claims, setClaims] = useState(list);
  const [details, setDetails] = useState<Record<string, Stored>>(() => index(preloaded, 0));
  const [generation, setGeneration] = useState(0);
  const loading = useRef(new Set<string>());
  const current = useRef(0);
  useEffect(() => {
    current.current = generation;
  }, [generation]);

  // New props mean a router.refresh(): adopt them during render (React's "adjust state on prop
  // change"); details already shown stay on screen until their fresh copy arrives.
  if (from.list !== list || from.preloaded !== preloaded) {
    setFrom({ list, preloaded });
    setClaims(list);
    setGeneration(generation + 1);
    setDetails((all) => ({ ...all, ...index(preloaded, generation + 1) }));
  }

  const load = useCallback((claimId: string, wanted: number, force = false) => {
    const key = `${claimId}@${wanted}`;
    if (loading.current.has(key) && !force) return;
    loading.current.add(key);
    const started = performance.now();
    void fetch(`${window.location.pathname.replace(/\/$/, "")}/claims/${encodeURIComponent(claimId)}`, { cache: "no-store" })
      .then(async (response) => (response.ok ? ((await response.json()) as WorkbenchClaim) : null))
      .catch(() => null)
      .then((view) => {
        loading.current.delete(key);
        if (!view) return;
        // A save may have stored a newer copy while this one was on its way.
        setDetails((all) => ((all[claimId]?.at ?? -1) > started ? all : { ...all, [claimId]: { view, generation: wanted, at: started } }));
      });
  }, []);

  useEffect(() => {
    if (selectedId && (details[selectedId]?.generation ?? -1) < generation) load(selectedId, generation);
  }, [selectedId, details, generation, load]);

  /** Loads these claims ahead (the neighbours of the selection), unless already here. */
  const prefetch = useCallback(
    (ids: readonly string[]) => {
      for (const id of ids) if ((details[id]?.generation ?? -1) < generation) load(id, generation);
    },
    [details, generation, load],
  );

  const storeClaim = useCallback(
    (view: WorkbenchClaim) => {
      setDetails((all) => ({ ...all, [view.id]: { view, generation: current.current, at: performance.now() } }));
      setClaims((all) => all.map((c) => (c.id === view.id ? entryOf(view, viewerId) : c)));
    },
    [viewerId],
  );

  const storeSave = useCallback(
    (answer: SavedReviewAnswer) => {
      const claimId = answer.claim.id;
      setDetails((all) => {
        const stored = all[claimId];
        return stored ? { ...all, [claimId]: { view: withSavedReview(stored.view, answer, viewerId), generation: stored.generation, at: performance.now() } } : all;
      });
      setClaims((all) => all.map((c) => (c.id === claimId ? entryWithSavedReview(c, answer, viewerId) : c)));
    },
    [viewerId],
  );

  const selected = selectedId ? (details[selectedId]?.view ?? null) : null;
  return { claims, selected, prefetch, storeClaim, storeSave, reload: (id: string) => load(id, generation, true) };
}

function index(views: readonly WorkbenchClaim[], generation: number): Record<string, Stored> {
  return Object.fromEntries(views.map((view) => [view.id, { view, generation, at: 0 }]));
}

/** The list line of a claim, from its full detail. */
function entryOf(view: WorkbenchClaim, viewerId: string): ClaimListEntry {
  return {
    id: view.id,
    kind: view.kind,
    text: view.text,
    state: view.state as ClaimListEntry["state"],
    score: view.score,
    speaker: view.speaker,
    assigneeId: view.assigneeId,
    sourceStart: view.sourceStart,
    sourceEnd: view.sourceEnd,
    verdicts: view.reviews.flatMap((r) => (r.verdict ? [r.verdict] : [])),
    myVerdict: view.reviews.find((r) => r.reviewerId === viewerId)?.verdict ?? null,
  };
}
