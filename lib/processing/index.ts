/**
 * Processing uploaded text off the request's thread (issue 11, finding 8).
 *
 *   tasks (pure: read an article, re-anchor claims) → worker-main (the thread's shell, bundled by
 *   scripts/processing-host.mjs) → run-in-worker (time limit, abort, AppErrors)
 *
 * `workerProcessing` is what a request uses; `inProcess` runs the same functions in this thread, for
 * the command line and tests. input-shape refuses Markdown no parser reads in time; read-json-body
 * reads route handlers' JSON bodies with a size and depth cap.
 */
import type { ReanchorClaim, ReanchorResult } from "@/lib/anchoring";
import type { SourceFormat } from "@/lib/claims";
import { runInWorker, type RunOptions } from "./run-in-worker";
import { readArticle, runTask, type ReadArticle } from "./tasks";

export { PROCESSING_TIME_LIMIT_MS, runInWorker } from "./run-in-worker";
export { checkArticleShape, MAX_EMPHASIS_MARKS, MAX_NESTING } from "./input-shape";
export { formatSize, nestingDepth, readJsonBody, type JsonBodyLimits } from "./read-json-body";
export { readArticle, runTask, type ProcessingTask, type ReadArticle } from "./tasks";

/** The CPU steps of an import, in process or in a worker; the import awaits either the same way. */
export interface ArticleProcessing {
  readArticle(text: string, options: { fileName?: string; format?: SourceFormat }): Promise<ReadArticle>;
  reanchor(oldText: string, newText: string, claims: Array<ReanchorClaim<number>>): Promise<Array<ReanchorResult<number>>>;
}

/** The same functions in this thread. */
export const inProcess: ArticleProcessing = {
  readArticle: async (text, options) => readArticle(text, options),
  reanchor: async (oldText, newText, claims) => runTask({ kind: "reanchor", oldText, newText, claims }),
};

/** Each step in a worker thread, within the time limit and given up when `signal` aborts. */
export function workerProcessing(options: RunOptions = {}): ArticleProcessing {
  return {
    readArticle: (text, { fileName, format }) => runInWorker({ kind: "read-article", text, fileName, format }, options),
    reanchor: (oldText, newText, claims) => runInWorker({ kind: "reanchor", oldText, newText, claims }, options),
  };
}
