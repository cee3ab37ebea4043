/**
 * The public origin of the site, from configuration only: the one source of every absolute URL we
 * publish (the reading view's canonical link, og:url and ClaimReview `url`, the exports' links).
 *
 * Never from a request's Host or X-Forwarded-Host: the reading view is kept by shared caches for a
 * minute (s-maxage=60), so a spoofed header would be served to every reader (issue 11, finding 5).
 * Hence no request argument at all.
 *
 * | variable | meaning |
 * | --- | --- |
 * | CLAIMDESK_PUBLIC_URL | the site's address as readers see it, e.g. `https://desk.example`; required in production |
 */
type Env = Record<string, string | undefined>;

let warned = false;

/**
 * The configured public origin (`https://desk.example`, no trailing slash). In production a missing
 * CLAIMDESK_PUBLIC_URL is an error (instrumentation.ts checks it when the server starts); elsewhere
 * it defaults to `http://localhost:<PORT or 3000>`, with a one-line warning. A value that is not a
 * bare http(s) origin is refused in every environment rather than half-used.
 */
export function publicOrigin(env: Env = process.env): string {
  const configured = env.CLAIMDESK_PUBLIC_URL?.trim();
  if (!configured) {
    if (env.NODE_ENV === "production") {
      throw new Error("CLAIMDESK_PUBLIC_URL is required in production: set it to the site's public address, e.g. CLAIMDESK_PUBLIC_URL=https://desk.example");
    }
    const fallback = `http://localhost:${/^\d{1,5}$/.test(env.PORT ?? "") ? env.PORT : "3000"}`;
    if (!warned) {
      warned = true;
      console.warn(`CLAIMDESK_PUBLIC_URL is not set: absolute URLs (canonical links, ClaimReview, exports) use ${fallback}.`);
    }
    return fallback;
  }
  return parseOrigin(configured);
}

/** An absolute URL on the public site: `publicUrl("/a/fees")` is `https://desk.example/a/fees`. */
export function publicUrl(path: string, env: Env = process.env): string {
  return `${publicOrigin(env)}${path.startsWith("/") ? path : `/${path}`}`;
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CLAIMDESK_PUBLIC_URL must be an absolute http(s) address such as https://desk.example, not "${value}"`);
  }
  const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !bare) {
    // The app is served from the root of its host: a path, query or credentials would be dropped or leaked.
    throw new Error(`CLAIMDESK_PUBLIC_URL must be the site's origin only (http(s)://host[:port]), not "${value}"`);
  }
  return url.origin;
}
