import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/security/content-security-policy.mjs";

/**
 * The Content-Security-Policy of every page Next renders, with a fresh nonce per request (issue 11,
 * finding 9). Next reads the nonce from the request's own Content-Security-Policy header and puts it
 * on every script it renders, so the policy goes on the request (for Next) and on the response (for
 * the browser). It decides nothing about who may do what (../shared/STYLE.md: middleware only
 * redirects).
 *
 * The matcher leaves out, and next.config.js covers instead with a policy that needs no nonce:
 * - the reading view (/a/…), a document built once and sent precompressed, which has no inline script;
 * - requests with a body (server actions, uploads, API writes): Next would buffer, and cut at 10 MB,
 *   the body of every request the proxy sees (experimental.proxyClientMaxBodySize), and the 50 MB
 *   backup upload is one of them; their answers are data, not pages.
 * Static files (/_next/static, public/reading) need no policy; next.config.js gives them nosniff.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = pagePolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|reading/|a/).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
