/**
 * The absolute origin the reading view is served from, for ClaimReview `url` and OpenGraph tags.
 * A deployment sets CLAIMDESK_PUBLIC_URL (behind a proxy the Host header is not to be trusted);
 * otherwise the request's own host is used when it looks like a host name.
 */
export function siteOrigin(header: (name: string) => string | null, configured: string | undefined = process.env.CLAIMDESK_PUBLIC_URL): string {
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
    } catch {
      // fall through to the request's host
    }
  }
  const host = header("x-forwarded-host") ?? header("host") ?? "localhost";
  const proto = header("x-forwarded-proto") === "https" ? "https" : "http";
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? `${proto}://${host}` : "http://localhost";
}
