import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./database-url";

/**
 * Opens a Prisma client on the SQLite file. Command-line tools and tests call this directly (each
 * process one client); the app goes through lib/db/client.ts.
 *
 * The password hash is omitted from every query by default: a page or route can never hand it out by
 * accident, and sign-in asks for it explicitly with `omit: { passwordHash: false }`.
 */
export function createDatabase(url: string = databaseUrl()) {
  // better-sqlite3 waits up to `timeout` ms on a locked file (SQLite's busy timeout), so the
  // command-line tools can write while the app runs; WAL is switched on once by the setup step and
  // is a property of the file from then on.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Database = ReturnType<typeof createDatabase>;
