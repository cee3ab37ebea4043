/**
 * `npm run worker`: a job worker for PostgreSQL deployments (lib/jobs). It takes the import jobs
 * any app server or `npm run import` queued, one of each kind at a time, until SIGTERM or SIGINT;
 * then it stops taking jobs, lets the running one finish for up to CLAIMDESK_WORKER_GRACE_SECONDS
 * (default 30), and hands back what is still unfinished to the queue for another worker. Several
 * may run at once, on any machine that reaches the database. On SQLite there is nothing to work:
 * jobs run inside the process that asks for them, and this says so and exits.
 *
 * Timings (seconds) for tests and tuning: CLAIMDESK_JOBS_MAINTENANCE_SECONDS (how often this worker
 * fails back jobs whose worker died), CLAIMDESK_JOBS_POLL_SECONDS.
 */
import { createDatabase } from "@/lib/db/create-database";
import { databaseUrl, engineOf, redactedUrl } from "@/lib/db/database-url";
import { openJobQueue, type QueueTimings } from "@/lib/jobs";

function seconds(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of seconds, at least 1; it is "${value}".`);
  return n;
}

async function main(): Promise<void> {
  const url = databaseUrl();
  if (engineOf(url) === "sqlite") {
    console.log("worker: DATABASE_URL is a SQLite file; jobs run inside the app and the import command there, so no worker is needed.");
    return;
  }
  const timings: Partial<QueueTimings> = {};
  const maintenance = seconds("CLAIMDESK_JOBS_MAINTENANCE_SECONDS");
  const poll = seconds("CLAIMDESK_JOBS_POLL_SECONDS");
  if (maintenance) timings.maintenanceIntervalSeconds = maintenance;
  if (poll) timings.pollingIntervalSeconds = poll;
  const graceMs = (seconds("CLAIMDESK_WORKER_GRACE_SECONDS") ?? 30) * 1000;

  const db = createDatabase(url);
  const queue = await openJobQueue(db, { url, work: true, timings });
  console.log(`worker: taking jobs from ${redactedUrl(url)} (pid ${process.pid})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`worker: ${signal}; finishing the running job (up to ${graceMs / 1000} s)…`);
    await queue.stop({ graceMs });
    await db.$disconnect();
    console.log("worker: stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`worker failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
