import { ZodError } from "zod";
import { BUSY_MESSAGE, isBusyError } from "./db/busy-error";

/**
 * The one error type of Claimdesk. Domain code throws it with a code; route handlers, server actions
 * and command-line tools turn it into an HTTP status, a form message or an exit code through the
 * helpers below, so a person always reads a sentence and never a stack trace.
 */
export const ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** SQLite's write lock stayed taken (usually by a long import) past the wait: try again shortly. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Messages per input field, for forms (a ZodError's issues, flattened). */
  readonly fieldErrors: Record<string, string[]>;
  /** Plain data the UI needs to recover, e.g. the other person's version on a CONFLICT. */
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { fieldErrors?: Record<string, string[]>; details?: unknown; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors ?? {};
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Turns anything thrown into an AppError: a ZodError becomes INVALID (422) with field messages. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    const first = error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return new AppError("INVALID", `${where}${first?.message ?? "invalid input"}`, { fieldErrors, cause: error });
  }
  if (isBusyError(error)) return new AppError("UNAVAILABLE", BUSY_MESSAGE, { cause: error });
  return new AppError("INTERNAL", "Something went wrong on our side; nothing was changed.", { cause: error });
}

/** The JSON body every API error is sent as. */
export type ErrorBody = { code: ErrorCode; message: string; fields?: Record<string, string[]>; details?: unknown };

export function errorBody(error: AppError): { error: ErrorBody } {
  const fields = Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : undefined;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(fields ? { fields } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

/** One line for a command-line tool's stderr: the person-facing message, or the cause's own for a bug. */
export function cliMessage(error: unknown): string {
  const appError = toAppError(error);
  const message = appError.code === "INTERNAL" && error instanceof Error ? error.message : appError.message;
  // Prisma's messages begin with a blank line ("\nInvalid `tx.article.create()` invocation…").
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? appError.message;
}
