import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";

/** A throwaway, migrated SQLite file for one test file; `dispose` closes and deletes it. */
export function tempDatabase(): { db: Database; url: string; dir: string; file: string; dispose: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  migrateDatabase(url);
  const db = createDatabase(url);
  return {
    db,
    url,
    dir,
    file,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
