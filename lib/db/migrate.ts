import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import type { Database } from "./create-database";
import { databaseUrl, sqliteFilePath } from "./database-url";

/**
 * Applies the checked-in migrations with the ordinary `prisma migrate deploy` (the WebAssembly
 * engine, so it works offline), creating the data folder of a SQLite file first.
 */
export function migrateDatabase(url: string = databaseUrl()): void {
  const file = sqliteFilePath(url);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  // Most runs (every import) find the file current: skip the engine, which also needs a moment of
  // exclusive access that a busy app server may not give it.
  if (file && isCurrent(file)) return;
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string; message: string };
    const detail = `${out.stderr ?? ""}${out.stdout ?? ""}`.trim().split("\n").filter(Boolean).slice(-3).join(" | ");
    throw new Error(`Could not apply the database migrations to ${url}: ${detail || out.message}`);
  }
}

const MIGRATIONS_DIR = path.resolve("prisma", "migrations");

/** Whether every migration folder in prisma/migrations is recorded as applied in the SQLite file. */
function isCurrent(file: string): boolean {
  if (!existsSync(file)) return false;
  const wanted = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const sqlite = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const rows = sqlite.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * WAL lets the app read while a command-line import writes; it is a property of the file, so
 * setting it once after migrating is enough.
 */
export async function enableWriteAheadLog(db: Database): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
}
