/**
 * Whether a request carries an Auth.js session cookie (JWT strategy, default cookie names, possibly
 * chunked as `.0`, `.1`…). Without one, auth() can only answer "signed out", yet it still costs a
 * WebCrypto digest per call, which was about a third of a cached reading-view request: the reading
 * view asks auth() only when there is a session to read.
 */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return cookieHeader !== null && /(?:^|;)\s*(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/.test(cookieHeader);
}
