import { AppError } from "@/lib/errors";
import { bearerTokenOf } from "./api-tokens";

/**
 * Cross-site request forgery, for route handlers. A browser attaches the session cookie to any
 * request towards our host that comes from the same *site*, and another port of the same host is
 * the same site: an auto-submitted form there, or a `no-cors` fetch with a `text/plain` body, would
 * write as the signed-in editor. Server actions have Next's own Origin check; route handlers get this
 * one, applied by `guardedRoute` (lib/auth/guard.ts) to every route so that no new route can forget it.
 *
 * The decision, for a method that may change state (anything but GET, HEAD and OPTIONS):
 * - `Authorization: Bearer …`: passes. The cookie is then never consulted (getRequestViewer), and
 *   a page elsewhere cannot set that header without a CORS preflight we never grant.
 * - `Sec-Fetch-Site` present: passes only when it is `same-origin`. A browser sets it and a page
 *   cannot change it; `same-site` (another port), `cross-site` and `none` are all refused, `none`
 *   too because a typed address or a bookmark never sends a POST.
 * - otherwise `Origin` present (browsers that don't send Sec-Fetch-Site, and plain-http hosts other
 *   than localhost, where browsers leave it out): passes when it names our own origin, see
 *   isOwnOrigin. `Origin: null` (sandboxed frames, redirects) never does.
 * - neither header: refused. Every browser sends Origin with a POST, so what has neither is a
 *   script with a copied cookie, such as curl; scripts use an API token instead.
 */

/** Methods that must not change state, so they carry no forgery risk and pass unchecked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_MESSAGE = "This request came from another site; use Claimdesk's own pages, or an API token.";

/**
 * Whether `origin` (an Origin header) is this app's own origin: its host (with port) equals the
 * request's `Host` header, or it equals the configured public URL's origin. `X-Forwarded-Host` is
 * not consulted: a deployment behind a proxy that rewrites Host sets CLAIMDESK_PUBLIC_URL instead.
 * The scheme is not compared with Host's (the Host header has none); Sec-Fetch-Site, which does
 * compare it, is preferred whenever the browser sends it.
 */
export function isOwnOrigin(origin: string, host: string | null, publicUrl: string | null): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  if (host && parsed.host === host.toLowerCase()) return true;
  const configured = publicUrl ? parseOrigin(publicUrl) : null;
  return configured !== null && configured.origin === parsed.origin;
}

/**
 * Whether a request may act with the credentials it carries, by the rules above. Pure: reads the
 * method and headers only, never the body.
 */
export function isSameOriginOrToken(request: Request, publicUrl: string | null = process.env.CLAIMDESK_PUBLIC_URL ?? null): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const headers = request.headers;
  if (bearerTokenOf(headers.get("authorization")) !== undefined) return true;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite.trim().toLowerCase() === "same-origin";
  const origin = headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, headers.get("host"), publicUrl);
  return false;
}

/**
 * Throws FORBIDDEN (403) for a state-changing request that carries cookies from another site or
 * no proof of where it came from; see isSameOriginOrToken.
 */
export function assertSameOriginOrToken(request: Request, publicUrl: string | null = process.env.CLAIMDESK_PUBLIC_URL ?? null): void {
  if (!isSameOriginOrToken(request, publicUrl)) throw new AppError("FORBIDDEN", CROSS_SITE_MESSAGE);
}

function parseOrigin(value: string): { origin: string; host: string } | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return { origin: url.origin, host: url.host.toLowerCase() };
  } catch {
    return null;
  }
}
