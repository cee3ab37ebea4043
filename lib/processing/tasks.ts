/**
 * The CPU work of an upload, as plain data in and plain data out: what the processing worker runs
 * (worker-main.ts) and what runs in process when no worker is wanted (the command line, tests). One
 * reading of an article (lib/claims/prepare.ts) and one re-anchoring (lib/anchoring); nothing here
 * knows about threads, requests or the database.
 */
import { reanchorClaims, type ReanchorClaim, type ReanchorResult } from "@/lib/anchoring";
import { detectFormat, extractClaims, prepareArticle, type ExtractedClaim, type SourceFormat } from "@/lib/claims";
import { AppError } from "@/lib/errors";
import { checkArticleShape } from "./input-shape";

/** An article's reading: its format, the Markdown a revision stores, and the claims found in it. */
export type ReadArticle = { format: SourceFormat; markdown: string; claims: ExtractedClaim[] };

/** One piece of work for the processing worker. */
export type ProcessingTask =
  | { kind: "read-article"; text: string; fileName?: string; format?: SourceFormat; maxClaims?: number }
  | { kind: "reanchor"; oldText: string; newText: string; claims: Array<ReanchorClaim<number>> };

/** What each task answers. */
export type TaskResult<T extends ProcessingTask> = T extends { kind: "read-article" } ? ReadArticle : Array<ReanchorResult<number>>;

/**
 * Reads an article as every import does: refuses a shape no parser survives (input-shape.ts), then
 * prepareArticle and extractClaims over the Markdown it writes.
 */
export function readArticle(text: string, options: { fileName?: string; format?: SourceFormat } = {}): ReadArticle {
  const format = options.format ?? detectFormat(options.fileName ?? "", text);
  checkArticleShape(text, format);
  const { markdown } = prepareArticle(text, { format });
  return { format, markdown, claims: extractClaims(markdown, { format: "markdown" }).claims };
}

/**
 * The most claims one uploaded article may hold: ten times the 2,000-claim article the workbench is
 * measured on. The server writes an upload's claims on its own thread (better-sqlite3 is
 * synchronous), about 10 ms per hundred; past this the write alone would hold every other request
 * for seconds. The command line, in a process of its own, has no such cap.
 */
export const MAX_UPLOAD_CLAIMS = 20_000;

/** Runs one task in this thread. */
export function runTask<T extends ProcessingTask>(task: T): TaskResult<T> {
  if (task.kind === "read-article") {
    const read = readArticle(task.text, { fileName: task.fileName, format: task.format });
    const maxClaims = task.maxClaims ?? MAX_UPLOAD_CLAIMS;
    if (read.claims.length > maxClaims) {
      throw new AppError(
        "TOO_LARGE",
        `This text holds ${read.claims.length.toLocaleString("en")} check-worthy sentences; one article takes up to ${maxClaims.toLocaleString("en")}. Split it into parts and import each, or use npm run import on the server.`,
      );
    }
    return read as TaskResult<T>;
  }
  return reanchorClaims(task.oldText, task.newText, task.claims).results as TaskResult<T>;
}
