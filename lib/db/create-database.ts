import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./database-url";
import { retryBusy } from "./retry-busy";
import { sqliteAdapter } from "./sqlite-connection";

/**
 * Opens a Prisma client on the SQLite file. Command-line tools and tests call this directly (each
 * process one client); the app goes through lib/db/client.ts.
 *
 * The password hash is omitted from every query by default: a page or route can never hand it out by
 * accident, and sign-in asks for it explicitly with `omit: { passwordHash: false }`.
 *
 * Several processes write to the one file (the app, imports, restores). The connection waits for
 * the write lock (lib/db/sqlite-connection.ts), and an interactive transaction that could not get
 * it is run again whole, asynchronously, until lib/db/retry-busy.ts's budget is spent; only then
 * does the caller see the busy error, which lib/errors.ts answers as 503 with a sentence.
 */
export function createDatabase(url: string = databaseUrl(), options: { busyRetryMs?: number } = {}) {
  const client = new PrismaClient({ adapter: sqliteAdapter(url), omit: { user: { passwordHash: true } } });
  const transaction = client.$transaction.bind(client) as (arg: unknown, txOptions?: unknown) => Promise<unknown>;
  // Only the callback form is retried: it builds its queries afresh on each run, while an array of
  // already-created queries cannot be sent twice.
  client.$transaction = ((arg: unknown, txOptions?: unknown) =>
    typeof arg === "function" ? retryBusy(() => transaction(arg, txOptions), options.busyRetryMs) : transaction(arg, txOptions)) as typeof client.$transaction;
  return client;
}

export type Database = ReturnType<typeof createDatabase>;
