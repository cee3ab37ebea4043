import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { readingAccess } from "./access";

/** One revision's text as imported, with what decides who may read it. */
export type RevisionText = { status: string; text: string; contentHash: string };

/**
 * The text of revision `number` of an article: the W3C annotations' target (their selectors count
 * code points into exactly this text). Null for an unknown article or revision.
 */
export async function readRevisionText(db: Database, slug: string, number: number): Promise<RevisionText | null> {
  const revision = await db.revision.findFirst({
    where: { number, article: { slug } },
    select: { text: true, contentHash: true, article: { select: { status: true } } },
  });
  return revision ? { status: revision.article.status, text: revision.text, contentHash: revision.contentHash } : null;
}

/**
 * The HTTP answer for a revision's text, with the reading view's rules (access.ts, through the
 * policy module): anyone may read a published article's revisions; staff who may open the
 * workbench may read a draft's (never cached); anyone else gets the same 404 as for an article
 * that does not exist. A revision never changes, so its content hash is a strong ETag.
 */
export function revisionTextResponse(found: RevisionText | null, viewer: Viewer): Response {
  const access = found ? readingAccess(found.status, viewer) : "hidden";
  if (!found || access === "hidden") {
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  return new Response(found.text, {
    status: 200,
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      ETag: `"${found.contentHash}"`,
      "Cache-Control": access === "public" && viewer === null ? "public, max-age=300" : "private, no-store",
      ...(access === "preview" ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}
