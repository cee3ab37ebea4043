import { AppError, errorBody, toAppError, type ErrorBody } from "@/lib/errors";
import { JOBS, type JobName } from "./import-jobs";
import type { JobContext, JobDefinition } from "./types";

/** How a try of a job ended, when it did not crash: the handler's result, or the domain's refusal. */
export type JobAnswer = { result: unknown } | { refusal: ErrorBody };

/** The job kind named `name`; a name no code knows is a programming error, not a person's. */
export function jobDefinition(name: string): JobDefinition {
  const definition = (JOBS as Record<string, JobDefinition>)[name];
  if (!definition) throw new Error(`No job is named "${name}" (lib/jobs/import-jobs.ts lists them).`);
  return definition;
}

/** Whether `name` is a job kind of lib/jobs. */
export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/**
 * Runs one try of a job. A refusal (an AppError a person can act on, or a payload that fails its
 * schema) is an answer, not a failure: trying again would be refused the same way, so pg-boss must
 * not retry it. A crash, a bug or a database that went away (INTERNAL, UNAVAILABLE) is thrown, for
 * the back end to retry or report.
 */
export async function runJob(name: string, payload: unknown, context: JobContext): Promise<JobAnswer> {
  const definition = jobDefinition(name);
  try {
    return { result: await definition.run(definition.payload.parse(payload), context) };
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
