import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
 * Connections Prisma's pool keeps open at most, unless the URL says `connection_limit` (Prisma's
 * name for it, which sets both pools): node-postgres's own default.
 */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The save pool's default size. A save holds its connection for two round trips and a COMMIT's
 * flush, and on a loaded machine each round trip waits to be scheduled, so saves in flight beyond
 * the pool queue for a connection rather than for PostgreSQL: fifty reviewers saving at once in
 * one process (load 24–28, 2 cores) did 79 saves/s with 10 connections and 167 with 25 (p95 834 and
 * 612 ms). Two servers at 20 + 10 each and their job workers stay inside PostgreSQL's default
 * max_connections of 100.
 */
export const DEFAULT_SAVE_POOL_SIZE = 20;

/**
 * The pools' size from `connection_limit` in the URL, and the URL without it (node-postgres does
 * not know the parameter). A value that is not a positive whole number names itself in the error.
 */
export function poolSettings(url: string, fallback: number = DEFAULT_POOL_SIZE): { connectionString: string; max: number } {
  const parsed = new URL(url);
  const limit = parsed.searchParams.get("connection_limit");
  if (limit === null) return { connectionString: url, max: fallback };
  const max = Number(limit);
  if (!Number.isInteger(max) || max < 1) throw new Error(`DATABASE_URL: connection_limit must be a whole number of connections, not "${limit}"`);
  parsed.searchParams.delete("connection_limit");
  return { connectionString: parsed.toString(), max };
}

type Pipelined = { url: string; pool: pg.Pool | null };
const pipelined = new WeakMap<object, Pipelined>();

/**
 * A Prisma client on a PostgreSQL server, from the client generated for prisma/postgresql/schema.prisma,
 * handed out as the one Database type (lib/db/create-database.ts says why that is sound).
 */
export function postgresClient(url: string): Database {
  const adapter = new PrismaPg({ ...poolSettings(url), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const client = new PostgresPrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  const entry: Pipelined = { url, pool: null };
  pipelined.set(client, entry);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    const pool = entry.pool;
    entry.pool = null;
    await Promise.all([disconnect(), pool?.end()]);
  };
  return client as unknown as Database;
}

/**
 * A second pool beside Prisma's, for code that runs its own statements (the save path,
 * lib/review/save-review-postgres.ts), or null for a client that is not on PostgreSQL. Its
 * connections are in node-postgres's pipeline mode: statements given one after another without
 * awaiting are written at once and answered in order, so a transaction of five statements costs
 * two round trips instead of five, and holds its connection that much shorter. Prisma's own pool
 * stays in the ordinary mode. Made on first use, ended by the client's $disconnect.
 */
export function postgresPipelineOf(db: object): pg.Pool | null {
  const entry = pipelined.get(db);
  if (!entry) return null;
  if (!entry.pool) {
    entry.pool = new pg.Pool({ ...poolSettings(entry.url, DEFAULT_SAVE_POOL_SIZE), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, pipeline: true });
    // An idle connection that breaks (the server restarted) is dropped by the pool, and the next
    // save opens a new one; without a listener the error would end the process.
    entry.pool.on("error", (error) => console.error(`PostgreSQL: an idle connection of the save pool failed: ${error.message}`));
  }
  return entry.pool;
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
