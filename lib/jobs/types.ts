import type { ImportProgress } from "@/lib/articles/import-progress";
import type { Database } from "@/lib/db/create-database";
import type { ErrorBody } from "@/lib/errors";

/**
 * Where a job is, in the words the import form shows: waiting for a worker, being worked, waiting
 * to be tried again after a failure, or finished one way or the other.
 */
export type JobState = "queued" | "running" | "retrying" | "done" | "failed";

/** Every job so far is an import, and reports an import's stages ("Writing claims: 400 of 2,000…"). */
export type JobProgress = ImportProgress;

/** One job as any app server reads it (JobQueue.get): plain data, safe to hand to the browser. */
export type JobView<R = unknown> = {
  id: string;
  name: string;
  state: JobState;
  /** The account that asked for it (the payload's actorId), so only they may read it; null for the command line. */
  ownerId: string | null;
  /** 1 on the first try; more after a worker died or failed (pg-boss retries). */
  attempts: number;
  progress: JobProgress | null;
  /** The handler's answer, once `done`. */
  result: R | null;
  /** Why it `failed`: the domain's own sentence for a refusal, a generic one for a crash. */
  error: ErrorBody | null;
  queuedAt: Date;
  updatedAt: Date;
};

/** What a handler is given besides its payload. */
export type JobContext = {
  db: Database;
  /** Reports progress; cheap to call often (the back end throttles what it writes). */
  progress: (progress: JobProgress) => void;
  /** 1 on the first try: a handler whose work may have committed before a worker died checks for it on later ones. */
  attempt: number;
  queuedAt: Date;
};

/** The one interface of lib/jobs; inline-queue.ts (SQLite) and pg-boss-queue.ts (PostgreSQL) implement it. */
export interface JobQueue {
  /** "inline": run now in this process; "pg-boss": a row in PostgreSQL that any worker may take. */
  readonly kind: "inline" | "pg-boss";
  /** Checks the payload with the job's schema (a ZodError is the caller's 422) and queues it. */
  enqueue(name: string, payload: unknown): Promise<{ id: string }>;
  /** The job's state, progress and result or error; null for an unknown (or long-deleted) id. */
  get(id: string): Promise<JobView | null>;
  /**
   * Tells every progress report of a job as it is made, those made before the call first; answers
   * the unsubscribe, or null when reports cannot be pushed just now (then read `get`'s progress).
   * Polling alone lost every stage of a job quicker than one poll. Inline: the reports are made in
   * this process. pg-boss: each progress write notifies, and this process LISTENs (complete for
   * jobs queued here; from the call on for others).
   */
  subscribe?(id: string, listener: (progress: JobProgress) => void): (() => void) | null;
  /** Resolves once every report made before the call has reached the subscribers (pg-boss: they travel on another connection). */
  settle?(): Promise<void>;
  /** Whether a worker in this process takes jobs (inline: always). */
  readonly working: boolean;
  /** Stops taking jobs and closes connections; running jobs of pg-boss are failed back to the queue after `graceMs`. */
  stop(options?: { graceMs?: number }): Promise<void>;
}
