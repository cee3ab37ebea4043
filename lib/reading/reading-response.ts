import type { Viewer } from "@/lib/auth/policy";
import { readingAccess } from "./access";
import { chooseCoding, type Coding, type Precompressed } from "./precompress";
import { accountHtml, notFoundDocument } from "./reading-document";

/** What a reading-view request resolved to; see the route handler app/a/[slug]/route.ts. */
export type ReadingOutcome =
  | { kind: "hidden" }
  | { kind: "document"; status: string; slug?: string; before: Uint8Array; after: Uint8Array; etag: string; shared?: Precompressed | null };

/** The request headers the response depends on. */
export type ReadingRequest = { ifNoneMatch: string | null; acceptEncoding?: string | null };

const encoder = new TextEncoder();
const SHARED_CACHE = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/**
 * Turns a resolved reading view into the HTTP response. A signed-out reader of a published article
 * gets a page that is the same for everyone: `public` for a minute at a CDN, precompressed (brotli
 * or gzip, whichever the client accepts) with an ETag per coding, and 304 when the client has it.
 * A page with a name in it (signed in) or a preview is `private, no-store`, built from the cached
 * halves around the viewer's name and never from the shared copies. A hidden or unknown article is
 * a 404 page that says nothing about it.
 */
export function readingResponse(outcome: ReadingOutcome, viewer: Viewer, request: ReadingRequest): Response {
  const html = { "Content-Type": "text/html; charset=utf-8" };
  const access = outcome.kind === "document" ? readingAccess(outcome.status, viewer) : "hidden";
  if (outcome.kind === "hidden" || access === "hidden") {
    return new Response(notFoundDocument(viewer), { status: 404, headers: { ...html, "Cache-Control": "private, no-store" } });
  }
  if (access === "public" && viewer === null) {
    const coding = outcome.shared ? chooseCoding(request.acceptEncoding ?? null) : null;
    const etag = etagFor(outcome.etag, coding);
    // Caches key on the coding too: a brotli copy must never reach a client that asked for none.
    const validators = { "Cache-Control": SHARED_CACHE, ETag: etag, Vary: "Cookie, Accept-Encoding" };
    if (request.ifNoneMatch !== null && matchesEtag(request.ifNoneMatch, etag)) return new Response(null, { status: 304, headers: validators });
    const headers: Record<string, string> = { ...html, ...validators, ...(coding ? { "Content-Encoding": coding } : {}) };
    // As a stream even when it is one buffer: new Response(bytes) would copy them per request.
    const parts = coding && outcome.shared ? [outcome.shared[coding]] : [outcome.before, encoder.encode(accountHtml(null)), outcome.after];
    return new Response(stream(parts), { status: 200, headers });
  }
  const headers = { ...html, "Cache-Control": "private, no-store", ...(access === "preview" ? { "X-Robots-Tag": "noindex, nofollow" } : {}) };
  const article = outcome.slug ? { slug: outcome.slug, status: outcome.status } : undefined;
  return new Response(stream([outcome.before, encoder.encode(accountHtml(viewer, article)), outcome.after]), { status: 200, headers });
}

/** The cached bytes are sent as they are, never copied into one buffer or re-encoded per request. */
function stream(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

/** A strong ETag differs per content coding (RFC 9110 §8.8.3): `"<tag>"` as is, `"<tag>-br"` compressed. */
export function etagFor(etag: string, coding: Coding | null): string {
  return coding === null ? etag : `${etag.slice(0, -1)}-${coding}"`;
}

/** If-None-Match: `*` or a list of (weak or strong) tags; weak comparison, as RFC 9110 asks for GETs. */
export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
