import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportOutcome } from "@/lib/articles/import-article";
import { openJobQueue, type JobQueue } from "@/lib/jobs";
import { watchJob } from "@/lib/jobs/watch-job";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

/**
 * A worker killed mid-job (SIGKILL) on a real PostgreSQL: the job is retried by another worker
 * (scripts/worker.ts, a child process), and nothing is half-applied. The kill is placed exactly by
 * holding a lock the worker must wait for: nothing of ours is mocked or told it is under test.
 */
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
/**
 * The visibility timeout of the test's jobs: longer than one import takes on a loaded machine (a
 * try still running at expiry is handed to another worker too, and the job ends on a third try),
 * short enough to wait for. 20 s was outlasted on the shared two-core machine, two test files at a time.
 */
const EXPIRE_SECONDS = 40;

let t: ReturnType<typeof tempDatabase>;
let queue: JobQueue;
let actorId: string;
let locker: pg.Client;
const workers = new Set<ChildProcess>();
/** What the workers printed, for a failure's message. */
let workerOutput = "";

/**
 * Starts `npm run worker` as a child, its timings short so a dead worker's job comes back in
 * seconds. One process, as the npm script runs it (node --import tsx): the tsx command would run
 * the worker in a child of its own, which a SIGKILL of tsx leaves running.
 */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: t.url, CLAIMDESK_JOBS_MAINTENANCE_SECONDS: "1", CLAIMDESK_JOBS_POLL_SECONDS: "1", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.add(child);
  child.once("exit", () => workers.delete(child));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      workerOutput += chunk.toString();
      if (output.includes("worker: taking jobs")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      workerOutput += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before taking jobs: ${output}`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)}); the workers said: ${workerOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Backends other than ours that are inside a transaction: the dead worker's, until PostgreSQL rolls it back. */
async function openTransactions(): Promise<number> {
  const { rows } = await locker.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state <> 'idle'`,
  );
  return Number(rows[0]!.n);
}

/** Sessions waiting for a lock on `table`. */
async function waitingOn(table: string): Promise<number> {
  const { rows } = await locker.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = $1::regclass`, [table]);
  return Number(rows[0]!.n);
}

/** Sessions waiting to mark a pg-boss job completed. */
async function completingSessions(): Promise<number[]> {
  const { rows } = await locker.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%completed_on = now()%'`,
  );
  return rows.map((r) => r.pid);
}

async function rowsOf(slug: string) {
  const article = await t.db.article.findUnique({ where: { slug }, select: { id: true } });
  const where = { article: { slug } };
  return {
    articles: article ? 1 : 0,
    revisions: await t.db.revision.count({ where }),
    claims: await t.db.claim.count({ where }),
    anchors: await t.db.claimAnchor.count({ where: { claim: where } }),
    events: article ? await t.db.auditEvent.count({ where: { articleId: article.id } }) : 0,
  };
}

// PostgreSQL only (npm run test:unit:postgres): SQLite has no queue to retry from; its jobs die with their process, as imports did.
describe.skipIf(!onPostgres)("a worker killed mid-job (PostgreSQL, pg-boss)", () => {
  beforeAll(async () => {
    t = tempDatabase();
    // This process only queues and reads, as an app server with CLAIMDESK_JOBS_WORKER=off; the children work.
    queue = await openJobQueue(t.db, { url: t.url, work: false, timings: { expireInSeconds: EXPIRE_SECONDS, retryDelaySeconds: 1 } });
    actorId = (await t.db.user.create({ data: { email: "r@example.com", name: "Rita", role: "reviewer" } })).id;
    locker = new pg.Client({ connectionString: t.url });
    await locker.connect();
  }, 120_000);
  afterAll(async () => {
    for (const child of workers) child.kill("SIGKILL");
    await locker?.end();
    await queue?.stop({ graceMs: 1000 });
    await t?.dispose();
  }, 60_000);

  it("inside the import's transaction: rolled back whole, then retried by another worker, one article", async () => {
    // The import's last write is its audit event: holding that table stops it there, every other row written.
    await locker.query(`BEGIN; LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
    const first = await startWorker();
    const { id } = await queue.enqueue("import-article", { source: { text: seed, fileName: "ice.md" }, fields: { slug: "killed-inside" }, actorId });
    await until("the import to reach its last write", () => waitingOn('"AuditEvent"'), (n) => n === 1);
    // Its progress is written beside the transaction, so it is read while the transaction is open.
    const running = await until("the writing stage to be reported", () => queue.get(id), (job) => job?.progress?.stage === "writing");
    expect(running).toMatchObject({ state: "running", attempts: 1 });

    await kill(first);
    await locker.query("ROLLBACK");
    // The dead worker's session gets the lock, finds its client gone, and PostgreSQL rolls it back.
    await until("the dead worker's transaction to end", openTransactions, (n) => n === 0);
    expect(await rowsOf("killed-inside")).toEqual({ articles: 0, revisions: 0, claims: 0, anchors: 0, events: 0 });
    // Still active to pg-boss: only its expiry tells it the worker is gone.
    expect((await queue.get(id))?.state).toBe("running");

    const second = await startWorker();
    const job = await watchJob(queue, id, { intervalMs: 200 });
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ state: "done", attempts: 2 });
    const outcome = job.result as ImportOutcome;
    expect(outcome).toMatchObject({ status: "created", slug: "killed-inside", revisionNumber: 1 });
    expect(await rowsOf("killed-inside")).toEqual({ articles: 1, revisions: 1, claims: outcome.claimCount, anchors: outcome.claimCount, events: 1 });
    await kill(second);
  }, 180_000);

  it("after the import committed, before the job was marked done: the retry finds it and imports nothing twice", async () => {
    await locker.query(`BEGIN; LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
    const first = await startWorker();
    const { id } = await queue.enqueue("import-article", { source: { text: seed, fileName: "ice.md" }, fields: { slug: "killed-after" }, actorId });
    await until("the import to reach its last write", async () => ({ waiting: await waitingOn('"AuditEvent"'), job: await queue.get(id) }), (v) => v.waiting === 1);
    // Now hold the job's own row in pg-boss's table from a second session, so telling pg-boss the
    // job is done waits, and let the import commit.
    const row = new pg.Client({ connectionString: t.url });
    await row.connect();
    await row.query(`BEGIN`);
    await row.query(`SELECT 1 FROM "pgboss"."job" WHERE "id" = $1 FOR UPDATE`, [id]);
    await locker.query("ROLLBACK");
    await until("the import to commit", () => rowsOf("killed-after"), (rows) => rows.revisions === 1);
    const completing = await until("the worker to mark the job done", completingSessions, (pids) => pids.length === 1);
    // The kill, and the completion ended with it: as if the kill had come a moment before the
    // worker sent it (a statement the server already holds would otherwise still run).
    await kill(first);
    await locker.query(`SELECT pg_terminate_backend($1)`, [completing[0]]);
    await row.query("ROLLBACK");
    await row.end();
    expect((await queue.get(id))?.state).toBe("running");
    const committed = await rowsOf("killed-after");
    expect(committed).toMatchObject({ articles: 1, revisions: 1, events: 1 });

    const second = await startWorker();
    const job = await watchJob(queue, id, { intervalMs: 200 });
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ state: "done", attempts: 2 });
    expect(job.result).toMatchObject({ status: "created", slug: "killed-after", revisionNumber: 1, claimCount: committed.claims });
    expect(await rowsOf("killed-after")).toEqual(committed);
    await kill(second);
  }, 180_000);
});
