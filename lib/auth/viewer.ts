import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
// The class NextRequest reads its cookies with; constructing a NextRequest from a handler's
// Request would take over (lock) its body, which the handler has still to read.
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bearerTokenOf, resolveApiToken } from "./api-tokens";
import { can, type Permission, type Viewer } from "./policy";
import { readSession } from "./session-cookie";

/** What a write with a session that no longer counts is told, by route handlers and server actions alike. */
const SESSION_ENDED_MESSAGE = "Your session has ended (signed out, or the account was disabled or removed); sign in again.";

/**
 * This request's session, read once per request (React's cache) and never across requests, so a
 * sign-out, role change, disabling or deletion counts on the next request on every app server.
 * `ended`: the cookie holds a validly signed JWT whose Session row is gone, expired, or whose user
 * is disabled or deleted. The cookie is read directly (session-cookie.ts), not through Auth.js's
 * auth(), which signs the JWT again on every call only for the new cookie to be thrown away here.
 */
const currentSession = cache(async (): Promise<{ viewer: Viewer; ended: boolean }> => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  return readSession(db, { cookies: jar.getAll(), forwardedProto: requestHeaders.get("x-forwarded-proto") });
});

/**
 * The signed-in user, with the role of their user row now, or null for a reader. A session that
 * has ended reads as signed out, so pages show the reader's view instead of failing.
 */
export async function getViewer(): Promise<Viewer> {
  return (await currentSession()).viewer;
}

/**
 * The viewer of a server action (or a route handler without a token): like getViewer, but a session
 * that has ended is refused with UNAUTHENTICATED and says why, so the form tells the person to sign
 * in again rather than "sign in to do this" as if they never had.
 */
export async function getWritingViewer(): Promise<Viewer> {
  return writingViewerOf(await currentSession());
}

function writingViewerOf({ viewer, ended }: { viewer: Viewer; ended: boolean }): Viewer {
  if (ended) throw new AppError("UNAUTHENTICATED", SESSION_ENDED_MESSAGE);
  return viewer;
}

/** A route handler's session, read from the request it was handed rather than from Next's request scope. */
function sessionOfRequest(request: Request) {
  return readSession(db, { cookies: new RequestCookies(request.headers).getAll(), forwardedProto: request.headers.get("x-forwarded-proto") });
}

/**
 * The viewer of a route handler's request. With `Authorization: Bearer <token>` it is the token's
 * owner and the session cookie is not consulted at all: a token that is malformed, unknown or
 * revoked is refused with UNAUTHENTICATED (401), so a client never silently falls back to whoever
 * is signed in the same browser. Without a Bearer header, the session cookie of `request` itself
 * decides (so a handler called outside Next's request scope, as in the route tests, still reads it),
 * and a session that has ended is refused with UNAUTHENTICATED and says so.
 */
export async function getRequestViewer(request: Request): Promise<Viewer> {
  const token = bearerTokenOf(request.headers.get("authorization"));
  if (token === undefined) return writingViewerOf(await sessionOfRequest(request));
  const viewer = token ? await resolveApiToken(db, token) : null;
  if (!viewer) {
    throw new AppError("UNAUTHENTICATED", "This API token is not valid or has been revoked; create a new one under Settings → API tokens.");
  }
  return viewer;
}

/**
 * For pages: a reader is sent to sign-in and brought back to `returnTo`; a signed-in user without
 * the permission gets the 403 page.
 */
export async function requirePageViewer(permission: Permission, returnTo: string): Promise<NonNullable<Viewer>> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(viewer, permission)) redirect("/forbidden");
  return viewer;
}
