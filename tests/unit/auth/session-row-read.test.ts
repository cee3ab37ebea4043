import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findSessionViewerOnPostgres } from "@/lib/auth/session-cookie-postgres";
import { findSessionViewerOnSqlite } from "@/lib/auth/session-cookie-sqlite";
import { endSession, findSessionViewer, openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { postgresPipelineOf } from "@/lib/db/postgres-database";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import { onPostgres } from "@/tests/support/postgres";
import { tempDatabase } from "@/tests/support/temp-database";

// The engine's own read of a session's row (a prepared statement on SQLite, a named statement on the
// save pool on PostgreSQL) must answer exactly as findSessionViewer (Prisma) does, case by case, on
// the same rows.
describe(`the Session row read on ${onPostgres ? "PostgreSQL" : "SQLite"} answers as findSessionViewer`, () => {
  const temp = tempDatabase();
  const { db } = temp;
  let userId = "";
  afterAll(async () => temp.dispose());

  beforeEach(async () => {
    await db.session.deleteMany();
    await db.user.deleteMany();
    userId = (await db.user.create({ data: { email: "row@test", name: "Row", role: "editor" }, select: { id: true } })).id;
  });

  /** Both answers for one token at one time; the test says which answer it expects. */
  const both = async (token: string | undefined, now = new Date()) => ({ own: await ownRead(token, now), prisma: await findSessionViewer(db, token, now) });
  const ownRead = async (token: string | undefined, now = new Date()) => {
    const pool = postgresPipelineOf(db);
    return pool ? findSessionViewerOnPostgres(pool, token, now) : findSessionViewerOnSqlite((await sqliteConnectionOf(db))!, token, now);
  };

  it("finds the user of a live session, with the role and name of the user row now", async () => {
    const { sessionToken } = await openSession(db, { userId });
    expect(await both(sessionToken)).toEqual({ own: { id: userId, email: "row@test", name: "Row", role: "editor" }, prisma: { id: userId, email: "row@test", name: "Row", role: "editor" } });
    await db.user.update({ where: { id: userId }, data: { role: "admin", name: null } });
    const after = await both(sessionToken);
    expect(after.own).toEqual({ id: userId, email: "row@test", name: null, role: "admin" });
    expect(after.own).toEqual(after.prisma);
    // A role outside the vocabulary reads as reviewer on both.
    await db.user.update({ where: { id: userId }, data: { role: "owner" } });
    const odd = await both(sessionToken);
    expect(odd.own?.role).toBe("reviewer");
    expect(odd.own).toEqual(odd.prisma);
  });

  it("finds nothing after sign-out, for a disabled or deleted user, or an unknown, empty or missing token", async () => {
    const ended = await openSession(db, { userId });
    await endSession(db, ended.sessionToken);
    expect(await both(ended.sessionToken)).toEqual({ own: null, prisma: null });
    for (const token of ["not-a-session", "", undefined]) expect(await both(token)).toEqual({ own: null, prisma: null });

    const { sessionToken } = await openSession(db, { userId });
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await both(sessionToken)).toEqual({ own: null, prisma: null });
    await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    expect((await both(sessionToken)).own?.id).toBe(userId);
    await db.user.delete({ where: { id: userId } });
    expect(await both(sessionToken)).toEqual({ own: null, prisma: null });
  });

  it("ends a session at its expiry to the millisecond, as Prisma's read does", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const { sessionToken, expires } = await openSession(db, { userId, now: start });
    expect(expires.getTime()).toBe(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    const justBefore = await both(sessionToken, new Date(expires.getTime() - 1));
    expect(justBefore.own?.id).toBe(userId);
    expect(justBefore.own).toEqual(justBefore.prisma);
    expect(await both(sessionToken, expires)).toEqual({ own: null, prisma: null });
    expect(await both(sessionToken, new Date(expires.getTime() + 1))).toEqual({ own: null, prisma: null });
  });

  it("sees a sign-out made through Prisma at once (on SQLite the same connection, on PostgreSQL committed)", async () => {
    const { sessionToken } = await openSession(db, { userId });
    expect((await ownRead(sessionToken))?.id).toBe(userId);
    await db.session.deleteMany({ where: { sessionToken } });
    expect(await ownRead(sessionToken)).toBeNull();
  });
});
