import type { Viewer } from "@/lib/auth/policy";
import { readingAccess } from "./access";
import { accountHtml, notFoundDocument } from "./reading-document";

/** What a reading-view request resolved to; see the route handler app/a/[slug]/route.ts. */
export type ReadingOutcome =
  | { kind: "hidden" }
  | { kind: "document"; status: string; before: Uint8Array; after: Uint8Array; etag: string };

const encoder = new TextEncoder();

/**
 * Turns a resolved reading view into the HTTP response. A signed-out reader of a published article
 * gets a page that is the same for everyone: `public` for a minute at a CDN with an ETag (answered
 * with 304 when the client has it). A page with a name in it (signed in) or a preview is
 * `private, no-store`. A hidden or unknown article is a 404 page that says nothing about it.
 */
export function readingResponse(outcome: ReadingOutcome, viewer: Viewer, ifNoneMatch: string | null): Response {
  const html = { "Content-Type": "text/html; charset=utf-8" };
  const access = outcome.kind === "document" ? readingAccess(outcome.status, viewer) : "hidden";
  if (outcome.kind === "hidden" || access === "hidden") {
    return new Response(notFoundDocument(viewer), { status: 404, headers: { ...html, "Cache-Control": "private, no-store" } });
  }
  const shared = access === "public" && viewer === null;
  const headers: Record<string, string> = shared
    ? { ...html, "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300", ETag: outcome.etag, Vary: "Cookie" }
    : { ...html, "Cache-Control": "private, no-store", ...(access === "preview" ? { "X-Robots-Tag": "noindex, nofollow" } : {}) };
  if (shared && ifNoneMatch !== null && matchesEtag(ifNoneMatch, outcome.etag)) {
    return new Response(null, { status: 304, headers: { "Cache-Control": headers["Cache-Control"]!, ETag: outcome.etag, Vary: "Cookie" } });
  }
  const account = encoder.encode(accountHtml(viewer));
  const parts = [outcome.before, account, outcome.after];
  // The cached bytes are sent as they are, never copied into one buffer or re-encoded per request.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers });
}

/** If-None-Match: `*` or a list of (weak or strong) tags; weak comparison, as RFC 9110 asks for GETs. */
export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
