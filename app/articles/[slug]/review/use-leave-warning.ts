"use client";

import { useEffect } from "react";
import { browserStorage, hasDrafts, type DraftScope } from "./draft-storage";

/**
 * Asks before the page is left (reload, close, another address) while anything typed on this
 * article is unsaved. The drafts would survive in the browser, but a reviewer closing the tab most
 * likely believes the note was saved. Moving between claims is inside the page and never asks.
 */
export function useLeaveWarning(scope: DraftScope): void {
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      const storage = browserStorage();
      if (!storage || !hasDrafts(storage, scope)) return;
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [scope]);
}
