import "server-only";
import { redirect } from "next/navigation";
import { Role } from "@/lib/domain/vocabulary";
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
 * For pages: a reader is sent to sign-in and brought back to `returnTo`; a signed-in user without
 * the permission gets the 403 page.
 */
export async function requirePageViewer(permission: Permission, returnTo: string): Promise<NonNullable<Viewer>> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(viewer, permission)) redirect("/forbidden");
  return viewer;
}
