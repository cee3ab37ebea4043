import type { z } from "zod";
import type { ErrorBody } from "@/lib/errors";

// Form helpers of the account pages; zod only, since they are bundled into client forms.

/**
 * What a form shows, checked in the browser with the operation's own schema before anything is
 * sent: the same field messages the server action would answer (as an ErrorBody), or null.
 */
export function checkInBrowser(schema: z.ZodType, input: unknown): ErrorBody | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return { code: "INVALID", message: "Check the highlighted fields.", fields };
}

/** The props that tie an input to its error message, for screen readers. */
export function describedBy(error: ErrorBody | null, field: string, id: string) {
  return error?.fields?.[field] ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}

/** The sentence above a refused form: a pointer to the fields when they say what is wrong, else the error's own. */
export function formMessage(error: ErrorBody): string {
  return error.fields && Object.keys(error.fields).length > 0 ? "Check the highlighted fields." : error.message;
}
