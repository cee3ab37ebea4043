import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { pendingMigrations } from "@/lib/db/migrate";
import { runSqlSync } from "@/scripts/postgres-cluster.mjs";
import { onPostgres, withDatabase } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

/**
 * Issue 14: `npm run setup` migrates a new, empty PostgreSQL database with its own migration
 * history and fills it as it fills a SQLite file; run again, it changes nothing. A wrong password
 * stops it before anything is written, with a sentence naming DATABASE_URL.
 */
const tsx = path.resolve("node_modules/.bin/tsx");
const contentFiles = readdirSync("content").filter((f) => /\.(md|markdown|txt|html?)$/.test(f));

function setup(url: string) {
  // AUTH_SECRET set: setup would otherwise write a development secret to .env.local.
  return spawnSync(tsx, ["scripts/setup.ts"], { env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "test-secret", NODE_ENV: "test" }, encoding: "utf8" });
}

describe.runIf(onPostgres)("npm run setup on PostgreSQL", () => {
  let t: ReturnType<typeof tempDatabase>;
  let url: string;
  let db: Database;
  const name = `setup_${process.pid}`;
  beforeAll(() => {
    t = tempDatabase();
    // A database with nothing in it, not a copy of the migrated template.
    runSqlSync(withDatabase(t.url, "postgres"), `CREATE DATABASE "${name}"`);
    url = withDatabase(t.url, name);
    db = createDatabase(url);
  });
  afterAll(async () => {
    await db.$disconnect();
    runSqlSync(withDatabase(t.url, "postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await t.dispose();
  });

  it("migrates an empty database, imports the content and creates the demo accounts; again, it changes nothing", async () => {
    expect(pendingMigrations(url).length).toBeGreaterThan(1);
    const first = setup(url);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(pendingMigrations(url)).toEqual([]);
    expect(await db.article.count()).toBe(contentFiles.length);
    expect((await db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((u) => u.email)).toContain("admin@claimdesk.test");
    const again = setup(url);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/setup: unchanged /);
    expect(again.stdout).not.toMatch(/demo accounts created/);
  }, 240_000);

  it("stops on a wrong password with a sentence naming DATABASE_URL, the password hidden", () => {
    const wrong = new URL(url);
    wrong.password = "wrong";
    const result = setup(wrong.toString());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^setup failed: Could not read the applied migrations of DATABASE_URL=postgresql:\/\/claimdesk:\*\*\*@127\.0\.0\.1:\d+\/setup_\d+: password authentication failed for user "claimdesk"/);
  }, 60_000);
});
