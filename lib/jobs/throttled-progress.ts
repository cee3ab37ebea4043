import type { Database } from "@/lib/db/create-database";
import { writeProgress } from "./job-table";
import type { JobProgress } from "./types";

/** At most this often a job's progress is written; a person reads it about twice a second. */
const EVERY_MS = 250;

/**
 * A job's progress reports, written to its row (job-table.ts) at most every 250 ms and at once when
 * the stage changes: an import reports after every batch of claims, and must not wait on a write
 * each time. Writes never fail the job (progress is a courtesy); `flush` writes the last report.
 */
export function throttledProgress(db: Database, id: string): { report: (progress: JobProgress) => void; flush: () => Promise<void> } {
  let latest: JobProgress | null = null;
  let written: JobProgress | null = null;
  let lastWrite = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  const write = () => {
    timer = null;
    const progress = latest;
    if (!progress || progress === written) return;
    written = progress;
    lastWrite = Date.now();
    chain = chain.then(() => writeProgress(db, id, progress)).catch((error: unknown) => console.error("job progress:", error));
  };

  return {
    report(progress) {
      const stageChanged = latest?.stage !== progress.stage;
      latest = progress;
      if (stageChanged || Date.now() - lastWrite >= EVERY_MS) {
        if (timer) clearTimeout(timer);
        write();
      } else {
        timer ??= setTimeout(write, EVERY_MS - (Date.now() - lastWrite));
      }
    },
    async flush() {
      if (timer) clearTimeout(timer);
      write();
      await chain;
    },
  };
}
