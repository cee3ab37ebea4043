import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, engineOf } from "./database-url";
import { postgresClient } from "./postgres-database";
import { retryBusy } from "./retry-busy";
import { retryWriteConflict } from "./retry-write-conflict";
import { sqliteAdapter } from "./sqlite-connection";

/**
 * Opens a Prisma client on the database DATABASE_URL names (lib/db/database-url.ts): a `file:`
 * URL opens the SQLite file through better-sqlite3, a `postgres://` URL a PostgreSQL server
 * through @prisma/adapter-pg. Command-line tools and tests call this directly (each process one
 * client); the app goes through lib/db/client.ts.
 *
 * The password hash is omitted from every query by default: a page or route can never hand it out by
 * accident, and sign-in asks for it explicitly with `omit: { passwordHash: false }`.
 *
 * SQLite: several processes write to the one file (the app, imports, restores). The connection waits for
 * the write lock (lib/db/sqlite-connection.ts), and an interactive transaction that could not get
 * it is run again whole, asynchronously, until lib/db/retry-busy.ts's budget is spent; only then
 * does the caller see the busy error, which lib/errors.ts answers as 503 with a sentence.
 * PostgreSQL: writers wait for row locks instead; a transaction aborted by a deadlock or a
 * serialization failure is run again whole (lib/db/retry-write-conflict.ts).
 */
export function createDatabase(url: string = databaseUrl(), options: { busyRetryMs?: number } = {}): Database {
  if (engineOf(url) === "postgresql") return retryTransactions(postgresClient(url), retryWriteConflict);
  return retryTransactions(sqliteClient(url), (attempt) => retryBusy(attempt, options.busyRetryMs));
}

function sqliteClient(url: string) {
  return new PrismaClient({ adapter: sqliteAdapter(url), omit: { user: { passwordHash: true } } });
}

/**
 * The one client type callers see, whichever engine is behind it: the SQLite client's. The
 * PostgreSQL client is generated from the same models (scripts/db-postgres-schema.ts copies them),
 * so its model API is the same; lib/db/postgres-database.ts checks that at compile time. The
 * type forbids only what PostgreSQL alone would allow (`mode: "insensitive"`, isolation levels
 * other than Serializable), which code that runs on both engines must not use anyway.
 */
export type Database = ReturnType<typeof sqliteClient>;

/**
 * Only the callback form is retried: it builds its queries afresh on each run, while an array of
 * already-created queries cannot be sent twice.
 */
function retryTransactions(client: Database, retry: <T>(attempt: () => Promise<T>) => Promise<T>): Database {
  const transaction = client.$transaction.bind(client) as (arg: unknown, txOptions?: unknown) => Promise<unknown>;
  client.$transaction = ((arg: unknown, txOptions?: unknown) =>
    typeof arg === "function" ? retry(() => transaction(arg, txOptions)) : transaction(arg, txOptions)) as typeof client.$transaction;
  return client;
}
