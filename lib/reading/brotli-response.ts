import { Readable } from "node:stream";
import { constants, createBrotliCompress } from "node:zlib";
import { ACCEPTS_BR, SESSION_COOKIES } from "./brotli-condition.mjs";

const acceptsBr = new RegExp(`^${ACCEPTS_BR}$`);

/**
 * Whether next.config.js labelled this request's response `Content-Encoding: br`: the same test as
 * Next's `has`/`missing` matching over lib/reading/brotli-condition.mjs (the header's value against
 * the anchored pattern; a cookie counts only with a non-empty value, the first of a name winning).
 * The br route sends brotli exactly when this holds, and otherwise the plain reading view.
 */
export function servesBrotli(headers: Headers): boolean {
  const acceptEncoding = headers.get("accept-encoding");
  if (acceptEncoding === null || !acceptsBr.test(acceptEncoding)) return false;
  const cookies = parseCookies(headers.get("cookie"));
  return SESSION_COOKIES.every((name) => !cookies.get(name));
}

/** Cookie values by name, as Next's cookie parser reads them: first occurrence wins, quotes dropped. */
function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * A response whose body is brotli, for a request next.config.js has already labelled `br`: the
 * precompressed page passes as it is; anything else with a body (the 404 page, a page without a
 * shared copy) is compressed on the way, so the label never lies about the bytes.
 */
export function brotliResponse(response: Response): Response {
  if (response.body === null || response.headers.get("content-encoding") === "br") return response;
  const headers = new Headers(response.headers);
  headers.set("Content-Encoding", "br");
  // Its ETag named the uncompressed bytes; these are others, compressed per request.
  headers.delete("ETag");
  const compressor = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
  const body = Readable.toWeb(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(compressor)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: response.status, headers });
}

/** A 500 for a request already labelled `br`: Next's own error page would go out uncompressed. */
export function brotliServerError(): Response {
  return brotliResponse(new Response("Internal Server Error", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } }));
}
