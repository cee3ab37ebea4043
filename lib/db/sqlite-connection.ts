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
 *
 * The same connection also serves code that writes with its own prepared statements, synchronously
 * (lib/review/save-review-sqlite.ts): {@link sqliteConnectionOf} hands it out, with its write turn.
 */
export const STATEMENT_WAIT_MS = 5_000;
export const BEGIN_WAIT_MS = 100;

/**
 * Whose turn it is to hold a transaction open on the connection. Prisma's interactive transactions
 * hold it across event-loop turns, from their BEGIN to their commit or rollback; synchronous
 * writers take it between those, so their statements never land inside one of Prisma's
 * transactions. First come, first served; a free turn is taken at once, in the same tick.
 */
export class WriteTurn {
  #held = false;
  #waiting: Array<() => void> = [];

  /** Takes the turn now if nobody holds it or waits for it. */
  tryTake(): boolean {
    if (this.#held || this.#waiting.length > 0) return false;
    this.#held = true;
    return true;
  }

  take(): Promise<void> {
    if (this.tryTake()) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the turn to the next in line, or frees it. */
  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** The adapter's better-sqlite3 connection, for code that runs its own statements on it. */
export type SqliteConnection = {
  sqlite: Sqlite.Database;
  /** Prepares with better-sqlite3 itself: statements the caller keeps, not Prisma's cache. */
  prepare: Sqlite.Database["prepare"];
  turn: WriteTurn;
};

type Registered = { connection: SqliteConnection | null };
const connections = new WeakMap<object, Registered>();

export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: STATEMENT_WAIT_MS });
  const registered: Registered = { connection: null };
  connections.set(factory, registered);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The adapter keeps its better-sqlite3 handle on `client` (adapter-better-sqlite3 6.19).
    const client = (adapter as unknown as { client: Sqlite.Database }).client;
    if (!client.memory && !client.readonly) client.pragma("journal_mode = WAL");
    const prepare = client.prepare.bind(client) as Sqlite.Database["prepare"];
    const turn = new WriteTurn();
    beginImmediately(adapter, client, prepare, turn);
    registered.connection = { sqlite: client, prepare, turn };
    return adapter;
  };
  return factory;
}

/**
 * The better-sqlite3 connection under a Prisma client made by createDatabase on a SQLite URL, or
 * null for any other client (PostgreSQL, or one built on another adapter): callers then use Prisma.
 * Connects the client first if it has not run a query yet.
 */
export async function sqliteConnectionOf(db: object): Promise<SqliteConnection | null> {
  // Prisma 6.19 keeps the adapter factory it was given on _engineConfig; a test holds this path.
  const factory = (db as { _engineConfig?: { adapter?: object } })._engineConfig?.adapter;
  const registered = factory ? connections.get(factory) : undefined;
  if (!registered) return null;
  if (!registered.connection) await (db as { $connect: () => Promise<void> }).$connect();
  return registered.connection;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * Makes the adapter's transactions begin IMMEDIATE, each in its turn on the connection. The adapter
 * holds a mutex from its BEGIN to the commit, and would never release it if its BEGIN threw; so its
 * own BEGIN is made a no-op and the IMMEDIATE one runs after it, where a busy failure can still
 * release the transaction.
 */
function beginImmediately(adapter: Adapter, client: Sqlite.Database, prepare: Sqlite.Database["prepare"], turn: WriteTurn): void {
  const beginImmediate = prepare("BEGIN IMMEDIATE");
  // The adapter starts every transaction with prepare("BEGIN").run(); nothing else prepares "BEGIN".
  const skippedBegin = { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  const cached = statementCache(prepare);
  client.prepare = ((source: string) => (source === "BEGIN" ? skippedBegin : cached(source))) as unknown as typeof client.prepare;

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    await turn.take();
    let transaction;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      turn.give();
      throw error;
    }
    // The turn ends with the transaction, however it ends (once: the engine may call both).
    let ended = false;
    const end = () => {
      if (!ended) turn.give();
      ended = true;
    };
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => commit().finally(end);
    transaction.rollback = () => rollback().finally(end);
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

/** Distinct statements kept prepared per connection: the app's queries are a few hundred shapes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The adapter prepares every statement afresh (`client.prepare(sql).bind(args)`, then `run()`, or
 * `columns()` and `raw().all()`), which profiling showed as a steady share of each query's time.
 * This keeps the prepared statements by their SQL (least recently used goes first) and hands the
 * adapter a bound view of one: better-sqlite3 binds a statement only once for good, so the view
 * passes the arguments to each call instead. Only the adapter's calls come through here.
 */
function statementCache(prepare: Sqlite.Database["prepare"]) {
  const statements = new Map<string, Sqlite.Statement>();
  return (source: string) => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
    } else {
      statement = prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    const reused = statement;
    return {
      reader: reused.reader,
      bind: (args: unknown[]) => ({
        reader: reused.reader,
        run: () => reused.run(args),
        columns: () => reused.columns(),
        raw: () => ({ all: () => reused.raw(true).all(args) }),
      }),
    };
  };
}
