import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrate";
import { onPostgres } from "./postgres";

/**
 * Vitest's global setup (vitest.config.ts) on a SQLite run: one file migrated once with the ordinary
 * `prisma migrate deploy`, which every tempDatabase() copies (tests/support/temp-database.ts). The
 * copy is byte for byte what migrating gives, and takes a millisecond where each `prisma migrate
 * deploy` is a process of 1.3-2 s; the tests of migrating itself still migrate their own files.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated SQLite file that test databases are copied from (SQLite runs only). */
    sqliteTemplateFile: string;
  }
}

let dir: string | undefined;

export function setup(project: TestProject): void {
  if (onPostgres) return;
  dir = mkdtempSync(path.join(tmpdir(), "claimdesk-test-template-"));
  const file = path.join(dir, "template.db");
  migrateDatabase(`file:${file}`);
  project.provide("sqliteTemplateFile", file);
}

export function teardown(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}
