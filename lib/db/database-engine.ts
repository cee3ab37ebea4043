import type { DatabaseEngine } from "./database-url";

/**
 * The engine behind a client or a transaction's client, for the few queries whose SQL differs
 * (full-text search, case-insensitive matching). Asks the client, not DATABASE_URL: tests and
 * scripts open databases by URL without setting the variable. `_activeProvider` is Prisma's own
 * (internal) name for the generated client's provider; this is the one place that reads it.
 */
export function engineOfDatabase(db: object): DatabaseEngine {
  const provider = (db as { _activeProvider?: unknown })._activeProvider;
  if (provider === "postgresql") return "postgresql";
  if (provider === "sqlite") return "sqlite";
  throw new Error(`engineOfDatabase: not a Prisma client of ours (provider ${String(provider)})`);
}

/**
 * A `contains` filter that ignores case on both engines: SQLite's LIKE, which Prisma's `contains`
 * becomes there, already ignores ASCII case; PostgreSQL's does not, and Prisma asks for ILIKE with
 * `mode: "insensitive"`, an option the shared (SQLite-typed) client does not declare.
 */
export function containsIgnoringCase(db: object, value: string): { contains: string } {
  return engineOfDatabase(db) === "postgresql" ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}
