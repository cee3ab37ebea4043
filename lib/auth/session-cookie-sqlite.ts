import "server-only";
import type Sqlite from "better-sqlite3";
import type { SqliteConnection } from "@/lib/db/sqlite-connection";
import { Role } from "@/lib/domain/vocabulary";
import type { Viewer } from "./policy";

/**
 * findSessionViewer (lib/auth/sessions.ts) on SQLite: the Session row and its user in one prepared
 * statement on the Prisma adapter's own connection, with the same answer. Every request and every
 * save reads it, and under fifty reviewers saving at once the Prisma read was most of a save's CPU
 * once the JWT was no longer signed again (issue 13): Prisma compiles and interprets each query
 * (its query compiler, its client runtime), where SQLite's own work is a few microseconds. Same
 * connection as Prisma's, so a sign-out or a disabling is seen by the next read at once.
 */

type Row = { expires: string | number; id: string; email: string; name: string | null; role: string; disabledAt: string | number | null };

const prepared = new WeakMap<SqliteConnection, Sqlite.Statement<[string], Row>>();

function statementOf(connection: SqliteConnection): Sqlite.Statement<[string], Row> {
  let statement = prepared.get(connection);
  if (!statement) {
    statement = connection
      .prepare('SELECT s."expires", u."id", u."email", u."name", u."role", u."disabledAt" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = ?')
      .safeIntegers(false) as Sqlite.Statement<[string], Row>;
    prepared.set(connection, statement);
  }
  return statement;
}

/**
 * The signed-in user a session stands for, as findSessionViewer answers: null when the token is
 * empty or unknown, the session has expired, or its user is disabled (a deleted user's rows are
 * gone with it); else the user row now, a role outside the vocabulary read as reviewer.
 */
export function findSessionViewerOnSqlite(connection: SqliteConnection, sessionToken: string | undefined, now: Date = new Date()): NonNullable<Viewer> | null {
  if (!sessionToken) return null;
  const row = statementOf(connection).get(sessionToken);
  // Prisma's adapter stores a DateTime as ISO text; a number (milliseconds) is read the same way it reads one.
  if (!row || new Date(row.expires).getTime() <= now.getTime() || row.disabledAt !== null) return null;
  return { id: row.id, email: row.email, name: row.name, role: Role.catch("reviewer").parse(row.role) };
}
