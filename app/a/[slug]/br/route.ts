import { brotliResponse, brotliServerError, servesBrotli } from "@/lib/reading/brotli-response";
import { serveReadingView } from "@/lib/reading/serve-reading-view";

export const dynamic = "force-dynamic";

/**
 * The reading view's precompressed brotli copy, where next.config.js rewrites /a/<slug> for a
 * signed-out reader who accepts brotli, after labelling the response `Content-Encoding: br` (Next 16
 * drops a handler's own). Every body sent under that label is brotli, the 404 page included. A
 * request the label was not set for (opening /a/<slug>/br directly without brotli, or signed in)
 * gets the plain reading view, as /a/<slug> would answer it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = (await params).slug;
  if (!servesBrotli(request.headers)) return serveReadingView(request, slug, { brotli: false });
  try {
    return brotliResponse(await serveReadingView(request, slug, { brotli: true }));
  } catch (error) {
    console.error("reading view (br) failed", error);
    return brotliServerError();
  }
}
