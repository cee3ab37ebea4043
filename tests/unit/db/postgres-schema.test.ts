import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationDrift, POSTGRES_ONLY_MODELS, POSTGRES_SCHEMA, postgresSchema, postgresSchemaIsCurrent, SOURCE_SCHEMA } from "@/scripts/db-postgres-schema";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

/** Issue 14: one source schema; the PostgreSQL variant and its migrations are checked against it. */
const source = readFileSync(SOURCE_SCHEMA, "utf8");
const only = readFileSync(POSTGRES_ONLY_MODELS, "utf8");

describe("the generated PostgreSQL schema", () => {
  it("changes the datasource and the client's folder, and copies every model of the source as written", () => {
    const generated = postgresSchema(source, only);
    expect(generated).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(generated).toContain('output     = "../../lib/generated/prisma-pg"');
    expect(generated).not.toContain('provider = "sqlite"');
    const models = source.match(/^model \w+ \{[\s\S]*?^\}/gm) ?? [];
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) expect(generated).toContain(model);
    // PostgreSQL's own: the tsvector twin of the FTS5 table.
    expect(generated).toContain("model ClaimSearch {");
  });

  it("is committed up to date", () => {
    expect(postgresSchemaIsCurrent(".")).toBe(true);
  });

  describe("--check", () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), "claimdesk-schema-"));
      mkdirSync(path.join(root, "prisma", "postgresql"), { recursive: true });
      for (const file of [SOURCE_SCHEMA, POSTGRES_SCHEMA, POSTGRES_ONLY_MODELS]) cpSync(file, path.join(root, file));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it("fails, saying what to run, once a model changes without regenerating, and passes after", () => {
      writeFileSync(path.join(root, SOURCE_SCHEMA), source.replace("  speaker      String?\n", "  speaker      String?\n  newField     String?\n"));
      expect(postgresSchemaIsCurrent(root)).toBe(false);
      const script = path.resolve("scripts/db-postgres-schema.ts");
      const tsx = path.resolve("node_modules/.bin/tsx");
      const env = { ...process.env, DATABASE_URL: "" };
      const stale = spawnSync(tsx, [script, "--check"], { cwd: root, env, encoding: "utf8" });
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain("prisma/postgresql/schema.prisma is stale: run `npm run db:postgres-schema`");
      expect(spawnSync(tsx, [script], { cwd: root, env, encoding: "utf8" }).status).toBe(0);
      expect(readFileSync(path.join(root, POSTGRES_SCHEMA), "utf8")).toContain("newField     String?");
      const fresh = spawnSync(tsx, [script, "--check"], { cwd: root, env, encoding: "utf8" });
      expect(fresh.status).toBe(0);
      expect(fresh.stdout).toContain("not checked: DATABASE_URL names no PostgreSQL server");
    }, 60_000);
  });

  describe.runIf(onPostgres)("migration history", () => {
    let t: ReturnType<typeof tempDatabase>;
    let dir: string;
    beforeAll(() => {
      t = tempDatabase();
      dir = mkdtempSync(path.join("prisma", "postgresql", ".drift-test-"));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.dispose();
    });

    it("builds exactly the committed schema, and a model change without a migration shows what is missing", () => {
      expect(migrationDrift(t.url)).toBe("");
      // A schema beside the real one (the migrations path is the config's, not the schema's).
      const changed = path.join(dir, "schema.prisma");
      writeFileSync(changed, readFileSync(POSTGRES_SCHEMA, "utf8").replace("  speaker      String?\n", "  speaker      String?\n  newField     String?\n"));
      expect(migrationDrift(t.url, changed)).toMatch(/ALTER TABLE "Claim" ADD COLUMN\s+"newField" TEXT;/);
    }, 180_000);
  });
});
