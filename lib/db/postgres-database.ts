import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import type { Database } from "./create-database";

/**
 * How long a query may wait for a connection before it fails, instead of TCP's minutes for a
 * server that never answers (a refused connection fails at once). node-postgres counts the wait
 * for a free connection of the pool (10) in the same limit, so it must outlast a burst: 40
 * sign-ins at once on a loaded machine waited more than 10 s.
 */
export const CONNECT_TIMEOUT_MS = 30_000;

/**
 * A Prisma client on a PostgreSQL server, from the client generated for prisma/postgresql/schema.prisma,
 * handed out as the one Database type (lib/db/create-database.ts says why that is sound).
 */
export function postgresClient(url: string): Database {
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const client = new PostgresPrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  return client as unknown as Database;
}

// Compile-time proof that the cast above hides no difference callers could meet: each method of
// each model delegate, and the raw-query methods, of the PostgreSQL client can stand where the
// SQLite client's is expected. Left out: aggregate and groupBy, whose result types are conditional
// types TypeScript cannot relate across two generated clients (same text, two declarations), and
// $transaction, whose isolation levels PostgreSQL has more of. A mismatch fails `tsc` naming it.
type PostgresClient = PostgresPrismaClient<never, { user: { passwordHash: true } }>;
type Delegate = { [K in keyof Database]: K extends `$${string}` | symbol ? never : K }[keyof Database];
type Method<K extends Delegate> = Exclude<keyof Database[K], "aggregate" | "groupBy" | symbol>;
type DelegateMismatch = {
  [K in Delegate]: {
    [M in Method<K>]: K extends keyof PostgresClient ? (M extends keyof PostgresClient[K] ? (PostgresClient[K][M] extends Database[K][M] ? never : `${K}.${M}`) : `${K}.${M}`) : K;
  }[Method<K>];
}[Delegate];
type Raw = "$queryRaw" | "$executeRaw" | "$queryRawUnsafe" | "$executeRawUnsafe" | "$connect" | "$disconnect";
type RawMismatch = { [K in Raw]: PostgresClient[K] extends Database[K] ? never : K }[Raw];
type Mismatch = DelegateMismatch | RawMismatch;
export const POSTGRES_CLIENT_MATCHES: [Mismatch] extends [never] ? true : Mismatch = true;
