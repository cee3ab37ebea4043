"use client";

import { useParams, useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { HastContent } from "@/app/_components/hast-content";
import type { Verdict } from "@/lib/domain/vocabulary";
import { addClaimAction } from "./actions";
import type { CitationFormHandle } from "./citation-form";
import { ClaimDetail } from "./claim-detail";
import { ClaimFilters, ClaimList, matches, NO_FILTERS, type Filters } from "./claim-list";
import { DraftsContext } from "./drafts-context";
import { inOrder, type Order } from "./queue";
import type { ReviewFormHandle } from "./review-form";
import { selectionToSourceSpan } from "./selection-offsets";
import { ShortcutsDialog } from "./shortcuts-dialog";
import type { ClaimListEntry, WorkbenchClaim, WorkbenchViewer } from "./types";
import { useArticleRest } from "./use-article-rest";
import { useClaimDetails } from "./use-claim-details";
import { useFitToViewport } from "./use-fit-to-viewport";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useLeaveWarning } from "./use-leave-warning";
import { useReviewDrafts } from "./use-review-drafts";
import { useWarmArticleParts } from "./use-warm-article-parts";
import "./workbench.css";

const KEY_VERDICTS: Record<string, Verdict> = { "1": "false", "2": "misleading", "3": "missing_context", "4": "mostly_accurate", "5": "accurate", u: "unsupported", o: "opinion" };

/**
 * The reviewer's workbench: the article (server-rendered, passed as children), the claim list and
 * the selected claim, side by side on a wide screen, each column scrolling on its own so the claim
 * and its verdict form stay in view. Keyboard first: j/k, 1–5, u, o, n, c, ?. The list is compact
 * lines; the selected claim's full detail is loaded on selection (useClaimDetails), and a save
 * updates that claim and its line in place. What is typed and not saved is kept per claim, in the
 * browser too (useReviewDrafts, the citation form), and leaving with it asks first.
 */
