import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { serverBinariesPresent, startCluster } from "../../../scripts/postgres-cluster.mjs";
import { tempDatabase } from "../../support/temp-database";

/** A real, migrated database of one engine for a test file; `dispose` closes and deletes it. */
export type TestEngine = { engine: "sqlite" | "postgresql"; db: Database; url: string; dispose: () => Promise<void> };

/** Whether PostgreSQL's server programs are here (scripts/postgres-cluster.mjs); the PostgreSQL half skips without them. */
export const POSTGRES_PRESENT = serverBinariesPresent();

export function sqliteEngine(): TestEngine {
  const t = tempDatabase();
  return { engine: "sqlite", db: t.db, url: t.url, dispose: t.dispose };
}

/** A throwaway cluster (P1's scripts/postgres-cluster.mjs), migrated with the PostgreSQL history. */
export async function postgresEngine(): Promise<TestEngine> {
  const cluster = await startCluster({ durable: false });
  execFileSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], {
    env: { ...process.env, DATABASE_URL: cluster.url },
    stdio: "pipe",
  });
  const db = createDatabase(cluster.url);
  return {
    engine: "postgresql",
    db,
    url: cluster.url,
    dispose: async () => {
      await db.$disconnect();
      await cluster.stop();
    },
  };
}
