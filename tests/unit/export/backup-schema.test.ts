import { readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { BackupSchemaV2, type BackupFile } from "@/lib/export/backup";
import { loadBackup } from "@/lib/export/load-backup";
import { tempDatabase } from "../../support/temp-database";
import { BACKUP_SLUG, buildBackupArticle } from "./backup-article";

// The checked-in JSON Schema is generated from the zod schema restore parses with; UPDATE=1 rewrites it.
const SCHEMA_FILE = "lib/export/backup.schema.json";
const generated = `${JSON.stringify(z.toJSONSchema(BackupSchemaV2, { target: "draft-2020-12" }), null, 2)}\n`;
if (process.env.UPDATE) writeFileSync(SCHEMA_FILE, generated);
const checkedIn = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object;

// Formats are checked by the schema's own patterns; ajv is told the names so it does not refuse them.
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, formats: { "date-time": true, uri: true } }).compile(checkedIn);

describe("backup.schema.json", () => {
  let t: ReturnType<typeof tempDatabase>;
  let backup: BackupFile;
  beforeAll(async () => {
    t = tempDatabase();
    await buildBackupArticle(t.db);
    backup = JSON.parse(JSON.stringify(await loadBackup(t.db, { slug: BACKUP_SLUG }))) as BackupFile;
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it("is the schema restore parses with (regenerate with UPDATE=1 and review the diff)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated);
  });

  it("accepts the backup of an article with three revisions, orphans and approvals", () => {
    const ok = validate(backup);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("refuses a backup without anchors, with a claim in an unknown state, a row that is not JSON scalars or a javascript: link", () => {
    const { claimAnchors, ...withoutAnchors } = backup;
    expect(claimAnchors.length).toBeGreaterThan(0);
    expect(validate(withoutAnchors)).toBe(false);
    expect(validate({ ...backup, claims: [{ ...backup.claims[0]!, state: "lost" }] })).toBe(false);
    expect(validate({ ...backup, claims: [{ ...backup.claims[0]!, extra: { nested: true } }] })).toBe(false);
    expect(validate({ ...backup, version: 1 })).toBe(false);
    // Addresses rendered as links are http(s) only, in the published schema as in the restore.
    expect(validate({ ...backup, sources: [{ ...backup.sources[0]!, url: "javascript:alert(1)" }] })).toBe(false);
    expect(validate({ ...backup, article: { ...backup.article, originalUrl: "data:text/html,<script>alert(1)</script>" } })).toBe(false);
  });
});
