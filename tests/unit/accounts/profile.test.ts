import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { changePassword, updateProfileName } from "@/lib/accounts";
import { authorizePassword } from "@/lib/auth/authorize-password";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import { findSessionViewer, openSession } from "@/lib/auth/sessions";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { toAppError, type AppError } from "@/lib/errors";
import { tempDatabase } from "@/tests/support/temp-database";

const temp = tempDatabase();
const { db } = temp;
const OLD = "old password 123";
const NEW = "a brand new passphrase";
let rita: NonNullable<Viewer>;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return toAppError(error);
}

const change = (over: Partial<Parameters<typeof changePassword>[1]> = {}) =>
  changePassword(db, { viewer: rita, currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, keepSession: undefined, address: "192.0.2.1", ...over });

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.user.deleteMany();
  await db.signInAttempt.deleteMany();
  const row = await db.user.create({ data: { email: "rita@example.org", name: "Rita", role: "reviewer", passwordHash: await hashPassword(OLD) }, select: { id: true, email: true, name: true } });
  rita = { ...row, role: "reviewer" };
});
afterAll(async () => temp.dispose());

describe("updateProfileName", () => {
  it("renames the user, read by their session at once, and records it", async () => {
    const { sessionToken } = await openSession(db, { userId: rita.id });
    expect(await updateProfileName(db, { viewer: rita, name: "  Rita Q. Reviewer " })).toEqual({ name: "Rita Q. Reviewer" });
    expect((await findSessionViewer(db, sessionToken))?.name).toBe("Rita Q. Reviewer");
    const events = await db.auditEvent.findMany({ where: { entityId: rita.id }, select: { action: true, actorId: true, entityType: true, before: true, after: true } });
    expect(events).toEqual([{ action: "user.rename", actorId: rita.id, entityType: "user", before: '{"name":"Rita"}', after: '{"name":"Rita Q. Reviewer"}' }]);
  });

  it("refuses an empty name", async () => {
    const error = await refusal(updateProfileName(db, { viewer: rita, name: "   " }));
    expect(error.fieldErrors.name).toEqual(["Enter a name"]);
  });
});

describe("changePassword", () => {
  it("changes the password, ends the user's other sessions and keeps this one", async () => {
    const here = await openSession(db, { userId: rita.id });
    const elsewhere = await openSession(db, { userId: rita.id });
    expect(await change({ keepSession: here.sessionToken })).toEqual({ sessionsEnded: 1 });
    expect(await findSessionViewer(db, here.sessionToken)).not.toBeNull();
    expect(await findSessionViewer(db, elsewhere.sessionToken)).toBeNull();
    expect(await authorizePassword(db, { email: rita.email, password: OLD }, undefined)).toBeNull();
    expect(await authorizePassword(db, { email: rita.email, password: NEW }, undefined)).toMatchObject({ id: rita.id });
    const events = await db.auditEvent.findMany({ where: { entityId: rita.id }, select: { action: true, after: true } });
    expect(events).toEqual([{ action: "user.password", after: '{"sessionsEnded":1}' }]);
    expect(JSON.stringify(events)).not.toContain(NEW);
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const here = await openSession(db, { userId: rita.id });
    const error = await refusal(change({ currentPassword: "not it at all", keepSession: here.sessionToken }));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors.currentPassword).toEqual(["That is not your current password."]);
    expect(await authorizePassword(db, { email: rita.email, password: OLD }, undefined)).toMatchObject({ id: rita.id });
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a short, mismatched or unchanged new password with field messages", async () => {
    expect((await refusal(change({ newPassword: "short", confirmPassword: "short" }))).fieldErrors.newPassword).toEqual(["A new password is at least 12 characters"]);
    expect((await refusal(change({ confirmPassword: `${NEW}!` }))).fieldErrors.confirmPassword).toEqual(["The two new passwords differ"]);
    expect((await refusal(change({ newPassword: OLD, confirmPassword: OLD }))).fieldErrors.newPassword).toEqual(["Choose a password other than the current one"]);
  });

  it("counts wrong current passwords against the sign-in limits, so a borrowed session cannot guess it", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) expect((await refusal(change({ currentPassword: `guess number ${i}` }))).code).toBe("INVALID");
    expect((await refusal(change())).code).toBe("RATE_LIMITED");
    expect(await authorizePassword(db, { email: rita.email, password: OLD }, undefined)).toBe("rate_limited");
  });

  it("a right current password is not recorded as a sign-in", async () => {
    await change();
    expect(await db.signInAttempt.count()).toBe(0);
  });
});
