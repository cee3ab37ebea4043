"use client";

import { useEffect } from "react";

/** Keys typed into a field are text, never shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Binds single-key shortcuts on the page (j/k, 1–5, u, o, n, c, ?) while no field has focus and no
 * modifier is held, so browser and screen-reader shortcuts keep working. Escape works in fields too.
 */
export function useKeyboardShortcuts(bindings: Record<string, () => void>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // Escape leaves a field and hands the keys back to the shortcuts; anything else typed is text.
      if (isTyping(event.target) && event.key !== "Escape") return;
      const run = bindings[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    }
    window.addEventListener("keydown", onKeyDown);
    // Says the keys now answer: until this effect runs, a key pressed on the server's HTML is lost
    // (tests wait for it rather than for the first paint).
    document.documentElement.dataset.shortcuts = "on";
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      delete document.documentElement.dataset.shortcuts;
    };
  }, [bindings, enabled]);
}
