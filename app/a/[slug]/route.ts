import { serveReadingView } from "@/lib/reading/serve-reading-view";

export const dynamic = "force-dynamic";

/**
 * The public annotated reading view (issue 5) as a complete server-built HTML document, readable
 * with JavaScript off; public/reading/enhance.js adds the popover and filters. A route handler, not
 * a page: a page would send the article's HTML twice, once as HTML and once inside the React flight
 * payload, which for a long article costs more than everything else (lib/reading/reading-document.ts).
 *
 * A signed-out reader who accepts brotli never gets here: next.config.js rewrites that request to
 * ./br/route.ts. What comes here is sent as it is, and next start gzips it per request.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return serveReadingView(request, (await params).slug, { brotli: false });
}
