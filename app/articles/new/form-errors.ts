import type { z } from "zod";
import type { FieldName } from "@/lib/articles/new-article-schemas";
import type { ErrorBody } from "@/lib/errors";

/** What the form shows after a refusal: one message per field concerned, and a sentence for the rest. */
export type FormErrors = { message: string | null; fields: Partial<Record<FieldName, string>> };

export const NO_ERRORS: FormErrors = { message: null, fields: {} };

/** The id of a field's control, for labels, links from the error summary, and focus. */
export const fieldId = (field: FieldName) => `import-${field}`;
export const errorId = (field: FieldName) => `import-${field}-error`;

/** "a slug is lower-case…" → "A slug is lower-case…": schema messages read as sentences in the summary. */
export function sentence(message: string): string {
  return message ? `${message[0]!.toUpperCase()}${message.slice(1)}` : message;
}

/** The form's errors from the shared schema's own parse, before anything is sent. */
export function fromZod(error: z.ZodError): FormErrors {
  const fields: FormErrors["fields"] = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "text") as FieldName;
    fields[field] ??= sentence(issue.message);
  }
  return { message: null, fields };
}

/**
 * The form's errors from a route's `{ error }` body: field messages where the server named fields,
 * word for word (they are the command line's sentences, and may start with a file's name).
 */
export function fromBody(error: ErrorBody): FormErrors {
  const fields: FormErrors["fields"] = {};
  for (const [key, messages] of Object.entries(error.fields ?? {})) {
    if (messages[0]) fields[key as FieldName] = messages[0];
  }
  return Object.keys(fields).length > 0 ? { message: null, fields } : { message: error.message, fields };
}
