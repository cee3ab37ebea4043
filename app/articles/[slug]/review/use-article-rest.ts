"use client";

import type { Root } from "hast";
import { useEffect, useState } from "react";

/**
 * The article's parts after the first, fetched once the workbench is interactive (see
 * workbenchArticle): the first screen needs only the start of a long article. `parts` is 1 for an
 * article that fits in one part, and nothing is fetched.
 */
export function useArticleRest(revisionId: string, parts: number): Root[] {
  const [rest, setRest] = useState<Root[]>([]);
  useEffect(() => {
    if (parts <= 1) return;
    let live = true;
    void fetch(`${window.location.pathname.replace(/\/$/, "")}/article?from=1`, { cache: "no-store" })
      .then(async (response) => (response.ok ? ((await response.json()) as { revisionId: string; parts: Root[] }) : null))
      .catch(() => null)
      .then((answer) => {
        // A newer revision since the page was drawn: its parts would not line up with the first.
        if (live && answer && answer.revisionId === revisionId) setRest(answer.parts);
      });
    return () => {
      live = false;
    };
  }, [revisionId, parts]);
  return rest;
}
