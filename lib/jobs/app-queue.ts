import "server-only";
import { db } from "@/lib/db/client";
import { appServerWorks, openJobQueue } from "./index";
import type { JobQueue } from "./types";

/** The app's queue, on globalThis so Next's development reloads keep one pg-boss per process. */
const globalForJobs = globalThis as unknown as { claimdeskJobQueue?: Promise<JobQueue> };

/**
 * The app server's job queue on its one database client, opened on first use (its pg-boss, and
 * its worker unless CLAIMDESK_JOBS_WORKER=off, start with the first import this server sees). A
 * queue that failed to open is opened again on the next call, not remembered broken.
 */
export function appJobQueue(): Promise<JobQueue> {
  globalForJobs.claimdeskJobQueue ??= openJobQueue(db, { work: appServerWorks() }).catch((error: unknown) => {
    globalForJobs.claimdeskJobQueue = undefined;
    throw error;
  });
  return globalForJobs.claimdeskJobQueue;
}
