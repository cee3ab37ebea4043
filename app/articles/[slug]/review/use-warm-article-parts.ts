"use client";

import { useEffect, type RefObject } from "react";

/**
 * Lays out the article's parts one at a time while the browser is idle. The parts are skipped
 * while off screen (content-visibility in workbench.css), so the first j to a claim in a part not
 * yet seen would pay that part's layout (about 40,000 characters) before the claim shows. A
 * geometry read inside a skipped part makes the browser lay it out, and it keeps that layout while
 * the part is off screen, so j later only paints.
 */
export function useWarmArticleParts(articleRef: RefObject<HTMLElement | null>, generation: unknown): void {
  useEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    const parts = [...root.querySelectorAll<HTMLElement>(".article-part")];
    if (parts.length < 2) return;
    const idle = (run: () => void) =>
      typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(run, { timeout: 2_000 }) : window.setTimeout(run, 50);
    let live = true;
    const warm = (i: number) => {
      if (!live || i >= parts.length) return;
      parts[i]!.lastElementChild?.getBoundingClientRect();
      idle(() => warm(i + 1));
    };
    idle(() => warm(0));
    return () => {
      live = false;
    };
  }, [articleRef, generation]);
}
