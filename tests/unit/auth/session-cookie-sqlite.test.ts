import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findSessionViewerOnSqlite } from "@/lib/auth/session-cookie-sqlite";
import { endSession, findSessionViewer, openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import { onPostgres } from "@/tests/support/postgres";
import { tempDatabase } from "@/tests/support/temp-database";

// The prepared-statement read of a session's row must answer exactly as findSessionViewer (Prisma)
// does, case by case, on the same rows. SQLite only: on PostgreSQL readSession takes Prisma's path.
describe.skipIf(onPostgres)("the Session row read on SQLite answers as findSessionViewer", () => {
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
  const both = async (token: string | undefined, now = new Date()) => {
    const connection = (await sqliteConnectionOf(db))!;
    return { sqlite: findSessionViewerOnSqlite(connection, token, now), prisma: await findSessionViewer(db, token, now) };
  };

  it("finds the user of a live session, with the role and name of the user row now", async () => {
    const { sessionToken } = await openSession(db, { userId });
    expect(await both(sessionToken)).toEqual({ sqlite: { id: userId, email: "row@test", name: "Row", role: "editor" }, prisma: { id: userId, email: "row@test", name: "Row", role: "editor" } });
    await db.user.update({ where: { id: userId }, data: { role: "admin", name: null } });
    const after = await both(sessionToken);
    expect(after.sqlite).toEqual({ id: userId, email: "row@test", name: null, role: "admin" });
    expect(after.sqlite).toEqual(after.prisma);
    // A role outside the vocabulary reads as reviewer on both.
    await db.user.update({ where: { id: userId }, data: { role: "owner" } });
    const odd = await both(sessionToken);
    expect(odd.sqlite?.role).toBe("reviewer");
    expect(odd.sqlite).toEqual(odd.prisma);
  });

  it("finds nothing after sign-out, for a disabled or deleted user, or an unknown, empty or missing token", async () => {
    const ended = await openSession(db, { userId });
    await endSession(db, ended.sessionToken);
    expect(await both(ended.sessionToken)).toEqual({ sqlite: null, prisma: null });
    for (const token of ["not-a-session", "", undefined]) expect(await both(token)).toEqual({ sqlite: null, prisma: null });

    const { sessionToken } = await openSession(db, { userId });
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await both(sessionToken)).toEqual({ sqlite: null, prisma: null });
    await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    expect((await both(sessionToken)).sqlite?.id).toBe(userId);
    await db.user.delete({ where: { id: userId } });
    expect(await both(sessionToken)).toEqual({ sqlite: null, prisma: null });
  });

  it("ends a session at its expiry to the millisecond, as Prisma's read does", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const { sessionToken, expires } = await openSession(db, { userId, now: start });
    expect(expires.getTime()).toBe(start.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    const justBefore = await both(sessionToken, new Date(expires.getTime() - 1));
    expect(justBefore.sqlite?.id).toBe(userId);
    expect(justBefore.sqlite).toEqual(justBefore.prisma);
    expect(await both(sessionToken, expires)).toEqual({ sqlite: null, prisma: null });
    expect(await both(sessionToken, new Date(expires.getTime() + 1))).toEqual({ sqlite: null, prisma: null });
  });

  it("sees a sign-out made through Prisma at once (the same connection)", async () => {
    const connection = (await sqliteConnectionOf(db))!;
    const { sessionToken } = await openSession(db, { userId });
    expect(findSessionViewerOnSqlite(connection, sessionToken)?.id).toBe(userId);
    await db.session.deleteMany({ where: { sessionToken } });
    expect(findSessionViewerOnSqlite(connection, sessionToken)).toBeNull();
  });
});
