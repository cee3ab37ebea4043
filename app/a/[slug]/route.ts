import { headers } from "next/headers";
import { Slug } from "@/lib/articles/import-article";
import { getViewer } from "@/lib/auth/viewer";
import { readingAccess } from "@/lib/reading/access";
import { getReadingDocument, getReadingStamp } from "@/lib/reading/get-reading-view";
import { readingResponse, type ReadingOutcome } from "@/lib/reading/reading-response";
import { hasSessionCookie } from "@/lib/reading/session-cookie";
import { siteOrigin } from "@/lib/reading/site-origin";

export const dynamic = "force-dynamic";

/**
 * The public annotated reading view (issue 5) as a complete server-built HTML document, readable
 * with JavaScript off; public/reading/enhance.js adds the popover and filters. A route handler, not
 * a page: a page would send the article's HTML twice, once as HTML and once inside the React flight
 * payload, which for a long article costs more than everything else (lib/reading/reading-document.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  // A signed-out reader is known from the cookies alone; auth() is asked only about a session.
  const viewer = hasSessionCookie(request.headers.get("cookie")) ? await getViewer() : null;
  const outcome = await resolve((await params).slug, viewer);
  // Accept-Encoding is not passed on: Next 16 drops a route handler's Content-Encoding header (see
  // FORBIDDEN_HEADERS in next/dist/server/send-response.js), so precompressed bytes would reach the
  // browser unlabelled. next start gzips the page itself when the client accepts it.
  return readingResponse(outcome, viewer, { ifNoneMatch: request.headers.get("if-none-match"), acceptEncoding: null });
}

async function resolve(rawSlug: string, viewer: Awaited<ReturnType<typeof getViewer>>): Promise<ReadingOutcome> {
  const slug = Slug.safeParse(rawSlug);
  if (!slug.success) return { kind: "hidden" };
  const stamp = await getReadingStamp(slug.data);
  if (!stamp || readingAccess(stamp.status, viewer) === "hidden") return { kind: "hidden" };
  const requestHeaders = await headers();
  const pageUrl = `${siteOrigin((name) => requestHeaders.get(name))}/a/${slug.data}`;
  const document = await getReadingDocument(stamp, pageUrl);
  // Access is checked again on what was rendered (readingResponse), in case it was unpublished in between.
  return document ? { kind: "document", ...document } : { kind: "hidden" };
}
