/**
 * The processing worker's whole shell: one task from workerData, run by the same functions the
 * process itself would run (tasks.ts), one message back. Bundled by scripts/processing-host.mjs
 * and started by run-in-worker.ts; a new worker per task, so a terminated one leaves nothing behind.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { runTask, type ProcessingTask } from "./tasks";

try {
  parentPort!.postMessage({ ok: true, value: runTask(workerData as ProcessingTask) });
} catch (error) {
  // An AppError keeps its code and sentence across the thread boundary; anything else is a parser's failure.
  const known = error instanceof AppError;
  parentPort!.postMessage({ ok: false, code: known ? error.code : "INTERNAL", message: known ? error.message : String((error as Error)?.message ?? error) });
}
