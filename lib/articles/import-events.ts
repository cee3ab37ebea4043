import "server-only";
import { errorBody, toAppError, type ErrorBody } from "@/lib/errors";
import type { ImportOutcome } from "./import-article";
import type { ImportProgress, OnImportProgress } from "./import-progress";

/** One line of an import answered as a stream (application/x-ndjson): progress reports, then the outcome or the refusal. */
export type ImportEvent = { progress: ImportProgress } | { data: ImportOutcome } | { error: ErrorBody };

/** The media type a client asks for (Accept) to be told an import's stages as they happen. */
export const IMPORT_EVENTS_TYPE = "application/x-ndjson";

/**
 * Runs an import and answers its stages as they happen, one JSON line each, so the form shows
 * "Writing claims: 400 of 2,000…" during a long import instead of a bare spinner. A refusal once
 * the stream has begun is its last line, `{ error }`, in the same shape as any API error.
 */
export function importEventStream(run: (onProgress: OnImportProgress) => Promise<ImportOutcome>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send({ data: await run((progress) => send({ progress })) });
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === "INTERNAL") console.error(error);
        send(errorBody(appError));
      }
      controller.close();
    },
  });
}
