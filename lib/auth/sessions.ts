import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/create-database";
import { Role } from "@/lib/domain/vocabulary";
import type { Viewer } from "./policy";

/**
 * Revocable sessions (issue 11). Sessions stay JWT cookies signed by Auth.js (Credentials sign-in
 * needs them), but each one also is a row of the Session table, and the JWT carries only the row's
 * random token. Every request reads the row with its user, so signing out (the row is deleted),
 * a role change, disabling and deleting an account all count on the next request, on every app
 * server. The token is stored as is: it is worthless without a JWT signed with AUTH_SECRET.
 *
 * Plain functions over the database, free of Next and Auth.js: lib/auth/config.ts opens and ends
 * sessions, lib/auth/viewer.ts finds them.
 */

/** How long a session lasts from sign-in; the JWT's maxAge in lib/auth/config.ts is the same. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type OpenedSession = { sessionToken: string; expires: Date };

/**
 * Opens a session for a user who has just signed in and returns the token the JWT will carry.
 * Rows of sessions that expired (never signed out) are removed here, so the table does not grow
 * without a scheduled job.
 */
export async function openSession(
  db: Database,
  options: { userId: string; now?: Date; maxAgeSeconds?: number },
): Promise<OpenedSession> {
  const now = options.now ?? new Date();
  const expires = new Date(now.getTime() + (options.maxAgeSeconds ?? SESSION_MAX_AGE_SECONDS) * 1000);
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.deleteMany({ where: { expires: { lt: now } } });
  await db.session.create({ data: { sessionToken, userId: options.userId, expires }, select: { id: true } });
  return { sessionToken, expires };
}

/**
 * The signed-in user a session stands for, read from the user row now (its role included, never
 * the JWT's), in one read by the unique token. Null when the session is unknown (signed out),
 * expired, or its user is disabled or deleted (the row goes with the user).
 */
export async function findSessionViewer(
  db: Database,
  sessionToken: string | undefined,
  now: Date = new Date(),
): Promise<NonNullable<Viewer> | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expires <= now || session.user.disabledAt !== null) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: Role.catch("reviewer").parse(role) };
}

/** Ends a session (sign-out): its JWT no longer counts anywhere. Ending it twice is harmless. */
export async function endSession(db: Database, sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  await db.session.deleteMany({ where: { sessionToken } });
}
