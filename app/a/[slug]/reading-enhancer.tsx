"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

type Option = { id: string; label: string; count: number };

type OpenClaim = { id: string; mark: HTMLElement; top: number; left: number };

const CLAIM_HASH = /^#claim-(.+)$/;
const noSubscribe = () => () => {};

/**
 * The reading view's only client code, layered on server HTML that already works without it: a
 * popover for a claim (click or Enter on a mark; Escape closes and returns focus; `#claim-<id>`
 * opens one), and filters that unmark claims by kind or verdict. The popover shows a copy of the
 * claim's entry in the server-rendered list after the article, so no claim data is sent twice.
 */
export function ReadingEnhancer({
  kinds,
  verdicts,
  counts,
  children,
}: {
  kinds: Option[];
  verdicts: Option[];
  /** Claims by "<kind> <verdict>", to say how many remain marked. */
  counts: Record<string, number>;
  children: ReactNode;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<OpenClaim | null>(null);
  const openRef = useRef<OpenClaim | null>(null);
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<string>>(new Set());
  const [hiddenVerdicts, setHiddenVerdicts] = useState<ReadonlySet<string>>(new Set());
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);

  const openClaim = useCallback((id: string, options: { updateHash: boolean }) => {
    const mark = document.getElementById(`claim-${id}`);
    if (!mark || !rootRef.current?.contains(mark)) return;
    const rect = mark.getBoundingClientRect();
    const rootRect = rootRef.current.getBoundingClientRect();
    setOpen({ id, mark, top: rect.bottom - rootRect.top + 6, left: Math.max(0, rect.left - rootRect.left) });
    if (options.updateHash) history.replaceState(null, "", `#claim-${id}`);
  }, []);

  const close = useCallback((returnFocus: boolean) => {
    const current = openRef.current;
    setOpen(null);
    if (current && returnFocus) current.mark.focus();
    if (CLAIM_HASH.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }, []);

  // Marks become buttons that open the popover; the verdict-tag links stay for no-JS readers only.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    for (const mark of root.querySelectorAll<HTMLElement>('mark[id^="claim-"]')) {
      if (mark.querySelector("a, [tabindex]")) continue; // a mark holding another claim's mark stays a plain mark
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-haspopup", "dialog");
      mark.setAttribute("aria-expanded", "false");
    }
    for (const link of root.querySelectorAll<HTMLElement>(".verdict-tag a")) link.tabIndex = -1;
  }, []);

  // Clicks and Enter/Space on a mark open its claim.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const claimOf = (target: EventTarget | null) => {
      const element = target instanceof Element ? target : null;
      if (!element || element.closest("a") || element.closest(".claim-popover")) return null;
      return element.closest<HTMLElement>("mark[data-claim-id]")?.dataset.claimId ?? null;
    };
    const onClick = (event: MouseEvent) => {
      const id = claimOf(event.target);
      if (id) openClaim(id, { updateHash: true });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      const target = event.target as HTMLElement;
      if (target.tagName !== "MARK" || !target.id.startsWith("claim-")) return;
      const id = claimOf(target);
      if (!id) return;
      event.preventDefault();
      openClaim(id, { updateHash: true });
    };
    root.addEventListener("click", onClick);
    root.addEventListener("keydown", onKeyDown);
    return () => {
      root.removeEventListener("click", onClick);
      root.removeEventListener("keydown", onKeyDown);
    };
  }, [openClaim]);

  // `#claim-<id>` opens that claim, on arrival and when the hash changes; other hashes close it.
  useEffect(() => {
    const follow = () => {
      const match = CLAIM_HASH.exec(location.hash);
      if (match?.[1]) openClaim(decodeURIComponent(match[1]), { updateHash: false });
      else setOpen(null);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [openClaim]);

  // The open popover: copy the claim's entry in, mark its button expanded, take focus.
  useLayoutEffect(() => {
    openRef.current = open;
    const body = bodyRef.current;
    if (!open || !body) return;
    const entry = document.getElementById(`detail-${open.id}`)?.querySelector(".claim-detail-body");
    const copy = entry?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll("[id]").forEach((node) => node.removeAttribute("id"));
    body.replaceChildren(...(copy ? [copy] : []));
    open.mark.setAttribute("aria-expanded", "true");
    popoverRef.current?.focus();
    return () => open.mark.setAttribute("aria-expanded", "false");
  }, [open]);

  // Escape closes and returns focus; a click outside closes.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popoverRef.current?.contains(target) && !open.mark.contains(target)) close(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, close]);

  // Filtered-out claims are unmarked: not styled (CSS) and not in the tab order.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    for (const mark of root.querySelectorAll<HTMLElement>('mark[id^="claim-"]')) {
      const hidden = hiddenKinds.has(mark.dataset.kind ?? "") || hiddenVerdicts.has(mark.dataset.verdict ?? "");
      mark.tabIndex = hidden ? -1 : 0;
    }
  }, [hiddenKinds, hiddenVerdicts]);

  const filterClasses = [...[...hiddenKinds].map((k) => `hide-kind-${k}`), ...[...hiddenVerdicts].map((v) => `hide-verdict-${v}`)];
  const shown = Object.entries(counts).reduce((sum, [pair, count]) => {
    const [kind = "", verdict = ""] = pair.split(" ");
    return hiddenKinds.has(kind) || hiddenVerdicts.has(verdict) ? sum : sum + count;
  }, 0);
  return (
    <div ref={rootRef} className={["reading-content", ...filterClasses].join(" ")}>
      {hydrated ? (
        <fieldset className="reading-filters">
          <legend>Show claims</legend>
          <FilterGroup name="Kind" options={kinds} hidden={hiddenKinds} onChange={setHiddenKinds} />
          <FilterGroup name="Verdict" options={verdicts} hidden={hiddenVerdicts} onChange={setHiddenVerdicts} />
          <p className="small muted" role="status">
            {shown} of {kinds.reduce((sum, k) => sum + k.count, 0)} claims marked
          </p>
        </fieldset>
      ) : null}
      {children}
      {open ? (
        <div
          ref={popoverRef}
          className="claim-popover"
          role="dialog"
          aria-label="Claim, verdict and sources"
          tabIndex={-1}
          style={{ top: open.top, left: open.left }}
        >
          <div ref={bodyRef} />
          <button type="button" className="button" onClick={() => close(true)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}

function FilterGroup({
  name,
  options,
  hidden,
  onChange,
}: {
  name: string;
  options: Option[];
  hidden: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}) {
  return (
    <div className="filter-group" role="group" aria-label={name}>
      <span className="filter-name">{name}:</span>
      {options
        .filter((option) => option.count > 0)
        .map((option) => (
          <label key={option.id} className="check">
            <input
              type="checkbox"
              checked={!hidden.has(option.id)}
              onChange={(event) => {
                const next = new Set(hidden);
                if (event.target.checked) next.delete(option.id);
                else next.add(option.id);
                onChange(next);
              }}
            />
            {option.label} ({option.count})
          </label>
        ))}
    </div>
  );
}
