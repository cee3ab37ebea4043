import { z } from "zod";

/** The sign-in form and the Credentials provider read the same schema. */
export const SignInInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.org")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

// The dummy origin a callback is resolved against; only its path, query and fragment are kept.
const HERE = "http://claimdesk.invalid";
// Longer than any address the app makes; a longer one is not worth the header it would fill.
const MAX_LENGTH = 2048;
// Printable ASCII without space or backslash: what our own links look like once percent-encoded.
// Everything else (controls, tab/CR/LF, U+2028, look-alike dots and solidi, spaces) is refused
// rather than cleaned, because browsers and proxies disagree on how to clean it.
const PLAIN = /^[\x21-\x5B\x5D-\x7E]*$/;
// Controls (C0, DEL, C1), any Unicode space or line separator, and backslash.
const HIDDEN = /[\u0000-\u001F\u007F-\u009F\s\\]/u;
// The first segment is where a look-alike dot or solidus could pass for a host name.
const FIRST_SEGMENT_ASCII = /^\/[\x21-\x2E\x30-\x7E]*(\/|$)/;

/**
 * The one gate every `callbackUrl` passes (sign-in page, sign-in actions, Auth.js's redirect
 * callback): answers a same-origin path, or "/" for anything else. Never throws.
 *
 * Refused: anything not starting with one "/", a second "/" or "\\" after it (also once decoded,
 * as "/%2F" is by some proxies), control characters, whitespace and backslashes (raw or
 * percent-encoded), raw non-ASCII, look-alike dots in the first segment, absolute URLs and
 * schemes. What is left is resolved against a dummy origin, so dot segments cannot produce
 * "//host" either, and the answer is rebuilt from the parsed URL. An absolute URL of our own
 * origin is refused too: strip the origin first (Auth.js's redirect callback gets one).
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  if (!PLAIN.test(value) || !isPlainPath(value)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/"; // a malformed escape: no link of ours has one
  }
  // Decoded once, it must still be plain where it matters: an encoded "/", "\\", control or space in
  // the path, or a look-alike dot or solidus in its first segment, is someone's trick, not an
  // address of this site. (Encoded letters like "caf%C3%A9" further on are ordinary.)
  const path = pathOf(decoded);
  if (!isPlainPath(decoded) || HIDDEN.test(path) || !FIRST_SEGMENT_ASCII.test(path)) return "/";
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return "/";
  }
  const result = url.pathname + url.search + url.hash;
  if (url.origin !== HERE || !isPlainPath(result) || !PLAIN.test(result)) return "/";
  return result;
}

/** Starts with exactly one "/", never "//" or "/\\" (which browsers read as another host). */
function isPlainPath(value: string): boolean {
  return value.startsWith("/") && value[1] !== "/" && value[1] !== "\\";
}

/** The path part, before any query or fragment (where an encoded "/" or space is ordinary). */
function pathOf(value: string): string {
  const end = value.search(/[?#]/);
  return end === -1 ? value : value.slice(0, end);
}
