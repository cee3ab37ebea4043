// Plain JavaScript so next.config.js can import it: the one definition of "this request gets the
// reading view's precompressed brotli copy", shared by next.config.js (which labels the response
// and rewrites to app/a/[slug]/br) and the br route (which must send brotli exactly when labelled).

/** Accept-Encoding names `br` as a whole token (Next anchors it: `^…$`). */
export const ACCEPTS_BR = "(?:.*[ ,])?br(?:[ ,;].*)?";

/** Auth.js session cookies (JWT, default names), whole or as the first chunk of a chunked one. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.0", "__Secure-authjs.session-token.0"];

/** The `has`/`missing` pair of a Next.js header or rewrite rule: a signed-out reader who accepts brotli. */
export const brotliCondition = {
  has: [{ type: "header", key: "accept-encoding", value: ACCEPTS_BR }],
  missing: SESSION_COOKIES.map((key) => ({ type: "cookie", key })),
};
