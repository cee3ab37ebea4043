import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Sqlite from "better-sqlite3";

/**
 * The Prisma driver adapter on one better-sqlite3 connection, set up so that writers in several
 * processes (the app, command-line imports, restores) wait for each other instead of failing:
 *
 * - WAL on every connection, not only after `npm run setup`: readers never wait for the writer.
 * - Statements outside a transaction wait up to STATEMENT_WAIT_MS for the lock (busy_timeout).
 * - Transactions begin IMMEDIATE. The adapter's plain BEGIN is deferred: a transaction that read
 *   first and then writes asks for the lock mid-way, and SQLite answers SQLITE_BUSY at once when
 *   another writer has committed since its read (no busy handler can fix a stale snapshot). Taking
 *   the write lock at BEGIN makes "wait for the lock" the only way to be busy, and that is retried
 *   whole by lib/db/retry-busy.ts. BEGIN waits only BEGIN_WAIT_MS inside SQLite, because
 *   better-sqlite3 waits synchronously, blocking the process's event loop meanwhile.
 */
export const STATEMENT_WAIT_MS = 5_000;
export const BEGIN_WAIT_MS = 100;

export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: STATEMENT_WAIT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The adapter keeps its better-sqlite3 handle on `client` (adapter-better-sqlite3 6.19).
    const client = (adapter as unknown as { client: Sqlite.Database }).client;
    if (!client.memory && !client.readonly) client.pragma("journal_mode = WAL");
    beginImmediately(adapter, client);
    return adapter;
  };
  return factory;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Makes the adapter's transactions begin IMMEDIATE. The adapter holds a mutex from its BEGIN to
 * the commit, and would never release it if its BEGIN threw; so its own BEGIN is made a no-op and
 * the IMMEDIATE one runs after it, where a busy failure can still release the transaction.
 */
function beginImmediately(adapter: Adapter, client: Sqlite.Database): void {
  const prepare = client.prepare.bind(client);
  const beginImmediate = prepare("BEGIN IMMEDIATE");
  // The adapter starts every transaction with prepare("BEGIN").run(); nothing else prepares "BEGIN".
  const skippedBegin = { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  client.prepare = ((source: string) => (source === "BEGIN" ? skippedBegin : prepare(source))) as typeof client.prepare;

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    client.pragma(`busy_timeout = ${BEGIN_WAIT_MS}`);
    try {
      beginImmediate.run();
    } catch (error) {
      await transaction.rollback();
      throw error;
    } finally {
      client.pragma(`busy_timeout = ${STATEMENT_WAIT_MS}`);
    }
    return transaction;
  };
}
