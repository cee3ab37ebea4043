import { createHash } from "node:crypto";
import type { Viewer } from "@/lib/auth/policy";
import { plainText } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import { readingAccess } from "./access";

/** One revision's plain text, with what decides who may read it. */
export type RevisionText = { status: string; text: string; etag: string };

/**
 * The plain text of revision `number` of an article (`plainText` of its Markdown: the words a
 * reader sees, every prose block joined by a blank line): the W3C annotations' target, whose
 * selectors count code points into exactly this text (lib/export/web-annotations.ts). Null for an
 * unknown article or revision.
 */
export async function readRevisionText(db: Database, slug: string, number: number): Promise<RevisionText | null> {
  const revision = await db.revision.findFirst({
    where: { number, article: { slug } },
    select: { text: true, article: { select: { status: true } } },
  });
  if (!revision) return null;
  const text = plainText(revision.text);
  // Hashed from what is served, not the Markdown's content hash: the plain text is derived, and a
  // change to the pipeline changes it under the same Markdown.
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  return { status: revision.article.status, text, etag };
}

/**
 * The HTTP answer for a revision's text, with the reading view's rules (access.ts, through the
 * policy module): anyone may read a published article's revisions; staff who may open the
 * workbench may read a draft's (never cached); anyone else gets the same 404 as for an article
 * that does not exist.
 */
export function revisionTextResponse(found: RevisionText | null, viewer: Viewer): Response {
  const access = found ? readingAccess(found.status, viewer) : "hidden";
  if (!found || access === "hidden") {
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  return new Response(found.text, {
    status: 200,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      ETag: found.etag,
      "Cache-Control": access === "public" && viewer === null ? "public, max-age=300" : "private, no-store",
      ...(access === "preview" ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
    },
  });
}
