import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupSchemaV2 } from "@/lib/export/backup";
import { loadBackup } from "@/lib/export/load-backup";
import { restoreBackup } from "@/lib/export/restore-backup";
import { claimIdOfEvent } from "@/lib/review/audit-history";
import { getWorkbench } from "@/lib/review/get-workbench";
import { parseJsonObject } from "@/lib/review/json-columns";
import { reattachClaim } from "@/lib/revisions/reattach-claim";
import { tempDatabase } from "../../support/temp-database";
import { BACKUP_SLUG } from "./backup-article";

// Written by the version-1 code (before anchors were backed up) from the article of backup-article.ts.
const V1_FILE = readFileSync("tests/fixtures/backup/v1-harbor-revised.json", "utf8");
const v1 = JSON.parse(V1_FILE) as { version: number; claims: Record<string, unknown>[] } & Record<string, unknown>;

describe("restoring a version-1 backup", () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeEach(async () => {
    t = tempDatabase();
    // The file's people have accounts here, under the same ids, so every value comes back as the file has it.
    for (const u of v1.users as { id: string; email: string; name: string | null; role: string }[]) await t.db.user.create({ data: u });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("restores every record of the file, with one anchor per claim on the revision it sits on", async () => {
    expect(v1.version).toBe(1);
    const outcome = await restoreBackup(t.db, V1_FILE);
    expect(outcome).toMatchObject({ version: 1, slug: BACKUP_SLUG, revisions: 3, claims: v1.claims.length, claimAnchors: v1.claims.length });

    const again = await loadBackup(t.db, { slug: BACKUP_SLUG });
    expect(BackupSchemaV2.safeParse(again).success).toBe(true);
    for (const table of ["article", "revisions", "claims", "reviews", "citations", "sources", "users"] as const) {
      // Every value of the file comes back (columns added since then hold their defaults).
      expect(again[table], table).toMatchObject(v1[table] as object);
    }
    // The history too, as imported history, and the restore is one more event.
    const imported = again.auditEvents.filter((e) => e.action !== "article.restore");
    expect(imported).toMatchObject(v1.auditEvents as object);
    expect(imported.every((e) => e.importedAt !== null)).toBe(true);
    expect(again.auditEvents).toHaveLength(imported.length + 1);
    for (const claim of again.claims) {
      expect(again.claimAnchors.find((a) => a.claimId === claim.id)).toMatchObject({ revisionId: claim.revisionId, sourceStart: claim.sourceStart, text: claim.text });
    }
  });

  it("keeps an orphan's earlier state, so re-attaching it gives back the approval", async () => {
    await restoreBackup(t.db, V1_FILE);
    const orphan = await t.db.claim.findFirstOrThrow({ where: { state: "orphaned" } });
    const latest = await t.db.revision.findFirstOrThrow({ orderBy: { number: "desc" } });
    const eve = await t.db.user.findUniqueOrThrow({ where: { email: "eve@desk.example" } });
    const start = latest.text.indexOf("The harbor fund grew");
    const reattached = await reattachClaim(t.db, { viewer: { id: eve.id, email: eve.email, name: eve.name, role: "editor" }, claimId: orphan.id, revisionId: latest.id, sourceStart: start, sourceEnd: latest.text.indexOf("\n", start) });
    expect(reattached.state).toBe("approved");
  });

  it("gives each event of a file from before AuditEvent.claimId its claim, so a claim's history read by that column is whole", async () => {
    expect((v1.auditEvents as object[]).some((e) => "claimId" in e)).toBe(false);
    await restoreBackup(t.db, V1_FILE);
    const events = await t.db.auditEvent.findMany({ where: { importedAt: { not: null } } });
    for (const e of events) expect(e.claimId, e.action).toBe(claimIdOfEvent({ ...e, before: parseJsonObject(e.before), after: parseJsonObject(e.after) }));
    expect(events.filter((e) => e.entityType === "review" && e.claimId !== null).length).toBeGreaterThan(0);

    const eve = await t.db.user.findUniqueOrThrow({ where: { email: "eve@desk.example" } });
    const viewer = { id: eve.id, email: eve.email, name: eve.name, role: "editor" as const };
    const whole = await getWorkbench(t.db, { viewer, slug: BACKUP_SLUG });
    const reviewed = whole!.claims.filter((c) => c.history.some((h) => h.action === "review.save"));
    expect(reviewed.length).toBeGreaterThan(0);
    for (const claim of reviewed) {
      const alone = await getWorkbench(t.db, { viewer, slug: BACKUP_SLUG, claimIds: [claim.id] });
      expect(alone!.claims[0]!.history, claim.text).toEqual(claim.history);
    }
  });

  it("restores a file from before re-anchoring (no anchor columns on claims) as claims were then", async () => {
    const SINCE = ["anchorStatus", "previousText", "previousRevisionId", "stateBeforeOrphan"];
    const older = { ...v1, claims: v1.claims.map((c) => Object.fromEntries(Object.entries(c).filter(([key]) => !SINCE.includes(key)))) };
    await restoreBackup(t.db, older);
    const claims = await t.db.claim.findMany();
    expect(claims).toHaveLength(v1.claims.length);
    for (const c of claims) expect(c).toMatchObject({ anchorStatus: "exact", previousText: null, stateBeforeOrphan: null });
  });
});
