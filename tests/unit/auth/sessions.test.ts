import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { endSession, findSessionViewer, openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { tempDatabase } from "@/tests/support/temp-database";

describe("session rows (revocable sessions, issue 11)", () => {
  const temp = tempDatabase();
  const { db } = temp;
  let userId = "";

  beforeEach(async () => {
    await db.session.deleteMany();
    await db.user.deleteMany();
    userId = (await db.user.create({ data: { email: "ed@test", name: "Eddie", role: "editor" }, select: { id: true } })).id;
  });
  afterAll(async () => temp.dispose());

  it("opens a row with a random token, and finds its user's viewer by that token", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const first = await openSession(db, { userId, now });
    const second = await openSession(db, { userId, now });
    expect(first.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.sessionToken).not.toBe(first.sessionToken);
    expect(first.expires.getTime()).toBe(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: first.sessionToken }, select: { userId: true } });
    expect(row.userId).toBe(userId);
    expect(await findSessionViewer(db, first.sessionToken, now)).toEqual({ id: userId, email: "ed@test", name: "Eddie", role: "editor" });
  });

  it("reads the role from the user row, so a demotion counts on the next read", async () => {
    const { sessionToken } = await openSession(db, { userId });
    await db.user.update({ where: { id: userId }, data: { role: "reviewer" } });
    expect((await findSessionViewer(db, sessionToken))?.role).toBe("reviewer");
  });

  it("ends a session: its token finds nothing, and ending it again is harmless", async () => {
    const kept = await openSession(db, { userId });
    const { sessionToken } = await openSession(db, { userId });
    await endSession(db, sessionToken);
    expect(await findSessionViewer(db, sessionToken)).toBeNull();
    expect(await db.session.count({ where: { sessionToken } })).toBe(0);
    await expect(endSession(db, sessionToken)).resolves.toBeUndefined();
    expect(await findSessionViewer(db, kept.sessionToken)).not.toBeNull();
  });

  it("finds nothing for a disabled user", async () => {
    const { sessionToken } = await openSession(db, { userId });
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await findSessionViewer(db, sessionToken)).toBeNull();
  });

  it("finds nothing for a deleted user: the row goes with the user", async () => {
    const { sessionToken } = await openSession(db, { userId });
    await db.user.delete({ where: { id: userId } });
    expect(await findSessionViewer(db, sessionToken)).toBeNull();
    expect(await db.session.count()).toBe(0);
  });

  it("finds nothing for an expired session, and opening a new one removes expired rows", async () => {
    const then = new Date("2030-01-01T00:00:00Z");
    const old = await openSession(db, { userId, now: then });
    const later = new Date(then.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 1);
    expect(await findSessionViewer(db, old.sessionToken, later)).toBeNull();
    const fresh = await openSession(db, { userId, now: later });
    expect(await db.session.findMany({ select: { sessionToken: true } })).toEqual([{ sessionToken: fresh.sessionToken }]);
  });

  it("finds nothing for an unknown, empty or missing token", async () => {
    await openSession(db, { userId });
    expect(await findSessionViewer(db, "not-a-session")).toBeNull();
    expect(await findSessionViewer(db, "")).toBeNull();
    expect(await findSessionViewer(db, undefined)).toBeNull();
  });
});
