import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Database } from "./create-database";
import { databaseUrl, sqliteFilePath } from "./database-url";

/**
 * Applies the checked-in migrations with the ordinary `prisma migrate deploy` (the WebAssembly
 * engine, so it works offline), creating the data folder of a SQLite file first.
 */
export function migrateDatabase(url: string = databaseUrl()): void {
  const file = sqliteFilePath(url);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string; message: string };
    const detail = `${out.stderr ?? ""}${out.stdout ?? ""}`.trim().split("\n").filter(Boolean).slice(-3).join(" | ");
    throw new Error(`Could not apply the database migrations to ${url}: ${detail || out.message}`);
  }
}

/**
 * WAL lets the app read while a command-line import writes; it is a property of the file, so
 * setting it once after migrating is enough.
 */
export async function useWriteAheadLog(db: Database): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
}
