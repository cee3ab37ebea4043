import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import type { Database } from "./create-database";
import { databaseUrl, engineOf, redactedUrl, sqliteFilePath } from "./database-url";
import { appliedPostgresMigrations } from "./postgres-migrations";

/** Each engine's migration history and the Prisma config that applies it. */
const HISTORY = {
  sqlite: { config: "prisma.config.ts", migrations: path.join("prisma", "migrations") },
  postgresql: { config: path.join("prisma", "postgresql", "prisma.config.ts"), migrations: path.join("prisma", "postgresql", "migrations") },
} as const;

/**
 * Applies the checked-in migrations of the URL's engine with the ordinary `prisma migrate deploy`
 * (the WebAssembly engine, so it works offline), creating the data folder of a SQLite file first.
 * A failure says which DATABASE_URL (password left out) and what Prisma answered.
 */
export function migrateDatabase(url: string = databaseUrl()): void {
  const engine = engineOf(url);
  const file = sqliteFilePath(url);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  // Most runs (every import) find the database current: skip the engine, which also needs a moment
  // of exclusive access that a busy app server may not give it (SQLite), or seconds to start.
  if (pendingMigrations(url).length === 0) return;
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy", "--config", HISTORY[engine].config], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string; message: string };
    const detail = `${out.stderr ?? ""}${out.stdout ?? ""}`.trim().split("\n").filter(Boolean).slice(-3).join(" | ");
    throw new Error(`Could not apply the database migrations to DATABASE_URL=${redactedUrl(url)}: ${detail || out.message}`);
  }
}

/** The migration folders of the URL's engine not yet recorded as applied (all of them on a new database). */
export function pendingMigrations(url: string = databaseUrl()): string[] {
  const engine = engineOf(url);
  const dir = path.resolve(HISTORY[engine].migrations);
  const wanted = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const applied = engine === "postgresql" ? appliedPostgresMigrations(url) : appliedSqliteMigrations(sqliteFilePath(url)!);
  return wanted.filter((name) => !applied.has(name));
}

/** The migrations recorded as applied in a SQLite file; none when the file or its table is missing. */
function appliedSqliteMigrations(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return new Set();
    const rows = sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[];
    return new Set(rows.map((r) => r.migration_name));
  } finally {
    sqlite.close();
  }
}

/**
 * WAL lets the app read while a command-line import writes; it is a property of the file, so
 * setting it once after migrating is enough. PostgreSQL readers never wait for writers: nothing to do.
 */
export async function enableWriteAheadLog(db: Database, url: string = databaseUrl()): Promise<void> {
  if (engineOf(url) !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
}