export function Workbench(props: {
  revisionId: string;
  claims: ClaimListEntry[];
  details: WorkbenchClaim[];
  /** How many parts the article comes in; the first is `children`, the rest are fetched. */
  articleParts: number;
  viewer: WorkbenchViewer;
  children: ReactNode;
}) {
  const { viewer, revisionId } = props;
  const router = useRouter();
  const article = useParams<{ slug: string }>()?.slug ?? revisionId;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [order, setOrder] = useState<Order>("score");
  const [selectedId, setSelectedId] = useState<string | null>(() => inOrder(props.claims, "score").find((c) => c.state !== "dismissed")?.id ?? null);
  const [help, setHelp] = useState(false);
  const [selection, setSelection] = useState<{ start: number; end: number; text: string; top: number; left: number } | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [adding, startAdding] = useTransition();
  const articleRef = useRef<HTMLDivElement>(null);
  const workbenchRef = useRef<HTMLDivElement>(null);
  const reviewRef = useRef<ReviewFormHandle>(null);
  const citationRef = useRef<CitationFormHandle>(null);
  // A verdict key pressed before the selected claim's detail arrived: applied once its form is there.
  const queuedVerdict = useRef<{ claimId: string; verdict: Verdict } | null>(null);

  const articleRest = useArticleRest(revisionId, props.articleParts);
  const { claims, selected, prefetch, storeClaim, storeSave, reload } = useClaimDetails(props.claims, props.details, viewer.id, selectedId);
  const draftScope = useMemo(() => ({ article, userId: viewer.id }), [article, viewer.id]);
  const reviewDrafts = useReviewDrafts(draftScope, selected);
  useLeaveWarning(draftScope);
  useFitToViewport(workbenchRef);
  useWarmArticleParts(articleRef, articleRest);
  const visible = useMemo(() => inOrder(claims.filter((c) => matches(c, filters, viewer.id)), order), [claims, filters, viewer.id, order]);
  const selectedEntry = claims.find((c) => c.id === selectedId) ?? null;
  const selectedAt = visible.findIndex((c) => c.id === selectedId);
  const active = claims.filter((c) => c.state !== "dismissed" && c.state !== "orphaned");
  const reviewed = active.filter((c) => c.verdicts.length > 0).length;
  // The article's later parts as elements made once: a new element per render would make React
  // walk a 50,000-word tree again on every j and every save.
  const articleRestElements = useMemo(
    () =>
      articleRest.map((part, i) => (
        <div key={i} className="article-part">
          <HastContent tree={part} />
        </div>
      )),
    [articleRest],
  );
  const ahead = neighbourIds(visible, selectedAt).join(" ");
  // Once the selected claim is here, fetch its neighbours, so j and k show a complete claim at once.
  useEffect(() => {
    if (selected) prefetch(ahead.split(" ").filter(Boolean));
  }, [selected, ahead, prefetch]);

  useEffect(() => {
    const queued = queuedVerdict.current;
    if (selected && queued?.claimId === selected.id) {
      queuedVerdict.current = null;
      reviewRef.current?.setVerdictAndSave(queued.verdict);
    }
  }, [selected]);

  // `#claim-<id>` opens that claim; read after hydration so server and client render alike.
  useEffect(() => {
    const fromHash = /^#claim-(.+)$/.exec(window.location.hash)?.[1];
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is outside React; read once on arrival
    if (fromHash && claims.some((c) => c.id === fromHash)) setSelectedId(fromHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on arrival
  }, []);

  // The list item to focus once it is drawn: in the same commit as the selection, not a frame later.
  const focusNext = useRef<string | null>(null);
  const select = useCallback((id: string, focusList = true) => {
    setSelectedId(id);
    if (typeof window !== "undefined") history.replaceState(null, "", `#claim-${id}`);
    focusNext.current = focusList ? id : null;
    // Already selected: nothing re-renders, and its item is there to focus now.
    if (focusList && document.getElementById(`claim-item-${id}`)?.getAttribute("aria-current")) focusPending(focusNext);
  }, []);
  useLayoutEffect(() => focusPending(focusNext), [selectedId]);

  const move = useCallback(
    (step: number) => {
      if (visible.length === 0) return;
      const at = visible.findIndex((c) => c.id === selectedId);
      const next = visible[at === -1 ? 0 : Math.min(visible.length - 1, Math.max(0, at + step))];
      if (next) select(next.id);
    },
    [visible, selectedId, select],
  );

  const bindings = useMemo(() => {
    const map: Record<string, () => void> = {
      j: () => move(1),
      k: () => move(-1),
      "?": () => setHelp(true),
      n: () => reviewRef.current?.focusNote(),
      c: () => citationRef.current?.open(),
      Escape: () => selectedId && document.getElementById(`claim-item-${selectedId}`)?.focus(),
    };
    for (const [key, verdict] of Object.entries(KEY_VERDICTS)) {
      map[key] = () => {
        if (reviewRef.current) reviewRef.current.setVerdictAndSave(verdict);
        else if (selectedId) queuedVerdict.current = { claimId: selectedId, verdict };
      };
    }
    return map;
  }, [move, selectedId]);
  useKeyboardShortcuts(bindings, !help);

  // Highlight the selected claim's marks in the article and bring them into view.
  useEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    root.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    if (!selectedId) return;
    const marks = root.querySelectorAll(`mark[data-claim-id="${CSS.escape(selectedId)}"]`);
    marks.forEach((m) => m.classList.add("selected"));
    marks[0]?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    // The marks are drawn again only when the article is (a refresh after a correction, the later
    // parts' arrival), not when a save changes the list: a save must not scroll the article.
  }, [selectedId, props.children, articleRest]);

  function onArticleClick(event: React.MouseEvent | React.KeyboardEvent) {
    if ("key" in event && event.key !== "Enter") return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-claim-id]");
    if (mark?.dataset.claimId) select(mark.dataset.claimId, false);
  }

  function onSelectionEnd() {
    const root = articleRef.current;
    if (!root) return;
    const span = selectionToSourceSpan(root, window.getSelection());
    if (!span || span.text.trim().length < 2) return setSelection(null);
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const box = root.getBoundingClientRect();
    // The article scrolls on its own on a wide screen: place the popover in its content, not its box.
    setSelection({ ...span, top: rect.bottom - box.top + root.scrollTop + 4, left: Math.max(0, rect.left - box.left + root.scrollLeft) });
  }

  function addFromSelection() {
    if (!selection) return;
    startAdding(async () => {
      const result = await addClaimAction({ revisionId, sourceStart: selection.start, sourceEnd: selection.end });
      if (!result.ok) return setAddError(result.error.message);
      setAddError(null);
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      // Select first: select() writes the URL hash, and a history update after refresh() would
      // drop the refresh that brings the new claim.
      select(result.data.id, false);
      router.refresh();
    });
  }

  // "Merge with next" means the next claim in the text, whatever order the list shows.
  const inText = useMemo(() => claims.filter((c) => c.state !== "dismissed" && c.state !== "orphaned").sort((a, b) => a.sourceStart - b.sourceStart), [claims]);
  const selectedIndex = selected ? inText.findIndex((c) => c.id === selected.id) : -1;
  const nextClaimId = selectedIndex >= 0 ? (inText[selectedIndex + 1]?.id ?? null) : null;

  return (
    <DraftsContext value={reviewDrafts.context}>
      <div className="workbench" ref={workbenchRef}>
        {/* Scrolls on its own on a wide screen: focusable, so the keyboard can scroll it too. */}
        <div className="workbench-article" ref={articleRef} role="region" aria-label="Article text" tabIndex={0} onMouseUp={onSelectionEnd} onKeyUp={(e) => (e.shiftKey ? onSelectionEnd() : onArticleClick(e))} onClick={onArticleClick}>
          <div className="article-text" data-testid="article-text">
            <div className="article-part">{props.children}</div>
            {articleRestElements}
          </div>
          {selection ? (
            // The popover sits inside the article: its own mouse events must not re-read (and so clear)
            // the selection before the click lands, and pressing it must not collapse the selection.
            <div
              className="selection-popover"
              style={{ top: selection.top, left: selection.left }}
              onMouseDown={(e) => e.preventDefault()}
              onMouseUp={(e) => e.stopPropagation()}
              onClick={(e) => e.stopPropagation()}
            >
              <button type="button" className="button primary" onClick={addFromSelection} disabled={adding}>
                {adding ? "Adding…" : "Add claim"}
              </button>
            </div>
          ) : null}
          {addError ? (
            <div role="alert" className="form-error">
              {addError}
            </div>
          ) : null}
        </div>
        <section className="workbench-queue" aria-label="Claim list">
          <div className="progress-line">
            <label htmlFor="review-progress">
              {reviewed} of {active.length} claims reviewed
            </label>
            <progress id="review-progress" max={active.length || 1} value={reviewed} />
            <button type="button" className="button link" onClick={() => setHelp(true)}>
              Shortcuts <kbd aria-hidden="true">?</kbd>
            </button>
          </div>
          <ClaimFilters filters={filters} onChange={setFilters} />
          <label className="queue-order">
            Order{" "}
            <select value={order} onChange={(e) => setOrder(e.target.value === "text" ? "text" : "score")}>
              <option value="score">Likeliest claims first</option>
              <option value="text">As in the text</option>
            </select>
          </label>
          <ClaimList visible={visible} selectedId={selectedId} viewerId={viewer.id} onSelect={select} />
        </section>
        <div className="workbench-claim">
          {selected ? (
            <ClaimDetail
              claim={selected}
              onSaved={(claim) => {
                storeClaim(claim);
                reviewDrafts.saved(claim.id);
              }}
              onReviewSaved={(answer) => {
                storeSave(answer);
                reviewDrafts.saved(answer.claim.id);
              }}
              onReload={() => reload(selected.id)}
              viewer={viewer}
              nextClaimId={nextClaimId}
              draft={reviewDrafts.draftOf(selected)}
              onDraftChange={(d) => reviewDrafts.change(selected, d)}
              onSelect={(id) => select(id, false)}
              reviewRef={reviewRef}
              citationRef={citationRef}
            />
          ) : selectedEntry ? (
            <section className="claim-detail stack" aria-labelledby="claim-detail-heading" data-testid="claim-detail" aria-busy="true">
              <h2 id="claim-detail-heading">Claim</h2>
              <blockquote className={`claim-quote kind-${selectedEntry.kind}`}>{selectedEntry.text}</blockquote>
              <p className="muted">Loading its reviews…</p>
            </section>
          ) : (
            <p className="muted">Select a claim (j / k) to review it.</p>
          )}
        </div>
        <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      </div>
    </DraftsContext>
  );
}

/** Focuses the list item a selection asked for, once. */
function focusPending(pending: { current: string | null }): void {
  const id = pending.current;
  pending.current = null;
  if (id) document.getElementById(`claim-item-${id}`)?.focus();
}

/** The claims next to the selected one in the list, loaded ahead so j and k do not wait. */
function neighbourIds(visible: readonly ClaimListEntry[], at: number): string[] {
  return [visible[at + 1], visible[at - 1], visible[at + 2]].filter((c): c is ClaimListEntry => !!c).map((c) => c.id);
}
