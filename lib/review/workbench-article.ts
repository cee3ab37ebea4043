import "server-only";
import type { Root } from "hast";
import { KIND_LABELS, type ClaimKind } from "@/lib/domain/vocabulary";
import { renderArticle } from "@/lib/render/article-html";
import { BoundedCache, contentKey } from "./bounded-cache";

export type MarkableClaim = { id: string; kind: string; state: string; sourceStart: number; sourceEnd: number };

/**
 * A few long articles' trees (each a few MB for a 50,000-word text). Safe on several app servers:
 * a revision's text never changes once written, and the key names the revision and every mark
 * drawn on it, so a server can only ever serve the tree of exactly this text and these claims.
 */
const articles = new BoundedCache<Root>(8);

/**
 * The workbench's article body: the revision's Markdown with a mark per claim and source-offset
 * spans, rendered once per revision and set of marks, not on every request. The marks carry no
 * verdict: a verdict is the viewer's and changes with every save, and would make the tree (and
 * the cache) per person; the list and the detail show verdicts instead. The tree is shared:
 * callers must not change it.
 */
export function workbenchArticle(revision: { id: string; text: string }, claims: readonly MarkableClaim[]): Root {
  // Orphans sit on an older revision: their offsets mean nothing in this text.
  const marked = claims
    .filter((c) => c.state !== "dismissed" && c.state !== "orphaned")
    .map((c) => ({ id: c.id, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd, kind: c.kind, verdict: null, label: `${KIND_LABELS[c.kind as ClaimKind] ?? c.kind} claim` }));
  const key = contentKey(revision.id, marked.map((m) => `${m.id}:${m.sourceStart}:${m.sourceEnd}:${m.kind}`).join(","));
  return articles.get(key, () => renderArticle(revision.text, { sourceOffsets: true, claims: marked }));
}
