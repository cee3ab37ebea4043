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
const articles = new BoundedCache<Root[]>(8);

/** About this many characters of source per part: the first part is the first screen's article. */
const PART_CHARS = 40_000;

/**
 * The workbench's article body: the revision's Markdown with a mark per claim and source-offset
 * spans, rendered once per revision and set of marks, not on every request. It comes in parts of
 * whole top-level blocks (about PART_CHARS of source each): the page renders the first, and the
 * workbench fetches the rest after it is interactive (GET …/review/article), so a 50,000-word
 * article is not in the first response twice (as HTML and as the React payload). The marks carry no
 * verdict: a verdict is the viewer's and changes with every save, and would make the tree (and
 * the cache) per person; the list and the detail show verdicts instead. The tree is shared:
 * callers must not change it.
 */
export function workbenchArticle(revision: { id: string; text: string }, claims: readonly MarkableClaim[]): Root[] {
  // Orphans sit on an older revision: their offsets mean nothing in this text.
  const marked = claims
    .filter((c) => c.state !== "dismissed" && c.state !== "orphaned")
    .map((c) => ({ id: c.id, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd, kind: c.kind, verdict: null, label: `${KIND_LABELS[c.kind as ClaimKind] ?? c.kind} claim` }));
  const key = contentKey(revision.id, marked.map((m) => `${m.id}:${m.sourceStart}:${m.sourceEnd}:${m.kind}`).join(","));
  return articles.get(key, () => split(renderArticle(revision.text, { sourceOffsets: true, claims: marked }), Math.ceil(revision.text.length / PART_CHARS)));
}

/** The tree as `count` roots of consecutive top-level blocks, about equal in number. */
function split(tree: Root, count: number): Root[] {
  if (count <= 1) return [tree];
  const size = Math.ceil(tree.children.length / count);
  const parts: Root[] = [];
  for (let i = 0; i < tree.children.length; i += size) parts.push({ type: "root", children: tree.children.slice(i, i + size) });
  return parts.length > 0 ? parts : [tree];
}
