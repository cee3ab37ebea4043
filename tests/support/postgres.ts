import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { runSqlSync } from "@/scripts/postgres-cluster.mjs";

/**
 * The unit tests' PostgreSQL (issue 14). `CLAIMDESK_TEST_DATABASE=postgres` (npm run
 * test:unit:postgres) runs every test on PostgreSQL: tests/support/postgres-global-setup.ts starts
 * one throwaway cluster per run and migrates a template database once; each tempDatabase() is then
 * a copy of the template (CREATE DATABASE … TEMPLATE, a file copy: no migrations per test file).
 */
export const TEMPLATE_DATABASE = "claimdesk_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** The cluster's URL (any database on it), set by the global setup on PostgreSQL runs. */
    postgresServerUrl: string;
  }
}

/** Whether this run's tests use PostgreSQL. */
export const onPostgres = process.env.CLAIMDESK_TEST_DATABASE === "postgres";

/** The same URL naming another database on the server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function serverUrl(): string {
  const url = process.env.CLAIMDESK_TEST_POSTGRES_URL || inject("postgresServerUrl");
  if (!url) throw new Error("CLAIMDESK_TEST_DATABASE=postgres, but no cluster was started: run through vitest (tests/support/postgres-global-setup.ts).");
  return url;
}

/** A new database copied from the migrated template, and how to drop it. */
export function createTestDatabase(): { url: string; drop: () => void } {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = withDatabase(serverUrl(), "postgres");
  runSqlSync(admin, `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  // WITH (FORCE) ends any connection a test left open (PostgreSQL 13+).
  return { url: withDatabase(admin, name), drop: () => runSqlSync(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
