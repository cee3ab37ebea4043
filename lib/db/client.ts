import "server-only";
import { createDatabase, type Database } from "./create-database";

/**
 * The one database client of the app process. Next's development server reloads modules, so the
 * client lives on globalThis there; otherwise every reload would open the SQLite file again.
 */
const globalForDb = globalThis as unknown as { claimdeskDb?: Database };

export const db: Database = globalForDb.claimdeskDb ?? createDatabase();

if (process.env.NODE_ENV !== "production") globalForDb.claimdeskDb = db;
