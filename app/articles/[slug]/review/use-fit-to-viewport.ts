"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * Tells the stylesheet where the workbench starts (`--workbench-top`), so on a wide screen its
 * columns fill the window below the header and breadcrumb exactly, each scrolling on its own, and
 * the page itself never scrolls (issue 15, item 7). Measured, not guessed, because the header and
 * breadcrumb above it change height with the viewer's name and the article's title.
 */
export function useFitToViewport(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => element.style.setProperty("--workbench-top", `${Math.ceil(element.getBoundingClientRect().top + window.scrollY)}px`);
    measure();
    window.addEventListener("resize", measure);
    // What is above can change after arrival (fonts, a wrapped breadcrumb): the body's size follows.
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => {
      window.removeEventListener("resize", measure);
      observer?.disconnect();
    };
  }, [ref]);
}
