import type { ImportProgress } from "@/lib/articles/import-progress";
import type { ErrorBody } from "@/lib/errors";
import type { JobEvent } from "@/lib/jobs/job-events";

/** A route's answer as the form reads it: the data, or the refusal to show. */
export type Answer<T> = { data: T } | { error: ErrorBody };

const UNREACHED: ErrorBody = { code: "INTERNAL", message: "The article did not reach the server; check the connection and try again. Nothing was imported." };

function formOf(body: Record<string, string | File | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) if (value !== undefined) form.append(name, value);
  return form;
}

async function refusal(response: Response): Promise<{ error: ErrorBody }> {
  const answer = (await response.json().catch(() => null)) as { error?: ErrorBody } | null;
  return { error: answer?.error ?? { code: "INTERNAL", message: `The server answered ${response.status}; nothing was imported.` } };
}

/** POSTs the form's fields as multipart and reads the JSON `{ data }` or `{ error }` answer. */
export async function postForm<T>(url: string, body: Record<string, string | File | undefined>): Promise<Answer<T>> {
  try {
    const response = await fetch(url, { method: "POST", body: formOf(body) });
    if (!response.ok) return await refusal(response);
    const answer = (await response.json().catch(() => null)) as { data?: T } | null;
    return answer?.data ? { data: answer.data } : { error: { code: "INTERNAL", message: "The server's answer could not be read; nothing was imported." } };
  } catch {
    return { error: UNREACHED };
  }
}

/**
 * POSTs an import asking for its stages as they happen (app/api/articles/route.ts answers one
 * JSON line per stage of the import's job), telling `onProgress` of each and `onWaiting` of the
 * sentences while the job waits for a worker, and answers the last line: the outcome or the
 * refusal. A refusal before the import began (sign-in, the schema) comes as a plain JSON error.
 */
export async function postImport<T>(
  url: string,
  body: Record<string, string | File | undefined>,
  onProgress: (p: ImportProgress) => void,
  onWaiting: (text: string) => void,
): Promise<Answer<T>> {
  try {
    const response = await fetch(url, { method: "POST", body: formOf(body), headers: { Accept: "application/x-ndjson" } });
    if (!response.ok || !response.body) return await refusal(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    for (;;) {
      const { done, value } = await reader.read();
      buffered += value ?? "";
      const lines = buffered.split("\n");
      buffered = done ? "" : (lines.pop() ?? "");
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as JobEvent;
        if ("progress" in event) onProgress(event.progress);
        else if ("waiting" in event) onWaiting(event.waiting);
        else if ("data" in event) return { data: event.data as T };
        else return { error: event.error };
      }
      if (done) return { error: { code: "INTERNAL", message: "The import's answer ended early; check the article list before importing again." } };
    }
  } catch {
    return { error: UNREACHED };
  }
}
