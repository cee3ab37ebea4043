/**
 * PostgreSQL's counterpart of lib/db/retry-busy.ts. PostgreSQL never answers "busy": a writer waits
 * for the row lock it needs. What it does answer, and expects the client to retry, is a deadlock
 * (40P01: two transactions each waiting on a row the other locked, one of them is aborted) and a
 * serialization failure (40001, only under REPEATABLE READ or SERIALIZABLE). Either way the whole
 * transaction was rolled back, so running the callback again is safe.
 */
/**
 * A time budget rather than a count: under SERIALIZABLE a burst of N transactions on one row may
 * lose N - 1 of them per round, so a fixed few attempts would fail the tail of a burst.
 */
export const WRITE_CONFLICT_BUDGET_MS = 10_000;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 250;

const RETRIED_CODES = new Set(["40001", "40P01"]);

/** Whether an error is a deadlock or serialization failure however Prisma wraps it (P2034, or the driver's code). */
export function isWriteConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, meta, cause } = e as Record<string, unknown>;
    if (code === "P2034" || (typeof code === "string" && RETRIED_CODES.has(code))) return true;
    const driver = (meta as { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } | undefined)?.driverAdapterError?.cause;
    if (driver?.kind === "TransactionWriteConflict" || (typeof driver?.code === "string" && RETRIED_CODES.has(driver.code))) return true;
    e = cause;
  }
  return false;
}

/** Runs `attempt` again, with growing jittered pauses, while it fails on a write conflict and the budget lasts. */
export async function retryWriteConflict<T>(attempt: () => Promise<T>, budgetMs: number = WRITE_CONFLICT_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isWriteConflict(error) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause));
    }
  }
}
