import "server-only";
import { Slug } from "@/lib/articles/import-article";
import { getViewer } from "@/lib/auth/viewer";
import { readingAccess } from "./access";
import { getReadingDocument, getReadingStamp } from "./get-reading-view";
import { readingResponse, type ReadingOutcome } from "./reading-response";
import { hasSessionCookie } from "./session-cookie";
import { readingPath } from "./published-verdicts";
import { publicUrl } from "./site-origin";

type Viewer = Awaited<ReturnType<typeof getViewer>>;

/**
 * The reading view of `rawSlug` for this request (app/a/[slug]/route.ts and its br twin). With
 * `brotli`, next.config.js has labelled the response `Content-Encoding: br` for a signed-out reader,
 * so the reader is signed out and the shared brotli copy is sent; without it, the page is sent as
 * it is and next start gzips it when the client accepts that.
 */
export async function serveReadingView(request: Request, rawSlug: string, options: { brotli: boolean }): Promise<Response> {
  // A signed-out reader is known from the cookies alone; auth() is asked only about a session.
  const viewer = !options.brotli && hasSessionCookie(request.headers.get("cookie")) ? await getViewer() : null;
  const outcome = await resolve(rawSlug, viewer);
  return readingResponse(outcome, viewer, { ifNoneMatch: request.headers.get("if-none-match"), acceptEncoding: options.brotli ? "br" : null });
}

async function resolve(rawSlug: string, viewer: Viewer): Promise<ReadingOutcome> {
  const slug = Slug.safeParse(rawSlug);
  if (!slug.success) return { kind: "hidden" };
  const stamp = await getReadingStamp(slug.data);
  if (!stamp || readingAccess(stamp.status, viewer) === "hidden") return { kind: "hidden" };
  // From configuration, never from the request's Host: this page is kept by shared caches (site-origin.ts).
  const document = await getReadingDocument(stamp, publicUrl(readingPath(slug.data)));
  // Access is checked again on what was rendered (readingResponse), in case it was unpublished in between.
  return document ? { kind: "document", slug: slug.data, ...document } : { kind: "hidden" };
}
