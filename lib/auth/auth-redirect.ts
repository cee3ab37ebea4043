import { safeCallbackUrl } from "./sign-in-input";

/**
 * Where Auth.js may send the browser after signing in or out: same-origin paths only, each through
 * the one callback-URL normaliser, so no crafted `callbackUrl` or `redirectTo` leaves the site.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackUrl(url)}`;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return baseUrl;
  }
  if (target.origin !== new URL(baseUrl).origin) return baseUrl;
  return `${target.origin}${safeCallbackUrl(target.pathname + target.search + target.hash)}`;
}
