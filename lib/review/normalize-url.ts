/**
 * Query parameters that only say how a reader arrived (campaign and click trackers): two links
 * that differ only in these are the same source.
 */
const TRACKING_PARAMS = new Set(["fbclid", "gclid", "dclid", "msclkid"]);

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
};

/**
 * Normalises a source URL so the same page cited twice is stored as one Source: lower-case scheme
 * and host, no default port, no fragment, no tracking parameters (utm_…, fbclid, gclid), the remaining query
 * parameters sorted, and no trailing slash except on the root path. Pure; throws a TypeError on a
 * string that is not an absolute URL (the citation schema refuses those first).
 *
 * @example normalizeUrl("HTTPS://Example.org:443/a/?utm_source=x&b=2&a=1#top") // "https://example.org/a?a=1&b=2"
 */
export function normalizeUrl(input: string): string {
  // The WHATWG parser already lower-cases scheme and host and drops a scheme's default port.
  const url = new URL(input.trim());
  url.hash = "";
  url.username = "";
  url.password = "";

  const kept = [...url.searchParams.entries()]
    .filter(([name]) => !isTracking(name))
    .sort(([a, av], [b, bv]) => compare(a, b) || compare(av, bv));
  url.search = "";
  for (const [name, value] of kept) url.searchParams.append(name, value);

  if (url.pathname.length > 1 && url.pathname.endsWith("/")) {
    url.pathname = url.pathname.replace(/\/+$/, "") || "/";
  }
  return url.toString();
}

// Code-unit order, not locale order: the result must not depend on the server's language.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
