import "server-only";
import type pg from "pg";
import { Role } from "@/lib/domain/vocabulary";
import type { Viewer } from "./policy";

/**
 * findSessionViewer (lib/auth/sessions.ts) on PostgreSQL: the Session row and its user in one named
 * statement on the save pool (lib/db/postgres-database.ts, postgresPipelineOf), with the same
 * answer. Every request and every save reads it. Profiled under fifty reviewers through two
 * servers, Prisma's compiling and interpreting of this one read was a sixth of an app server's CPU
 * per save; PostgreSQL's own work is a primary-key lookup. Committed data only, as Prisma's read
 * outside a transaction sees it, so a sign-out or a disabling is seen by the next read.
 */

type Row = { expiresMs: number; id: string; email: string; name: string | null; role: string; disabled: boolean };

const SESSION_VIEWER = {
  name: "claimdesk-session-viewer",
  // Prisma keeps a DateTime in a timestamp without time zone, in UTC; node-postgres would read one
  // as local time, so the expiry comes as epoch milliseconds (EXTRACT reads the column as UTC).
  text:
    'SELECT (EXTRACT(EPOCH FROM s."expires") * 1000)::float8 AS "expiresMs", u."id", u."email", u."name", u."role", u."disabledAt" IS NOT NULL AS "disabled" ' +
    'FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = $1',
};

/**
 * The signed-in user a session stands for, as findSessionViewer answers: null when the token is
 * empty or unknown, the session has expired, or its user is disabled (a deleted user's rows are
 * gone with it); else the user row now, a role outside the vocabulary read as reviewer.
 */
export async function findSessionViewerOnPostgres(pool: pg.Pool, sessionToken: string | undefined, now: Date = new Date()): Promise<NonNullable<Viewer> | null> {
  if (!sessionToken) return null;
  const { rows } = await pool.query<Row>({ ...SESSION_VIEWER, values: [sessionToken] });
  const row = rows[0];
  if (!row || row.expiresMs <= now.getTime() || row.disabled) return null;
  return { id: row.id, email: row.email, name: row.name, role: Role.catch("reviewer").parse(row.role) };
}
