/**
 * Issue 14's must-show: a backup from SQLite restores into PostgreSQL and back into SQLite
 * identical, the backup file compared with `exportedAt` aside.
 *
 * It runs in the PostgreSQL unit run (npm run test:unit:postgres, part of npm test where
 * PostgreSQL's programs are present), on the cluster and migrated template that run starts once
 * (tests/support/postgres.ts), with two SQLite files of its own beside it. On a SQLite run it is
 * skipped, saying so, rather than starting a second cluster: that run would then need PostgreSQL's
 * programs, and CI would build the same database twice.
 *
 * What a restore itself adds to the trail by design (lib/export/restore-history.ts) is set aside
 * too, and nothing else: each restore marks the file's events `importedAt` with its own time and
 * records one `article.restore` event of its own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { serializeBackup, type BackupFile } from "@/lib/export/backup";
import { loadBackup } from "@/lib/export/load-backup";
import { restoreBackup } from "@/lib/export/restore-backup";
import { addCitation } from "@/lib/review/add-citation";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { mergeClaims } from "@/lib/review/merge-claims";
import { removeCitation } from "@/lib/review/remove-citation";
import { saveReview } from "@/lib/review/save-review";
import { splitClaim } from "@/lib/review/split-claim";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";
import { BACKUP_SLUG, buildBackupArticle } from "./backup-article";

const UNICODE_NOTE = "Zürich’s “harbour” ≠ Zurich; 東京 and 서울 figures; עברית and العربية; e\u0301 (combining); 👩🏽‍⚖️ 🇳🇿; tab\tand\nnewline";

/** A migrated SQLite file of this test's own, on the PostgreSQL run too. */
function sqliteDatabase(): { db: Database; dispose: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-across-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(url);
  const db = createDatabase(url);
  return {
    db,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The rest of a rich article: a merge, a split, unicode everywhere a person types, a removed citation. */
async function addRichHistory(db: Database, eve: NonNullable<Viewer>, ann: NonNullable<Viewer>): Promise<void> {
  const latest = await db.revision.findFirstOrThrow({ where: { article: { slug: BACKUP_SLUG } }, orderBy: { number: "desc" } });
  const all = await db.claim.findMany({ where: { revisionId: latest.id, state: { not: "dismissed" } }, orderBy: [{ position: "asc" }, { sourceStart: "asc" }] });
  const editable = (c: (typeof all)[number] | undefined) => c !== undefined && ["open", "in_review", "reviewed"].includes(c.state);
  // Two neighbouring claims merged (the second becomes a dismissed claim "merged into" the first).
  const pairAt = all.findIndex((c, i) => editable(c) && editable(all[i + 1]));
  if (pairAt < 0) throw new Error(`backup article: no two neighbouring editable claims to merge (the extractor changed?): ${all.map((c) => c.state).join(", ")}`);
  const [first, second] = [all[pairAt]!, all[pairAt + 1]!];
  await mergeClaims(db, { viewer: eve, firstId: first.id, secondId: second.id });
  // Another claim split in two at a word boundary.
  const other = all.find((c) => editable(c) && c.id !== first.id && c.id !== second.id && c.text.includes(" "));
  if (!other) throw new Error("backup article: no claim to split");
  await splitClaim(db, { viewer: eve, claimId: other.id, at: other.text.indexOf(" ", Math.floor(other.text.length / 2)) });

  const review = await saveReview(db, { viewer: ann, claimId: first.id, verdict: "mostly_accurate", confidence: "medium", note: UNICODE_NOTE, expectedVersion: null });
  await addCitation(db, { viewer: ann, claimId: first.id, url: "https://example.org/π?q=東京&x=%F0%9F%98%80", title: "Harbour report — «annual» 2024 📊", excerpt: "« 4,2 M€ » selon l’adjoint", stance: "supports", accessedOn: "2024-07-01" });
  const dropped = await addCitation(db, { viewer: ann, claimId: first.id, url: "https://example.org/withdrawn", title: "Withdrawn draft", stance: "context" });
  await removeCitation(db, { viewer: ann, citationId: dropped.id });
  await saveReview(db, { viewer: ann, claimId: first.id, reviewId: review.id, verdict: "accurate", confidence: "high", note: `${UNICODE_NOTE} (checked again)`, expectedVersion: review.version });
  const lastOpen = await db.claim.findFirst({ where: { revisionId: latest.id, state: "open" }, orderBy: { position: "desc" } });
  if (lastOpen) await dismissClaim(db, { viewer: eve, claimId: lastOpen.id, reason: "Opinión, no un hecho — 意見" });
}

/**
 * A backup as the comparison sees it: `exportedAt` and the restores' own marks set aside (every
 * event's importedAt, and the article.restore events, which only restores write).
 */
function comparable(backup: BackupFile): string {
  const auditEvents = backup.auditEvents.filter((e) => e.action !== "article.restore").map((e) => ({ ...e, importedAt: null }));
  return serializeBackup({ ...backup, exportedAt: "(aside)", auditEvents });
}

describe.skipIf(!onPostgres)("a backup across engines (runs in the PostgreSQL unit run: npm run test:unit:postgres)", () => {
  let sqlite: ReturnType<typeof sqliteDatabase>;
  let postgres: ReturnType<typeof tempDatabase>;
  let back: ReturnType<typeof sqliteDatabase>;
  let fromSqlite: BackupFile;
  beforeAll(async () => {
    sqlite = sqliteDatabase();
    postgres = tempDatabase();
    back = sqliteDatabase();
    const built = await buildBackupArticle(sqlite.db);
    await addRichHistory(sqlite.db, built.users.eve, built.users.ann);
    fromSqlite = await loadBackup(sqlite.db, { slug: BACKUP_SLUG, exportedAt: "2026-12-01T00:00:00.000Z" });
    // The people have accounts in each database under the same ids (a restore never changes an
    // account: backup-rights.test.ts), so the file's references come back as they were.
    for (const u of fromSqlite.users) {
      await postgres.db.user.create({ data: u });
      await back.db.user.create({ data: u });
    }
  }, 120_000);
  afterAll(async () => {
    await sqlite?.dispose();
    await postgres?.dispose();
    await back?.dispose();
  }, 30_000);

  it("is on the two engines it claims to cross", () => {
    expect(postgres.engine).toBe("postgresql");
  });

  it("starts from an article with everything a backup carries", () => {
    const b = fromSqlite;
    expect(b.revisions).toHaveLength(3);
    expect(b.claims.map((c) => c.state)).toEqual(expect.arrayContaining(["approved", "dismissed", "orphaned", "reviewed", "open"]));
    expect(b.claims.some((c) => c.dismissReason?.startsWith("merged into"))).toBe(true);
    expect(b.claims.some((c) => c.approvedReviewId !== null && c.approvedById !== null)).toBe(true);
    expect(b.claimAnchors.map((a) => a.status)).toEqual(expect.arrayContaining(["exact", "changed", "orphaned"]));
    expect(b.reviews.some((r) => r.version > 1 && r.note.includes("👩🏽‍⚖️"))).toBe(true);
    expect(b.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(["article.import", "review.save", "citation.add", "citation.remove", "claim.approve", "claim.merge", "claim.split", "claim.dismiss", "claim.assign", "claim.reattach", "claim.orphaned"]),
    );
    expect(b.auditEvents.some((e) => e.claimId !== null)).toBe(true);
    expect(b.sources.some((s) => s.title?.includes("📊"))).toBe(true);
  });

  it("restores into PostgreSQL and back into SQLite identical, the file compared with exportedAt aside", async () => {
    const eve = fromSqlite.users.find((u) => u.email === "eve@desk.example")!;
    const restorer = { id: eve.id, email: eve.email, name: eve.name, role: "editor" as const };

    await restoreBackup(postgres.db, serializeBackup(fromSqlite), { restorer });
    const fromPostgres = await loadBackup(postgres.db, { slug: BACKUP_SLUG, exportedAt: "2026-12-02T00:00:00.000Z" });
    await restoreBackup(back.db, serializeBackup(fromPostgres), { restorer });
    const backInSqlite = await loadBackup(back.db, { slug: BACKUP_SLUG, exportedAt: "2026-12-03T00:00:00.000Z" });

    expect(comparable(fromPostgres)).toBe(comparable(fromSqlite));
    expect(comparable(backInSqlite)).toBe(comparable(fromSqlite));
    // What was set aside is only what the restores wrote: one restore event each, and the marks.
    expect(fromPostgres.auditEvents.filter((e) => e.action === "article.restore")).toHaveLength(1);
    expect(backInSqlite.auditEvents.filter((e) => e.action === "article.restore")).toHaveLength(2);
    expect(backInSqlite.auditEvents.filter((e) => e.importedAt === null).map((e) => e.action)).toEqual(["article.restore"]);
  });
});
