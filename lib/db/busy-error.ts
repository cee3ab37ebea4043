/**
 * Recognises SQLite's "database is locked" however it reaches us: better-sqlite3's SqliteError
 * (code SQLITE_BUSY or an extended SQLITE_BUSY_SNAPSHOT / _RECOVERY / _TIMEOUT), or Prisma's wrapping
 * of it (P1008 "Operation has timed out", with the driver's code under meta.driverAdapterError), or
 * Prisma giving up on starting a transaction while this process's other transaction holds the
 * connection (P2028). Pure and dependency-free, so lib/errors.ts can map it for any caller.
 */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, meta, cause, originalCode } = e as Record<string, unknown>;
    if (isBusyCode(code) || isBusyCode(originalCode)) return true;
    if (code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction in the given time")) return true;
    const driver = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError;
    if (isBusyCode(driver?.cause?.originalCode)) return true;
    e = cause;
  }
  return false;
}

function isBusyCode(code: unknown): boolean {
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** What a person reads when the wait ran out: the usual holder of the lock is a long import. */
export const BUSY_MESSAGE = "The database is busy with another import; try again in a moment.";
