import type { Database } from "@/lib/db/create-database";
import type { JobProgress } from "./types";

/**
 * Our side of a pg-boss job, in a schema of our own beside pg-boss's ("pgboss"): who asked for it,
 * which try it is on, and how far that try got. pg-boss keeps the state, the payload and the
 * answer; its rows have no place for progress while a job runs, and the answer is written once, at
 * the end. Every app server reads this table, so any of them can show a job's progress, whichever
 * worker runs it. Not in prisma/schema.prisma: it exists only on PostgreSQL, next to the queue it
 * annotates, and Prisma's migrations neither see nor touch another schema.
 */
const CREATE = `
  CREATE SCHEMA IF NOT EXISTS "claimdesk_jobs";
  CREATE TABLE IF NOT EXISTS "claimdesk_jobs"."job" (
    "id" uuid PRIMARY KEY,
    "name" text NOT NULL,
    "ownerId" text,
    "attempts" integer NOT NULL DEFAULT 0,
    "progress" jsonb,
    "queuedAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS "job_queuedAt_idx" ON "claimdesk_jobs"."job" ("queuedAt");
`;

/** One lock for everyone creating the table: two app servers starting at once would race on CREATE SCHEMA. */
const CREATE_LOCK = 0x636c6a62; // "cljb"

/** Creates the table if missing (each process, on its queue's first use); idempotent. */
export async function createJobTable(db: Database): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CREATE_LOCK})`;
    for (const statement of CREATE.split(";").map((s) => s.trim()).filter(Boolean)) await tx.$executeRawUnsafe(statement);
  });
}

export async function insertJobRow(db: Database, row: { id: string; name: string; ownerId: string | null }): Promise<void> {
  await db.$executeRaw`INSERT INTO "claimdesk_jobs"."job" ("id", "name", "ownerId") VALUES (${row.id}::uuid, ${row.name}, ${row.ownerId})`;
}

/** A try begins: its number, and no progress yet (an earlier try's would be a lie). */
export async function startAttempt(db: Database, id: string, attempt: number): Promise<void> {
  await db.$executeRaw`UPDATE "claimdesk_jobs"."job" SET "attempts" = ${attempt}, "progress" = NULL, "updatedAt" = now() WHERE "id" = ${id}::uuid`;
}

/**
 * The channel every progress write notifies, in the same statement as the write, so a report is
 * told exactly when it commits and in commit order (progress-channel.ts listens).
 */
export const PROGRESS_CHANNEL = "claimdesk_job_progress";

/**
 * Written outside the import's transaction, on another connection, so readers see it while the
 * transaction is still open (and rolled back with nothing else, if the worker dies). The same
 * statement notifies PROGRESS_CHANNEL (progress-channel.ts): the server watching the job hears
 * each report as it commits, in order, however quick the job.
 */
export async function writeProgress(db: Database, id: string, progress: JobProgress): Promise<void> {
  const said = JSON.stringify(progress);
  await db.$executeRaw`
    WITH "written" AS (
      UPDATE "claimdesk_jobs"."job" SET "progress" = ${said}::jsonb, "updatedAt" = now() WHERE "id" = ${id}::uuid RETURNING "id"
    )
    SELECT pg_notify(${PROGRESS_CHANNEL}, json_build_object('id', "id"::text, 'progress', ${said}::jsonb)::text) FROM "written"`;
}

export type JobRow = { id: string; name: string; ownerId: string | null; attempts: number; progress: JobProgress | null; queuedAt: Date; updatedAt: Date };

export async function readJobRow(db: Database, id: string): Promise<JobRow | null> {
  const rows = await db.$queryRaw<JobRow[]>`
    SELECT "id"::text AS "id", "name", "ownerId", "attempts", "progress", "queuedAt", "updatedAt"
    FROM "claimdesk_jobs"."job" WHERE "id" = ${id}::uuid`;
  return rows[0] ?? null;
}

/** Rows of jobs pg-boss has long deleted (its deleteAfterDays): run with its maintenance. */
export async function deleteOldJobRows(db: Database, days: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "claimdesk_jobs"."job" WHERE "queuedAt" < now() - make_interval(days => ${days}::int)`;
}
