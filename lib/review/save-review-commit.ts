import type Sqlite from "better-sqlite3";
import { retryBusy } from "@/lib/db/retry-busy";
import { BEGIN_WAIT_MS, STATEMENT_WAIT_MS, type SqliteConnection } from "@/lib/db/sqlite-connection";

/**
 * Group commit for the synchronous saves: the saves that arrive in one moment (one turn of the
 * event loop) run in one IMMEDIATE transaction, each inside its own savepoint, and share its one
 * COMMIT. A COMMIT in WAL mode waits for fsync (about 1.7 ms on this machine's disk, more than a
 * save's own work), so fifty reviewers saving at once would otherwise queue behind fifty fsyncs.
 * Every save is still acknowledged only after the COMMIT that holds it is on disk, and a refused
 * save (a conflict, a locked claim) rolls back its savepoint alone.
 *
 * The batch runs in the connection's write turn (lib/db/sqlite-connection.ts), so it never lands
 * inside one of Prisma's interactive transactions, and it never waits inside SQLite for long:
 * BEGIN waits at most BEGIN_WAIT_MS for another process's lock, then lets go of the turn and tries
 * again after a pause (lib/db/retry-busy.ts), like the Prisma path.
 */
export function inSharedCommit<T>(connection: SqliteConnection, run: () => T): Promise<T> {
  let queue = queues.get(connection);
  if (!queue) queues.set(connection, (queue = new CommitQueue(connection)));
  return queue.add(run);
}

/** Enough to share one fsync widely, few enough that a batch blocks the event loop only briefly. */
const MOST_SAVES_PER_COMMIT = 200;

type Job = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void; outcome?: { ok: true; value: unknown } | { ok: false; error: unknown } };

const queues = new WeakMap<SqliteConnection, CommitQueue>();

class CommitQueue {
  #jobs: Job[] = [];
  #scheduled = false;
  #sqlite: Sqlite.Database;
  #turn: SqliteConnection["turn"];
  #begin: Sqlite.Statement;
  #commit: Sqlite.Statement;
  #rollback: Sqlite.Statement;
  #savepoint: Sqlite.Statement;
  #release: Sqlite.Statement;
  #rollbackTo: Sqlite.Statement;

  constructor(connection: SqliteConnection) {
    this.#sqlite = connection.sqlite;
    this.#turn = connection.turn;
    this.#begin = connection.prepare("BEGIN IMMEDIATE");
    this.#commit = connection.prepare("COMMIT");
    this.#rollback = connection.prepare("ROLLBACK");
    this.#savepoint = connection.prepare('SAVEPOINT "save"');
    this.#release = connection.prepare('RELEASE "save"');
    this.#rollbackTo = connection.prepare('ROLLBACK TO "save"');
  }

  add<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      // After this turn's I/O callbacks, so the saves that arrived with this one join its commit.
      setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    try {
      await retryBusy(async () => {
        await this.#turn.take();
        try {
          this.#beginNow();
        } catch (error) {
          this.#turn.give();
          throw error;
        }
      });
    } catch (error) {
      this.#scheduled = false;
      for (const job of this.#jobs.splice(0, MOST_SAVES_PER_COMMIT)) job.reject(error);
      if (this.#jobs.length > 0) this.#reschedule();
      return;
    }
    // Synchronous from here to the COMMIT: nothing else runs on the connection meanwhile.
    this.#scheduled = false;
    const batch = this.#jobs.splice(0, MOST_SAVES_PER_COMMIT);
    let failed: unknown = null;
    try {
      for (const job of batch) {
        this.#savepoint.run();
        try {
          job.outcome = { ok: true, value: job.run() };
          this.#release.run();
        } catch (error) {
          job.outcome = { ok: false, error };
          // Some errors (a full disk) end the whole transaction in SQLite; then nothing of it stays.
          if (!this.#sqlite.inTransaction) throw error;
          this.#rollbackTo.run();
          this.#release.run();
        }
      }
      this.#commit.run();
    } catch (error) {
      failed = error;
      if (this.#sqlite.inTransaction) this.#rollback.run();
    } finally {
      this.#turn.give();
    }
    for (const job of batch) {
      const outcome = job.outcome;
      if (failed !== null) job.reject(failed);
      else if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    }
    if (this.#jobs.length > 0) this.#reschedule();
  }

  #reschedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => void this.#flush());
  }

  #beginNow(): void {
    this.#sqlite.pragma(`busy_timeout = ${BEGIN_WAIT_MS}`);
    try {
      this.#begin.run();
    } finally {
      this.#sqlite.pragma(`busy_timeout = ${STATEMENT_WAIT_MS}`);
    }
  }
}
