import "server-only";
import type { ImportEvent } from "@/lib/articles/import-events";
import { errorBody, toAppError } from "@/lib/errors";
import type { JobQueue } from "./types";
import { watchJob } from "./watch-job";

/** One line of a job answered as a stream: an import's events (import-events.ts), and sentences while it waits. */
export type JobEvent = ImportEvent | { waiting: string };

/**
 * A job's stages as an NDJSON stream (application/x-ndjson, as importEventStream answers an import
 * run on the request): progress reports, sentences while it is queued or retried, then its result
 * or its refusal. The job does not depend on the stream: a person who leaves stops the watching,
 * not the import.
 */
export function jobEventStream(queue: JobQueue, id: string, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (event: JobEvent) => {
        if (!signal?.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const job = await watchJob(queue, id, { onProgress: (progress) => send({ progress }), onWaiting: (waiting) => send({ waiting }), signal });
        if (job.state === "done") send({ data: job.result as never });
        else if (job.error) send({ error: job.error });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "INTERNAL") console.error(error);
        send(errorBody(appError));
      }
      // The person may have gone (the stream cancelled): nothing is left to close then.
      if (!signal?.aborted) controller.close();
    },
  });
}
