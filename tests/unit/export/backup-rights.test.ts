import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import type { BackupFile } from "@/lib/export/backup";
import { loadBackup } from "@/lib/export/load-backup";
import { restoreBackup } from "@/lib/export/restore-backup";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { tempDatabase } from "../../support/temp-database";
import { buildFixture, FIXTURE_SLUG } from "./fixture";

/**
 * Issue 11, finding 6: a backup restore stays within the restorer's rights. The file's people are
 * matched to accounts by email and never change them; only an admin (or the operator at the command
 * line) may bring in a person who has no account, and then as a disabled reviewer without a
 * password. The file's audit events come in as imported history; the restore itself is audited, and
 * "replace" keeps this installation's own history of the article.
 */

type Temp = ReturnType<typeof tempDatabase>;

let origin: Temp;
let good: BackupFile;
beforeAll(async () => {
  origin = tempDatabase();
  await buildFixture(origin.db);
  good = await loadBackup(origin.db, { slug: FIXTURE_SLUG, exportedAt: "2024-04-01T00:00:00.000Z" });
}, 60_000);
afterAll(async () => {
  await origin.dispose();
}, 30_000);

let t: Temp;
beforeEach(() => {
  t = tempDatabase();
});
afterEach(async () => {
  await t.dispose();
}, 30_000);

/** The file's people, forged: every one an admin with a new name. */
function forged(backup: BackupFile): BackupFile {
  return { ...backup, users: backup.users.map((u) => ({ ...u, role: "admin", name: "Mallory" })) };
}

async function account(email: string, role: "reviewer" | "editor" | "admin", name: string) {
  const user = await t.db.user.create({ data: { email, role, name, passwordHash: `scrypt$${email}` }, omit: { passwordHash: false } });
  return { ...user, viewer: { id: user.id, email: user.email, name: user.name, role } };
}

async function counts(db: Temp["db"]) {
  const [users, articles, claims, reviews, auditEvents] = await Promise.all([db.user.count(), db.article.count(), db.claim.count(), db.review.count(), db.auditEvent.count()]);
  return { users, articles, claims, reviews, auditEvents };
}

