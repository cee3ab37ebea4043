import { isBusyError } from "./busy-error";

/**
 * How long a write transaction keeps trying to start while another process (usually an import)
 * holds SQLite's write lock. The waiting is done here, asynchronously, not in SQLite's busy
 * handler, which would block this process's event loop for as long: each try waits at most
 * BEGIN_WAIT_MS inside SQLite (lib/db/sqlite-connection.ts), then sleeps here.
 */
export const BUSY_RETRY_BUDGET_MS = 20_000;
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 250;

/**
 * Runs `attempt` again while it fails because the database is busy, with growing pauses, until the
 * budget is spent; then the last busy error is thrown (lib/errors.ts makes it a 503). Only for
 * work that is safe to repeat whole: a transaction that failed on busy was rolled back.
 */
export async function retryBusy<T>(attempt: () => Promise<T>, budgetMs: number = BUSY_RETRY_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error) || Date.now() + pause > deadline) throw error;
      // A little jitter, so two waiting processes do not retry in lockstep.
      await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause));
    }
  }
}
