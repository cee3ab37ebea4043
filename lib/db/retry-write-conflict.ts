/**
 * PostgreSQL's counterpart of lib/db/retry-busy.ts. PostgreSQL never answers "busy": a writer waits
 * for the row lock it needs. What it does answer, and expects the client to retry, is a deadlock
 * (40P01: two transactions each waiting on a row the other locked, one of them is aborted) and a
 * serialization failure (40001, only under REPEATABLE READ or SERIALIZABLE). Either way the whole
 * transaction was rolled back, so running the callback again is safe.
 */
const ATTEMPTS = 5;
const FIRST_PAUSE_MS = 5;

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

/** Runs `attempt` again (up to ATTEMPTS times, with growing jittered pauses) while it fails on a write conflict. */
export async function retryWriteConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1, pause = FIRST_PAUSE_MS; ; n++, pause *= 2) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= ATTEMPTS || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause));
    }
  }
}
