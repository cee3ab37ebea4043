import "server-only";
import { decode, type JWT } from "next-auth/jwt";

/**
 * A session cookie's JWT, decoded by next-auth/jwt once per process and then remembered by its
 * exact text. Every request of a signed-in user carries the same cookie for hours, and decoding it
 * (key derivation, then decryption and its MAC check) was most of what was left of a save's session
 * read under fifty reviewers at once (issue 13). Remembering is safe: the JWT is encrypted and
 * authenticated, so the same text always decodes to the same payload; a changed text is another
 * key and is decoded afresh; and only successful decodes are kept. What may change is time (a
 * kept payload past its `exp` reads as expired, with the leeway Auth.js's decode gives) and the
 * Session row, which the caller still reads on every request, so a sign-out or a disabling counts
 * at once.
 */

/** As Auth.js's decode: jose's clockTolerance, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;
/** Distinct cookies kept (the least recently used goes first): far more than the users signed in. */
const KEPT = 2_000;

const kept = new Map<string, JWT>();

/**
 * The payload of `jwt` decoded with `secrets` and `salt` (the cookie's name), as next-auth/jwt's
 * decode answers: throws when the JWT does not read (tampered, another secret or salt, expired).
 */
export async function decodeSessionJwt(jwt: string, secrets: string[], salt: string, now: number = Date.now()): Promise<JWT> {
  const key = `${salt}\n${secrets.join("\n")}\n${jwt}`;
  const remembered = kept.get(key);
  if (remembered) {
    kept.delete(key);
    if (expired(remembered, now)) throw new Error("the session JWT has expired");
    kept.set(key, remembered);
    return remembered;
  }
  const payload = await decode({ token: jwt, secret: secrets, salt });
  if (!payload) throw new Error("no session JWT");
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, payload);
  return payload;
}

/** jose's own check of `exp`, which it made when the payload was first decoded. */
function expired(payload: JWT, now: number): boolean {
  return typeof payload.exp === "number" && payload.exp <= Math.floor(now / 1000) - CLOCK_TOLERANCE_SECONDS;
}
