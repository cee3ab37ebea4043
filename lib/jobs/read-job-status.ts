import { z } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors";
import type { JobProgress, JobQueue, JobState } from "./types";
import { waitingText } from "./watch-job";

/** The schema of "how is my import doing?": a job id as enqueue answered it. */
export const ReadJobStatusInput = z.object({ jobId: z.string().trim().uuid("That is not an import's id") });
export type ReadJobStatusInput = z.input<typeof ReadJobStatusInput>;

/** What a page polling a job is told: plain data for the browser, the waiting sentence written here. */
export type JobStatus<R = unknown> = {
  id: string;
  state: JobState;
  progress: JobProgress | null;
  waiting: string | null;
  result: R | null;
  error: ErrorBody | null;
};

/**
 * A job's status for the person who queued it. Anybody else's job, or a job gone, is NOT_FOUND
 * alike: a job's id says nothing about whether it exists. The caller checks the permission that
 * queued it (`article.import`).
 */
export async function readJobStatus(queue: JobQueue, input: ReadJobStatusInput & { viewerId: string }): Promise<JobStatus> {
  const { jobId } = ReadJobStatusInput.parse(input);
  const job = await queue.get(jobId);
  if (!job || job.ownerId !== input.viewerId) throw new AppError("NOT_FOUND", "This import is not known (it may have finished long ago); check the article's revisions.");
  return { id: job.id, state: job.state, progress: job.state === "running" ? job.progress : null, waiting: waitingText(job), result: job.result, error: job.error };
}
