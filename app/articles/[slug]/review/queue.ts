/**
 * The workbench's queue order, shared by the page (which claims it sends in full) and the client
 * list. Pure: no React, runs on either side.
 */

/** Likeliest claims first (the model's score), or as they stand in the text. */
export type Order = "score" | "text";

type Queued = { id: string; state: string; score: number };

/**
 * The list in queue order. Claims come from the server in reading order (orphans last), so a stable
 * sort by score keeps reading order among equals; orphans stay last either way.
 */
export function inOrder<T extends Queued>(claims: readonly T[], order: Order): T[] {
  if (order === "text") return [...claims];
  const orphan = (c: T) => Number(c.state === "orphaned");
  return [...claims].sort((a, b) => orphan(a) - orphan(b) || b.score - a.score);
}

/** The ids of the first `count` claims a reviewer meets: the selected one on arrival, then j, j… */
export function queueHead(claims: readonly Queued[], count: number): string[] {
  const ordered = inOrder(claims, "score");
  const start = Math.max(0, ordered.findIndex((c) => c.state !== "dismissed"));
  return ordered.slice(start, start + count).map((c) => c.id);
}

/**
 * The part of the list drawn around the selected claim: the first screen (and each j) renders a
 * window, not all 2,000 items. The window follows the selection, so j/k never leave it.
 */
export function listWindow(length: number, selectedIndex: number, before = 30, after = 70): { from: number; to: number } {
  const at = Math.max(0, selectedIndex);
  const from = Math.max(0, at - before);
  return { from, to: Math.min(length, from + before + after) };
}
