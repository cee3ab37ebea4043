import { AppError, errorBody, toAppError, type ErrorBody } from "@/lib/errors";
import { isJobName, JOB_PAYLOADS } from "./job-payloads";
import type { JobContext } from "./types";

/** How a try of a job ended, when it did not crash: the handler's result, or the domain's refusal. */
export type JobAnswer = { result: unknown } | { refusal: ErrorBody };

/**
 * Runs one try of a job. A refusal (an AppError a person can act on, or a payload that fails its
 * schema) is an answer, not a failure: trying again would be refused the same way, so pg-boss must
 * not retry it. A crash, a bug or a database that went away (INTERNAL, UNAVAILABLE) is thrown, for
 * the back end to retry or report. The handlers, and the claim pipeline with them, are loaded here
 * on the first job run, never by a process that only queues.
 */
export async function runJob(name: string, payload: unknown, context: JobContext): Promise<JobAnswer> {
  if (!isJobName(name)) throw new Error(`No job is named "${name}" (lib/jobs/job-payloads.ts lists them).`);
  const { JOB_HANDLERS } = await import("./import-jobs");
  const handler = JOB_HANDLERS[name] as (payload: unknown, context: JobContext) => Promise<unknown>;
  try {
    return { result: await handler(JOB_PAYLOADS[name].payload.parse(payload), context) };
  } catch (error) {
    const appError = toAppError(error);
    if (isRetryable(appError)) throw error;
    return { refusal: errorBody(appError).error };
  }
}

function isRetryable(error: AppError): boolean {
  return error.code === "INTERNAL" || error.code === "UNAVAILABLE";
}

/** What a person reads of a job that crashed on every try. */
export function crashedBody(error: unknown): ErrorBody {
  const appError = toAppError(error);
  return errorBody(appError.code === "UNAVAILABLE" ? appError : new AppError("INTERNAL", "The import failed on our side; nothing was imported. Try again; if it fails again, tell an administrator.")).error;
}
