/**
 * Long jobs off the request (issue 14 §4): a large import is a job.
 *
 *   route / action ──enqueue(name, payload)──▶ JobQueue ──▶ a worker runs JOB_HANDLERS[name] (import-jobs.ts)
 *        │                                        │              │ reports progress (throttled-progress.ts)
 *        └──── watchJob: state, progress ◀── get(id) ◀───────────┘ answers { result } or { refusal }
 *
 * One interface (types.ts), two back ends chosen by the database engine:
 * - SQLite (inline-queue.ts): the job runs at once in this process, its progress in memory.
 * - PostgreSQL (pg-boss-queue.ts): a pg-boss job in the same database, retried with backoff when
 *   its worker fails or dies; progress in our table beside pg-boss's (job-table.ts), so every app
 *   server reads it. Workers: each app server runs one by default (CLAIMDESK_JOBS_WORKER=off stops
 *   that), and `npm run worker` (scripts/worker.ts) runs a dedicated one.
 */
import type { Database } from "@/lib/db/create-database";
import { databaseUrl, engineOf } from "@/lib/db/database-url";
import { inlineQueue } from "./inline-queue";
import { pgBossQueue, type QueueTimings } from "./pg-boss-queue";
import type { JobQueue } from "./types";

export { JOB_NAMES, JOB_PAYLOADS, type JobName, type JobPayload } from "./job-payloads";
export type { JobContext, JobProgress, JobQueue, JobState, JobView } from "./types";
export { DEFAULT_TIMINGS, type QueueTimings } from "./pg-boss-queue";

/**
 * A queue on `db`, whose URL is `url`. `work` (PostgreSQL only; inline always works) runs a worker
 * in this process too.
 */
export function openJobQueue(db: Database, options: { url?: string; work: boolean; timings?: Partial<QueueTimings> }): Promise<JobQueue> {
  const url = options.url ?? databaseUrl();
  if (engineOf(url) === "sqlite") return Promise.resolve(inlineQueue(db));
  return pgBossQueue({ db, url, work: options.work, timings: options.timings });
}

/**
 * Whether an app server works jobs as well as queuing them: yes unless CLAIMDESK_JOBS_WORKER=off.
 * By default a desk needs no second kind of process, every server added adds a worker, and a job
 * whose server died is taken up by another once its visibility timeout runs out. A desk whose
 * imports should not share CPU with page requests sets it off and runs `npm run worker`.
 */
export function appServerWorks(): boolean {
  return (process.env.CLAIMDESK_JOBS_WORKER ?? "").trim().toLowerCase() !== "off";
}
