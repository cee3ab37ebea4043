import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDatabase, type Database } from "@/lib/db/create-database";
import type { DatabaseEngine } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase, onPostgres } from "./postgres";

/**
 * A throwaway, migrated database for one test file; `dispose` closes and deletes it. A SQLite file
 * by default, copied from the run's migrated template; on a PostgreSQL run (CLAIMDESK_TEST_DATABASE=postgres, tests/support/postgres.ts) a
 * fresh database on the run's cluster, and `file` names no file (tests that open the SQLite file
 * itself skip there). `dir` is a temporary folder either way, for the test's own files.
 */
export function tempDatabase(): { db: Database; url: string; dir: string; file: string; engine: DatabaseEngine; dispose: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-test-"));
  const file = path.join(dir, "test.db");
  if (onPostgres) {
    const database = createTestDatabase();
    const db = createDatabase(database.url);
    return {
      db,
      url: database.url,
      dir,
      file,
      engine: "postgresql",
      dispose: async () => {
        await db.$disconnect();
        database.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = `file:${file}`;
  // A copy of the run's migrated template (tests/support/sqlite-global-setup.ts), else migrated here.
  const template = inject("sqliteTemplateFile");
  if (template && existsSync(template)) copyFileSync(template, file);
  else migrateDatabase(url);
  const db = createDatabase(url);
  return {
    db,
    url,
    dir,
    file,
    engine: "sqlite",
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
