import { signOut } from "@/lib/auth/config";
import { assertSameOriginOrToken } from "@/lib/auth/same-origin";
import { safeCallbackUrl } from "@/lib/auth/sign-in-input";
import { toAppError } from "@/lib/errors";

/**
 * POST /sign-out (a plain form: optional `returnTo`, else the page it was posted from): ends this
 * browser's session and goes back to a path of this site. For pages that are not React, such as the
 * reading view, where the menu's server action cannot run. Auth.js's own GET /api/auth/signout is a confirmation page that posts to the
 * host Auth.js believes it is on, which failed at 127.0.0.1 (MissingCSRF, still signed in). No role
 * is needed to sign out; like every write, the form must come from this site (same-origin.ts).
 */
const MAX_FORM_BYTES = 4096;

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginOrToken(request);
  } catch (error) {
    const appError = toAppError(error);
    return new Response(appError.message, { status: appError.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // The form holds one short field: a larger or unreadable body is not read, and the page it came from decides.
  const small = Number(request.headers.get("content-length") ?? "Infinity") <= MAX_FORM_BYTES;
  const form = small ? await request.formData().catch(() => null) : null;
  const given = form?.get("returnTo");
  const returnTo = safeCallbackUrl(typeof given === "string" ? given : samePageOf(request));
  await signOut({ redirect: false });
  // A relative Location: the browser stays on whatever host name it used.
  return new Response(null, { status: 303, headers: { Location: returnTo, "Cache-Control": "no-store" } });
}

/** The path of the page the form was on, when the Referer names this host; else the home page. */
function samePageOf(request: Request): string {
  try {
    const referer = new URL(request.headers.get("referer") ?? "");
    return referer.host === request.headers.get("host") ? `${referer.pathname}${referer.search}` : "/";
  } catch {
    return "/";
  }
}
