import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { changeRole, createAccount, listAccounts, resetPassword, setAccountDisabled } from "@/lib/accounts";
import { createApiToken, resolveApiToken } from "@/lib/auth/api-tokens";
import { authorizePassword } from "@/lib/auth/authorize-password";
import { verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/policy";
import { findSessionViewer, openSession } from "@/lib/auth/sessions";
import { toAppError, type AppError } from "@/lib/errors";
import { tempDatabase } from "@/tests/support/temp-database";

type SignedIn = NonNullable<Viewer>;

const temp = tempDatabase();
const { db } = temp;
let ada: SignedIn;

async function user(email: string, role: SignedIn["role"]): Promise<SignedIn> {
  const row = await db.user.create({ data: { email, name: email.split("@")[0]!, role }, select: { id: true, email: true, name: true } });
  return { ...row, role };
}

/** What a rejection reads as to a form (a ZodError becomes INVALID); fails the test when it resolves. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return toAppError(error);
}

const audit = (entityId: string) => db.auditEvent.findMany({ where: { entityId, entityType: "user" }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, before: true, after: true, articleId: true } });

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.user.deleteMany();
  await db.signInAttempt.deleteMany();
  ada = await user("ada@example.org", "admin");
});
afterAll(async () => temp.dispose());

describe("createAccount", () => {
  it("creates the account with a strong one-time password, stored only as its hash, that signs in", async () => {
    const created = await createAccount(db, { actor: ada, email: " Rita@Example.org ", name: " Rita Reviewer ", role: "reviewer" });
    expect(created).toMatchObject({ email: "rita@example.org", name: "Rita Reviewer", role: "reviewer" });
    expect(created.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const again = await createAccount(db, { actor: ada, email: "ravi@example.org", name: "Ravi", role: "editor" });
    expect(again.password).not.toBe(created.password);

    const row = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(created.password, row.passwordHash!)).toBe(true);
    const signedIn = await authorizePassword(db, { email: "rita@example.org", password: created.password }, undefined);
    expect(signedIn).toMatchObject({ id: created.id, role: "reviewer" });

    const events = await audit(created.id);
    expect(events).toEqual([{ action: "user.create", actorId: ada.id, before: null, after: JSON.stringify({ email: "rita@example.org", name: "Rita Reviewer", role: "reviewer" }), articleId: null }]);
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(created.password);
  });

  it("refuses an email already in use, whatever its case, on the email field", async () => {
    await createAccount(db, { actor: ada, email: "rita@example.org", name: "Rita", role: "reviewer" });
    const error = await refusal(createAccount(db, { actor: ada, email: "RITA@example.org", name: "Other Rita", role: "editor" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.email).toEqual(["An account with the email rita@example.org already exists."]);
    expect(await db.user.count({ where: { email: "rita@example.org" } })).toBe(1);
  });

  it("refuses a bad email, an empty name and an unknown role with field messages", async () => {
    const error = await refusal(createAccount(db, { actor: ada, email: "not-an-address", name: " ", role: "owner" as never }));
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "name", "role"]);
    expect(await db.user.count()).toBe(1);
  });
});

describe("changeRole", () => {
  it("changes the role, which sessions and API tokens read at once, and records it", async () => {
    const eddie = await user("eddie@example.org", "editor");
    const { sessionToken } = await openSession(db, { userId: eddie.id });
    const { token } = await createApiToken(db, { viewer: eddie, name: "cms" });
    await changeRole(db, { actor: ada, userId: eddie.id, role: "reviewer" });
    expect((await findSessionViewer(db, sessionToken))?.role).toBe("reviewer");
    expect((await resolveApiToken(db, token))?.role).toBe("reviewer");
    expect(await audit(eddie.id)).toEqual([{ action: "user.role", actorId: ada.id, before: '{"role":"editor"}', after: '{"role":"reviewer"}', articleId: null }]);
  });

  it("refuses the last active admin demoting themself, and lets them once there is another", async () => {
    const error = await refusal(changeRole(db, { actor: ada, userId: ada.id, role: "editor" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/last active admin/);
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe("admin");
    expect(await audit(ada.id)).toEqual([]);

    // A disabled admin does not count: nobody could sign in as them to undo it.
    const dormant = await user("dormant@example.org", "admin");
    await db.user.update({ where: { id: dormant.id }, data: { disabledAt: new Date() } });
    expect((await refusal(changeRole(db, { actor: ada, userId: ada.id, role: "reviewer" }))).code).toBe("CONFLICT");

    const grace = await user("grace@example.org", "reviewer");
    await changeRole(db, { actor: ada, userId: grace.id, role: "admin" });
    await changeRole(db, { actor: ada, userId: ada.id, role: "editor" });
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe("editor");
    // Now Grace is the last one, and cannot be demoted by anyone.
    expect((await refusal(changeRole(db, { actor: grace, userId: grace.id, role: "reviewer" }))).code).toBe("CONFLICT");
  });

  it("refuses two admins demoting each other at once from leaving none", async () => {
    const grace = await user("grace@example.org", "admin");
    const results = await Promise.allSettled([
      changeRole(db, { actor: ada, userId: grace.id, role: "reviewer" }),
      changeRole(db, { actor: grace, userId: ada.id, role: "reviewer" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(toAppError(rejected.reason).code).toBe("CONFLICT");
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("answers NOT_FOUND for an unknown account", async () => {
    expect((await refusal(changeRole(db, { actor: ada, userId: "nobody", role: "editor" }))).code).toBe("NOT_FOUND");
  });
});

describe("setAccountDisabled", () => {
  it("ends the account's sessions and stops its API tokens at once; enabling brings neither back", async () => {
    const rita = await user("rita@example.org", "reviewer");
    const first = await openSession(db, { userId: rita.id });
    const second = await openSession(db, { userId: rita.id });
    const mine = await openSession(db, { userId: ada.id });
    const { token } = await createApiToken(db, { viewer: rita, name: "script" });
    expect(await resolveApiToken(db, token)).not.toBeNull();

    const change = await setAccountDisabled(db, { actor: ada, userId: rita.id, disabled: true });
    expect(change).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 });
    expect(change.disabledAt).toBeInstanceOf(Date);
    expect(await findSessionViewer(db, first.sessionToken)).toBeNull();
    expect(await findSessionViewer(db, second.sessionToken)).toBeNull();
    expect(await db.session.count({ where: { userId: rita.id } })).toBe(0);
    expect(await resolveApiToken(db, token)).toBeNull();
    expect(await findSessionViewer(db, mine.sessionToken)).not.toBeNull();

    await setAccountDisabled(db, { actor: ada, userId: rita.id, disabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: rita.id } })).disabledAt).toBeNull();
    expect(await findSessionViewer(db, first.sessionToken)).toBeNull();
    expect(await resolveApiToken(db, token)).toBeNull();
    expect((await audit(rita.id)).map((e) => e.action)).toEqual(["user.disable", "user.enable"]);
    expect(JSON.parse((await audit(rita.id))[0]!.after!)).toMatchObject({ sessionsEnded: 2, tokensRevoked: 1 });
  });

  it("a disabled account cannot sign in with its password", async () => {
    const created = await createAccount(db, { actor: ada, email: "rita@example.org", name: "Rita", role: "reviewer" });
    await setAccountDisabled(db, { actor: ada, userId: created.id, disabled: true });
    expect(await authorizePassword(db, { email: "rita@example.org", password: created.password }, undefined)).toBeNull();
  });

  it("refuses the last active admin disabling themself, and keeps their session", async () => {
    const { sessionToken } = await openSession(db, { userId: ada.id });
    const error = await refusal(setAccountDisabled(db, { actor: ada, userId: ada.id, disabled: true }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("You are the last active admin: make another account an admin before you disable your own account.");
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).disabledAt).toBeNull();
    expect(await findSessionViewer(db, sessionToken)).not.toBeNull();
    expect(await audit(ada.id)).toEqual([]);
  });

  it("disabling twice changes nothing the second time", async () => {
    const rita = await user("rita@example.org", "reviewer");
    const first = await setAccountDisabled(db, { actor: ada, userId: rita.id, disabled: true });
    const second = await setAccountDisabled(db, { actor: ada, userId: rita.id, disabled: true });
    expect(second.disabledAt).toEqual(first.disabledAt);
    expect((await audit(rita.id)).length).toBe(1);
  });
});

describe("resetPassword", () => {
  it("gives a new one-time password, ends the account's sessions, and the old password stops", async () => {
    const created = await createAccount(db, { actor: ada, email: "rita@example.org", name: "Rita", role: "reviewer" });
    const { sessionToken } = await openSession(db, { userId: created.id });
    const reset = await resetPassword(db, { actor: ada, userId: created.id });
    expect(reset.password).not.toBe(created.password);
    expect(await findSessionViewer(db, sessionToken)).toBeNull();
    expect(await authorizePassword(db, { email: "rita@example.org", password: created.password }, undefined)).toBeNull();
    expect(await authorizePassword(db, { email: "rita@example.org", password: reset.password }, undefined)).toMatchObject({ id: created.id });
    expect((await audit(created.id)).map((e) => e.action)).toEqual(["user.create", "user.password_reset"]);
  });
});

describe("listAccounts", () => {
  it("lists admins first, with disabled state, last sign-in and whether a password is set, and no hash", async () => {
    const created = await createAccount(db, { actor: ada, email: "rita@example.org", name: "Rita", role: "reviewer" });
    await user("bob@example.org", "editor");
    await authorizePassword(db, { email: "rita@example.org", password: created.password }, undefined);
    await setAccountDisabled(db, { actor: ada, userId: created.id, disabled: true });
    const list = await listAccounts(db);
    expect(list.map((a) => [a.email, a.role, a.disabledAt !== null, a.lastSignInAt !== null, a.hasPassword])).toEqual([
      ["ada@example.org", "admin", false, false, false],
      ["bob@example.org", "editor", false, false, false],
      ["rita@example.org", "reviewer", true, true, true],
    ]);
    expect(JSON.stringify(list)).not.toContain("scrypt");
  });
});
