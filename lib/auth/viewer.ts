import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { bearerTokenOf, resolveApiToken } from "./api-tokens";
import { auth } from "./config";
import { can, type Permission, type Viewer } from "./policy";

/** The signed-in user from the session (JWT), or null for a reader. */
export async function getViewer(): Promise<Viewer> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: Role.catch("reviewer").parse(user.role) };
}

/**
 * The viewer of a route handler's request. With `Authorization: Bearer <token>` it is the token's
 * owner and the session cookie is not consulted at all: a token that is malformed, unknown or
 * revoked is refused with UNAUTHENTICATED (401), so a client never silently falls back to whoever
 * is signed in the same browser. Without a Bearer header, the session decides (getViewer).
 */
export async function getRequestViewer(request: Request): Promise<Viewer> {
  const token = bearerTokenOf(request.headers.get("authorization"));
  if (token === undefined) return getViewer();
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
