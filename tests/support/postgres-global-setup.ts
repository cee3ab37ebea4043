import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrate";
import { runSqlSync, startCluster, type PostgresCluster } from "@/scripts/postgres-cluster.mjs";
import { onPostgres, TEMPLATE_DATABASE, withDatabase } from "./postgres";

/**
 * Vitest's global setup (vitest.config.ts): on a PostgreSQL run, one throwaway cluster for the
 * whole run and one migrated template database that every test file's database is copied from.
 * CLAIMDESK_TEST_POSTGRES_URL names a server started elsewhere (CI may share one): then no cluster
 * is started here, and the template is made on that server. SQLite runs do nothing.
 */
let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!onPostgres) return;
  let server = process.env.CLAIMDESK_TEST_POSTGRES_URL;
  if (!server) {
    cluster = await startCluster({ durable: false });
    server = cluster.url;
  }
  const admin = withDatabase(server, "postgres");
  runSqlSync(admin, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  runSqlSync(admin, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  migrateDatabase(withDatabase(server, TEMPLATE_DATABASE));
  project.provide("postgresServerUrl", server);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
