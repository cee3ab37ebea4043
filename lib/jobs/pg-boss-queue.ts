import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/create-database";
import type { ErrorBody } from "@/lib/errors";
import { JOB_NAMES, parsePayload } from "./job-payloads";
import { createJobTable, deleteOldJobRows, insertJobRow, readJobRow, startAttempt } from "./job-table";
import { progressChannel } from "./progress-channel";
import { throttledProgress } from "./throttled-progress";
import { crashedBody, runJob, type JobAnswer } from "./run-job";
import type { JobQueue, JobState, JobView } from "./types";

/**
 * How a job of ours is queued. The visibility timeout is pg-boss's expiry: a job still active
 * `expireInSeconds` after it started is taken to have lost its worker (a SIGKILL, a lost machine)
 * and is failed back to the queue by the next maintenance run, then retried. It must outlast the
 * slowest honest import: reading 60 s and re-anchoring 60 s in the processing worker
 * (PROCESSING_TIME_LIMIT_MS), then a transaction of at most 60 s (import-article.ts), so 5 minutes.
 */
export type QueueTimings = {
  expireInSeconds: number;
  /** Tries after the first; each waits retryDelaySeconds, doubled (with jitter) each time. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often this process's pg-boss expires jobs of dead workers (any one process does it per interval). */
  maintenanceIntervalSeconds: number;
  /** How often an idle worker asks for a job. */
  pollingIntervalSeconds: number;
};

export const DEFAULT_TIMINGS: QueueTimings = { expireInSeconds: 300, retryLimit: 2, retryDelaySeconds: 10, maintenanceIntervalSeconds: 30, pollingIntervalSeconds: 1 };

/** pg-boss drops finished jobs (and their payloads, the article's text) after this; our rows follow. */
const KEEP_DAYS = 2;

export type PgBossQueueOptions = { db: Database; url: string; work: boolean; timings?: Partial<QueueTimings> };

/**
 * The PostgreSQL back end: pg-boss in its own schema ("pgboss") of the app's database, our job
 * table beside it (job-table.ts) for progress. `work: true` also runs a worker in this process: it
 * takes one job of each kind at a time, whichever app server or command queued it.
 */
export async function pgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const { db, url, work } = options;
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const { default: Boss } = await import("pg-boss");
  const boss = new Boss({
    connectionString: url,
    max: 4,
    // Workers run maintenance (expiring the jobs of dead workers); a process that only queues need not.
    supervise: work,
    // No cron jobs: pg-boss's clock and schedule monitors would only poll for nothing.
    schedule: false,
    maintenanceIntervalSeconds: timings.maintenanceIntervalSeconds,
    deleteAfterDays: KEEP_DAYS,
    application_name: "claimdesk-jobs",
  });
  boss.on("error", (error) => console.error("job queue:", error));
  await boss.start();
  await createJobTable(db);
  // One after another: pg-boss 10 creates a partition per queue, and creating them at once deadlocks.
  for (const name of JOB_NAMES) await createQueueOnce(boss, name);
  if (work) {
    boss.on("maintenance", () => void deleteOldJobRows(db, KEEP_DAYS).catch((error: unknown) => console.error("job queue:", error)));
    for (const name of JOB_NAMES) {
      await boss.work<unknown>(name, { batchSize: 1, pollingIntervalSeconds: timings.pollingIntervalSeconds, includeMetadata: true }, async ([job]) => workOne(db, job!));
    }
  }

  // Progress is pushed (LISTEN/NOTIFY), whichever worker runs the job; the row is read for state.
  const channel = progressChannel(url);

  return {
    kind: "pg-boss",
    working: work,
    async enqueue(name, payload) {
      const { payload: parsed, ownerId } = parsePayload(name, payload);
      const id = randomUUID();
      // Listening before the job exists, so not even its first report can be missed here.
      await channel.expect(id);
      await insertJobRow(db, { id, name, ownerId });
      await boss.send(name, parsed as object, {
        id,
        expireInSeconds: timings.expireInSeconds,
        retryLimit: timings.retryLimit,
        retryDelay: timings.retryDelaySeconds,
        retryBackoff: true,
      });
      return { id };
    },
    async get(id) {
      if (!UUID.test(id)) return null;
      const row = await readJobRow(db, id);
      if (!row) return null;
      const job = await boss.getJobById(row.name, id, { includeArchive: true });
      if (!job) return null;
      return view(row, job as PgBoss.JobWithMetadata<unknown>);
    },
    subscribe: (id, listener) => channel.subscribe(id, listener),
    settle: () => channel.settle(),
    async stop({ graceMs = 10_000 } = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: graceMs });
      await channel.close();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One try of one job; what it returns pg-boss stores as the job's output. A throw is retried. */
async function workOne(db: Database, job: PgBoss.JobWithMetadata<unknown>): Promise<JobAnswer> {
  // pg-boss counts a try when it hands the job out again: the first has retryCount 0.
  const attempt = job.retryCount + 1;
  await startAttempt(db, job.id, attempt);
  const progress = throttledProgress(db, job.id);
  try {
    return await runJob(job.name, job.data, { db, progress: progress.report, attempt, queuedAt: job.createdOn });
  } catch (error) {
    // pg-boss keeps the error as the job's output; the operator reads it here.
    const retry = attempt <= job.retryLimit ? "; it will be tried again" : "; no tries are left";
    console.error(`job ${job.name} ${job.id} failed on try ${attempt}${retry}:`, error);
    throw error;
  } finally {
    await progress.flush();
  }
}

function view(row: NonNullable<Awaited<ReturnType<typeof readJobRow>>>, job: PgBoss.JobWithMetadata<unknown>): JobView {
  const output = (job.output ?? null) as Partial<JobAnswer> | null;
  const state = stateOf(job.state, output);
  const refusal = output && "refusal" in output ? (output.refusal as ErrorBody) : null;
  return {
    id: row.id,
    name: row.name,
    state,
    ownerId: row.ownerId,
    attempts: row.attempts,
    progress: row.progress,
    result: state === "done" && output && "result" in output ? output.result : null,
    error: state !== "failed" ? null : (refusal ?? (job.state === "cancelled" ? CANCELLED : crashedBody(output))),
    queuedAt: row.queuedAt,
    updatedAt: row.updatedAt,
  };
}

const CANCELLED: ErrorBody = { code: "BAD_INPUT", message: "The import was cancelled before it finished; nothing was imported." };

function stateOf(state: PgBoss.JobWithMetadata["state"], output: Partial<JobAnswer> | null): JobState {
  if (state === "created") return "queued";
  if (state === "retry") return "retrying";
  if (state === "active") return "running";
  if (state === "completed") return output && "refusal" in output ? "failed" : "done";
  return "failed";
}

/**
 * pg-boss 10's createQueue is an INSERT and a partition: two servers starting together may both
 * try, and one loses (a duplicate or a deadlock). The loser finds the queue made, or tries again.
 */
async function createQueueOnce(boss: PgBoss, name: string, tries = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      return await boss.createQueue(name);
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
