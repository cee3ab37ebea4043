"use server";

import type { ImportOutcome } from "@/lib/articles/import-article";
import { guardedAction } from "@/lib/auth/guard";
import { appJobQueue } from "@/lib/jobs/app-queue";
import { ReadJobStatusInput, readJobStatus, type JobStatus } from "@/lib/jobs/read-job-status";
import { ImportRevisionInput } from "@/lib/revisions/schemas";

// Thin: the policy check, the operation's zod schema and one domain verb each.

/** Queues the revision's import as a job (lib/jobs) and answers its id; the form then polls importJobStatusAction. */
export const importRevisionAction = guardedAction("article.import", ImportRevisionInput, async (input, viewer) => {
  const { id } = await (await appJobQueue()).enqueue("import-revision", { ...input, actorId: viewer.id });
  return { jobId: id };
});

/** How the viewer's own import job is doing: its stage, a sentence while it waits, then its outcome or refusal. */
export const importJobStatusAction = guardedAction(
  "article.import",
  ReadJobStatusInput,
  async (input, viewer) => (await readJobStatus(await appJobQueue(), { ...input, viewerId: viewer.id })) as JobStatus<ImportOutcome>,
);
