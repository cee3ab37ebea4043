// Plain JavaScript so next.config.js can import it, like lib/reading/brotli-condition.mjs: the one
// definition of the security headers (issue 11, finding 9), shared by next.config.js (static headers,
// and the reading view's policy) and proxy.ts (the pages' policy, with a fresh nonce per request).

/** Sent with every response, static files included (next.config.js headers()). */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' says the same to browsers that read CSP; this is for the ones that do not.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * What every policy allows besides scripts and styles. Images may come from any https host, because
 * imported articles keep their own <img> (sanitised; an image cannot run script). Forms post here,
 * or on to the OAuth providers' sign-in pages that Auth.js redirects a provider button to.
 */
const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self' https://github.com https://accounts.google.com",
  "frame-ancestors 'none'",
];

/**
 * The policy of a page rendered by Next (proxy.ts): scripts only with this request's nonce, which
 * Next puts on its own scripts, and what they load ('strict-dynamic'). Styles allow 'unsafe-inline'
 * because React renders `style={…}` props as style attributes (workbench popover position, diff
 * font); no nonce is listed for styles, since a nonce would switch 'unsafe-inline' off. Development
 * adds 'unsafe-eval', which React's dev build needs for its error overlay; production never has it.
 * @param {string} nonce
 * @param {{ development?: boolean }} [options]
 */
export function pagePolicy(nonce, options = {}) {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  return [...COMMON, `script-src ${scripts.join(" ")}`, "style-src 'self' 'unsafe-inline'"].join("; ");
}

/**
 * The policy of the reading view (app/a/**), a document we build once and send precompressed, so it
 * cannot carry a per-request nonce: it has no inline script to allow (only its JSON-LD data block,
 * which is never executed) and loads public/reading/enhance.js and reading.css from this site. Its
 * markup has no style attributes (rehype-sanitize drops them); enhance.js positions the popover
 * through element.style, which CSP allows.
 */
export const READING_VIEW_POLICY = [...COMMON, "script-src 'self'", "style-src 'self'"].join("; ");

/**
 * The policy of what a request with a body gets back (next.config.js; proxy.ts never sees those):
 * server-action and API answers are data, but a form posted before the page was hydrated is
 * answered with a page, rendered without a nonce. Its own inline scripts are then refused (the page
 * still reads, as with JavaScript off); its style attributes are allowed as on every page.
 */
export const UNNONCED_PAGE_POLICY = [...COMMON, "script-src 'self'", "style-src 'self' 'unsafe-inline'"].join("; ");
