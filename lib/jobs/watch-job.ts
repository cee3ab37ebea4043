import { AppError } from "@/lib/errors";
import type { JobProgress, JobQueue, JobView } from "./types";

/**
 * How long a job may sit queued before the person is told no worker seems to be running. A worker
 * polls every second, so a job still queued after 15 s has none free.
 */
export const NO_WORKER_AFTER_MS = 15_000;

/** What a person reads while a job is not running yet, or null once it is; plain sentences. */
export function waitingText(job: Pick<JobView, "state" | "attempts" | "queuedAt">, now = Date.now()): string | null {
  if (job.state === "retrying") return `The import stopped on our side (try ${job.attempts} of it failed); it is tried again in a few seconds, nothing was half-imported…`;
  if (job.state !== "queued") return null;
  return now - job.queuedAt.getTime() < NO_WORKER_AFTER_MS ? "Queued; waiting for a worker to start the import…" : NO_WORKER_TEXT;
}

/** What a person reads once a job has waited NO_WORKER_AFTER_MS for a worker. */
export const NO_WORKER_TEXT =
  "No worker has started this import yet: the job worker may not be running (an administrator starts it with npm run worker). The import is kept in the queue and runs as soon as a worker is up; you may leave this page.";

export type WatchOptions = {
  onProgress?: (progress: JobProgress) => void;
  /** Told each change of waitingText while the job is not running. */
  onWaiting?: (text: string) => void;
  intervalMs?: number;
  /** Stops watching (the job goes on): the person left the page. */
  signal?: AbortSignal;
};

/**
 * Follows a job until it is done or failed, telling each new progress report and waiting sentence
 * on the way, and answers its last view. Progress comes by subscription where the queue can push it
 * (both back ends do: inline from memory, pg-boss by LISTEN/NOTIFY), so no stage is lost however
 * quick the job; the job is read every `intervalMs` (400 by default) for its state, and for its
 * progress only when nothing can be pushed.
 */
export async function watchJob(queue: JobQueue, id: string, options: WatchOptions = {}): Promise<JobView> {
  const { intervalMs = 400, signal } = options;
  let told = "";
  const tell = (progress: JobProgress) => {
    const said = JSON.stringify(progress);
    if (said === told) return;
    told = said;
    options.onProgress?.(progress);
  };
  // Each report told as it is made; polling alone would miss every stage of a job quicker than one poll.
  const unsubscribe = options.onProgress && queue.subscribe ? queue.subscribe(id, tell) : null;
  let waited: string | null = null;
  try {
    for (;;) {
      const job = await queue.get(id);
      if (!job) throw new AppError("NOT_FOUND", "This import's job is no longer known; check the article list before importing again.");
      if (job.state === "done" || job.state === "failed") {
        // Reports pushed before the end may still be on their way; then the job tells where it
        // ended ("Writing claims: 3 of 3") before its outcome, even unpushed.
        if (unsubscribe) await queue.settle?.();
        if (job.state === "done" && job.progress) tell(job.progress);
        return job;
      }
      const waiting = waitingText(job);
      if (waiting && waiting !== waited) options.onWaiting?.(waiting);
      waited = waiting;
      // Pushed reports are in order; a polled one could overtake one still on its way.
      if (!unsubscribe && job.state === "running" && job.progress) tell(job.progress);
      if (signal?.aborted) return job;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    unsubscribe?.();
  }
}
