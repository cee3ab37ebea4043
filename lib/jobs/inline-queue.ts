import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db/create-database";
import { parsePayload } from "./job-payloads";
import { crashedBody, runJob } from "./run-job";
import type { JobProgress, JobQueue, JobView } from "./types";

/** How long a finished job stays readable: long enough for the page that asked to read its end. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

/** The jobs of this process, on globalThis so Next's development reloads keep them. */
const store = globalThis as unknown as { claimdeskInlineJobs?: Map<string, JobView>; claimdeskInlineReports?: Map<string, Reports> };

/** A job's progress reports so far, and who is listening for the next ones. */
type Reports = { told: JobProgress[]; listeners: Set<(progress: JobProgress) => void> };

/**
 * The SQLite back end: a job runs at once in this process, as the import did on the request, and
 * its progress lives in this process's memory. SQLite means one machine and one app server (the
 * command line writes to the file but never asks the app about its jobs), so memory is where every
 * reader is. A job is not retried: a crash here is the server's, and took the job with it, as
 * before. Nothing is persisted: a restart forgets finished jobs (their articles are in the database).
 */
export function inlineQueue(db: Database): JobQueue {
  const jobs = (store.claimdeskInlineJobs ??= new Map());
  const reports = (store.claimdeskInlineReports ??= new Map());
  return {
    kind: "inline",
    working: true,
    async enqueue(name, payload) {
      const { payload: parsed, ownerId } = parsePayload(name, payload);
      const id = randomUUID();
      const now = new Date();
      const job: JobView = { id, name, state: "running", ownerId, attempts: 1, progress: null, result: null, error: null, queuedAt: now, updatedAt: now };
      jobs.set(id, job);
      forgetOld(jobs, reports);
      const told: Reports = { told: [], listeners: new Set() };
      reports.set(id, told);
      const update = (change: Partial<JobView>) => jobs.set(id, { ...jobs.get(id)!, ...change, updatedAt: new Date() });
      const progress = (p: JobProgress) => {
        update({ progress: p });
        told.told.push(p);
        for (const listener of told.listeners) listener(p);
      };
      // Not awaited: the caller watches the job like any other (watch-job.ts).
      void runJob(name, parsed, { db, progress, attempt: 1, queuedAt: now }).then(
        (answer) => update("result" in answer ? { state: "done", result: answer.result } : { state: "failed", error: answer.refusal }),
        (error: unknown) => {
          console.error(error);
          update({ state: "failed", error: crashedBody(error) });
        },
      );
      return { id };
    },
    subscribe(id, listener) {
      const job = reports.get(id);
      if (!job) return () => {};
      for (const p of job.told) listener(p);
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
    async get(id) {
      const job = jobs.get(id);
      return job ? { ...job } : null;
    },
    async stop() {},
  };
}

function forgetOld(jobs: Map<string, JobView>, reports: Map<string, Reports>): void {
  const before = Date.now() - KEEP_FINISHED_MS;
  for (const [id, job] of jobs) {
    if ((job.state === "done" || job.state === "failed") && job.updatedAt.getTime() < before) {
      jobs.delete(id);
      reports.delete(id);
    }
  }
}