describe("people in a backup", () => {
  it("map to existing accounts by email, whose role, name and password never change", async () => {
    const eve = await account("eve@desk.example", "editor", "Eve Here");
    const ann = await account("ANN@desk.example", "reviewer", "Ann Here");
    const bo = await account("bo@desk.example", "reviewer", "Bo Here");
    const outcome = await restoreBackup(t.db, forged(good), { restorer: eve.viewer });
    expect(outcome).toMatchObject({ usersCreated: 0, usersMatched: 3 });

    const after = await t.db.user.findMany({ omit: { passwordHash: false }, orderBy: { email: "asc" } });
    expect(after.map((u) => [u.email, u.role, u.name, u.passwordHash, u.disabledAt])).toEqual([
      ["ANN@desk.example", "reviewer", "Ann Here", "scrypt$ANN@desk.example", null],
      ["bo@desk.example", "reviewer", "Bo Here", "scrypt$bo@desk.example", null],
      ["eve@desk.example", "editor", "Eve Here", "scrypt$eve@desk.example", null],
    ]);
    // The restored reviews name this database's accounts.
    const reviewers = new Set((await t.db.review.findMany({ select: { reviewerId: true } })).map((r) => r.reviewerId));
    expect([...reviewers].every((id) => [eve.id, ann.id, bo.id].includes(id))).toBe(true);
  });

  it("who have no account here refuse an editor's restore, naming them, and nothing is written", async () => {
    const eve = await account("eve@desk.example", "editor", "Eve Here");
    const before = await counts(t.db);
    const attempt = restoreBackup(t.db, forged(good), { restorer: eve.viewer });
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt).rejects.toThrow(/ann@desk\.example, bo@desk\.example/);
    await expect(attempt).rejects.toThrow(/ask an admin to restore this backup, or create these accounts first/i);
    expect(await counts(t.db)).toEqual(before);
    // Without a restorer (a caller that does not say who restores) the same: not an admin.
    await expect(restoreBackup(t.db, forged(good))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts(t.db)).toEqual(before);
  });

  it("who have no account here are created by an admin's restore as disabled reviewers without a password", async () => {
    const admin = await account("root@desk.example", "admin", "Root");
    const outcome = await restoreBackup(t.db, forged(good), { restorer: admin.viewer });
    expect(outcome).toMatchObject({ usersCreated: 3, usersMatched: 0 });
    const created = await t.db.user.findMany({ where: { NOT: { id: admin.id } }, omit: { passwordHash: false } });
    expect(created).toHaveLength(3);
    for (const user of created) {
      expect(user.role).toBe("reviewer");
      expect(user.passwordHash).toBeNull();
      expect(user.disabledAt).toBeInstanceOf(Date);
    }
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("who have no account here are created, disabled, by the command line (the machine's operator)", async () => {
    const file = path.join(t.dir, "backup.json");
    writeFileSync(file, JSON.stringify(forged(good)));
    const line = execFileSync("npx", ["tsx", "scripts/restore.ts", file], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8", stdio: "pipe" });
    expect(line).toMatch(/^restored: harbor-budget/);
    const people = await t.db.user.findMany({ omit: { passwordHash: false } });
    expect(people.map((u) => [u.role, u.passwordHash, u.disabledAt === null])).toEqual(people.map(() => ["reviewer", null, false]));
    const restore = await t.db.auditEvent.findFirstOrThrow({ where: { action: "article.restore" } });
    expect(restore).toMatchObject({ actorId: null, importedAt: null });
  }, 60_000);
});

describe("history in a backup", () => {
  it("comes in as imported events, whatever the file says, and the restore itself is audited", async () => {
    const admin = await account("root@desk.example", "admin", "Root");
    const file = { ...good, auditEvents: good.auditEvents.map((e) => ({ ...e, importedAt: null })) };
    await restoreBackup(t.db, file, { restorer: admin.viewer });
    const events = await t.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } });
    const imported = events.filter((e) => e.action !== "article.restore");
    expect(imported).toHaveLength(good.auditEvents.length);
    for (const e of imported) expect(e.importedAt).toBeInstanceOf(Date);
    const restore = events.filter((e) => e.action === "article.restore");
    expect(restore).toHaveLength(1);
    expect(restore[0]).toMatchObject({ actorId: admin.id, importedAt: null, entityType: "article", before: null });
    expect(JSON.parse(restore[0]!.after!)).toMatchObject({ slug: FIXTURE_SLUG, claims: good.claims.length, auditEvents: good.auditEvents.length });
  });

  it("is not erased by an editor's replace: every event stays, and the replace is audited with what it replaced", async () => {
    const admin = await account("root@desk.example", "admin", "Root");
    const eve = await account("eve@desk.example", "editor", "Eve Here");
    await account("ann@desk.example", "reviewer", "Ann Here");
    await account("bo@desk.example", "reviewer", "Bo Here");
    await restoreBackup(t.db, good, { restorer: admin.viewer });
    // Work done here after the restore: this installation's own history of the article.
    const open = await t.db.claim.findFirstOrThrow({ where: { state: "open" } });
    await dismissClaim(t.db, { viewer: eve.viewer, claimId: open.id, reason: "a lead-in, not a claim" });
    const ownBefore = await t.db.auditEvent.findMany({ where: { importedAt: null }, orderBy: { createdAt: "asc" } });
    expect(ownBefore.map((e) => e.action)).toEqual(["article.restore", "claim.dismiss"]);
    const dismissed = ownBefore[1]!;

    const trail = await t.db.auditEvent.findMany({ select: { id: true } });

    // The editor replaces the article with a file whose history is empty.
    const outcome = await restoreBackup(t.db, { ...good, auditEvents: [] }, { restorer: eve.viewer, replace: true });
    expect(outcome).toMatchObject({ replaced: true, auditEvents: 0, auditEventsKept: trail.length });
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: FIXTURE_SLUG } });
    // No event is gone: the imported ones and this installation's own, all on the article.
    const after = await t.db.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(after.map((e) => e.id)).toEqual(expect.arrayContaining(trail.map((e) => e.id)));
    expect(after.every((e) => e.articleId === article.id)).toBe(true);
    const own = after.filter((e) => e.importedAt === null);
    expect(own.map((e) => e.action)).toEqual(["article.restore", "claim.dismiss", "article.restore"]);
    expect(own[1]!.id).toBe(dismissed.id);
    const replace = own[2]!;
    expect(replace).toMatchObject({ actorId: eve.id, entityId: article.id });
    expect(JSON.parse(replace.before!)).toMatchObject({ claims: good.claims.length, auditEventsImported: good.auditEvents.length, auditEventsKept: good.auditEvents.length + 2 });
    expect(JSON.parse(replace.after!)).toMatchObject({ auditEvents: 0, replaced: true });
  });

  it("restored over the same installation's own events keeps those and does not copy them twice", async () => {
    // Restoring the origin's own backup into the origin (replace): its events are already here.
    const admin = await origin.db.user.create({ data: { email: "root@desk.example", role: "admin" } });
    const before = await origin.db.auditEvent.findMany({ where: { importedAt: null } });
    await restoreBackup(origin.db, good, { restorer: { id: admin.id, role: "admin" }, replace: true });
    const after = await origin.db.auditEvent.findMany();
    expect(after.filter((e) => e.importedAt !== null)).toEqual([]);
    expect(after.map((e) => e.id).sort()).toEqual([...before.map((e) => e.id), after.find((e) => e.action === "article.restore")!.id].sort());
  });
});

describe("links in a backup", () => {
  const cases: [string, (b: BackupFile) => BackupFile, RegExp][] = [
    ["a javascript: article URL", (b) => ({ ...b, article: { ...b.article, originalUrl: "javascript:alert(1)" } }), /article\.originalUrl: Use an http or https address/],
    ["a data: archive URL", (b) => ({ ...b, citations: b.citations.map((c, i) => (i === 0 ? { ...c, archiveUrl: "data:text/html,<script>alert(1)</script>" } : c)) }), /citations\.0\.archiveUrl: Use an http or https address/],
    ["a javascript: source URL", (b) => ({ ...b, sources: b.sources.map((s, i) => (i === 1 ? { ...s, url: " JavaScript:alert(1)" } : s)) }), /sources\.1\.url: Use an http or https address/],
    ["a javascript: source URL hidden by a tab", (b) => ({ ...b, sources: b.sources.map((s, i) => (i === 0 ? { ...s, url: "java\tscript:alert(1)" } : s)) }), /sources\.0\.url: Use an http or https address/],
  ];
  it.each(cases)("refuse %s, naming the field, and nothing is written", async (_, edit, reason) => {
    const admin = await account("root@desk.example", "admin", "Root");
    const before = await counts(t.db);
    await expect(restoreBackup(t.db, edit(good), { restorer: admin.viewer })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(reason) });
    expect(await counts(t.db)).toEqual(before);
  });
});
