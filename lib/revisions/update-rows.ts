import type Sqlite from "better-sqlite3";
import { engineOfDatabase } from "@/lib/db/database-engine";
import { sqliteConnectionOf, type SqliteConnection } from "@/lib/db/sqlite-connection";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/review/record-audit";

/** A value SQLite binds as it is: numbers, text, NULL. */
export type SqlValue = string | number | null;

/**
 * Rows per statement: a few hundred keeps each statement well under SQLite's 32,766 bound
 * parameters at ~20 columns, and a re-import of 2,000 claims to a handful of statements.
 */
export const UPDATE_BATCH = 400;

export type RowUpdate<C extends string> = {
  /** The table, as Prisma names it (and so SQLite does). */
  table: string;
  /** The columns of each row in `rows`; the first is the key matched against `table.id`. */
  columns: readonly ["id", ...C[]];
  /**
   * What each updated column becomes: an SQL expression over `v.<column>` (the row's value) and
   * `t.<column>` (the stored one), e.g. `"COALESCE(v.quantities, t.quantities)"`.
   */
  set: Readonly<Record<string, string>>;
  rows: ReadonlyArray<readonly SqlValue[]>;
  /** Told how many rows each statement wrote, after it ran. */
  onBatch?: (rows: number) => void;
};

/**
 * Updates many rows of one table by id with one multi-row statement per batch of UPDATE_BATCH,
 * `WITH v(id, …) AS (VALUES (…), …) UPDATE … FROM v`, with bound parameters (Prisma.sql, so
 * each engine gets its own placeholders). Prisma's updateMany
 * cannot give each row its own values, and one `update` per row costs a query compilation and a
 * round trip each: 2,000 of them were most of a re-import (issue 13). Runs on the caller's
 * transaction; returns how many rows changed. On PostgreSQL the first row's values are cast to
 * their columns' types (valuesColumnTypes), since untyped parameters in VALUES become text there.
 * On SQLite the same statements run on the transaction's own connection (runBatches).
 */
export async function updateRows<C extends string>(tx: Tx, { table, columns, set, rows, onBatch }: RowUpdate<C>): Promise<number> {
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`updateRows: a row of ${row.length} values for ${columns.length} columns`);
  }
  if (rows.length === 0) return 0;
  const sqlite = await transactionConnection(tx);
  if (sqlite) {
    const head = `WITH v(${columns.map((c) => `"${c}"`).join(", ")}) AS (VALUES `;
    const tail = `) UPDATE "${table}" AS t SET ${Object.entries(set).map(([column, expression]) => `"${column}" = ${expression}`).join(", ")} FROM v WHERE t."id" = v."id"`;
    return runBatches(sqlite, { head, tail, width: columns.length, rows, onBatch });
  }
  const names = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const assignments = Prisma.raw(
    Object.entries(set)
      .map(([column, expression]) => `"${column}" = ${expression}`)
      .join(", "),
  );
  const casts = engineOfDatabase(tx) === "postgresql" ? await valuesColumnTypes(tx, table, columns, rows) : null;
  let changed = 0;
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
    const batch = rows.slice(i, i + UPDATE_BATCH);
    const values = Prisma.join(
      batch.map((row, r) => Prisma.sql`(${Prisma.join(r === 0 && casts ? row.map((value, c) => Prisma.sql`CAST(${value} AS ${Prisma.raw(casts[c]!)})`) : row)})`),
    );
    changed += await tx.$executeRaw`WITH v(${names}) AS (VALUES ${values}) UPDATE ${Prisma.raw(`"${table}"`)} AS t SET ${assignments} FROM v WHERE t."id" = v."id"`;
    onBatch?.(batch.length);
  }
  return changed;
}

/** PostgreSQL types of each table's columns, asked once per table and process (the schema is fixed while it runs). */
const columnTypesOf = new Map<string, Promise<Map<string, string>>>();

/**
 * The PostgreSQL type of each VALUES column for updateRows: the table column's own (format_type,
 * e.g. "timestamp(3) without time zone"), or for a column the table lacks (a flag the SET
 * expressions read) one from its values: integer or double precision for numbers, else text.
 * PostgreSQL types a VALUES column from its rows, and bound parameters arrive untyped, so without
 * these every column is text and `v."flag" = 1` or `SET "sourceStart" = v."sourceStart"` fails.
 */
async function valuesColumnTypes(tx: Tx, table: string, columns: readonly string[], rows: ReadonlyArray<readonly SqlValue[]>): Promise<string[]> {
  let known = columnTypesOf.get(table);
  if (!known) {
    known = tx
      .$queryRaw<Array<{ name: string; type: string }>>`SELECT CAST(a."attname" AS text) AS "name", format_type(a."atttypid", a."atttypmod") AS "type" FROM pg_attribute a WHERE a."attrelid" = to_regclass(${`"${table}"`}) AND a."attnum" > 0 AND NOT a."attisdropped"`
      .then((found) => new Map(found.map((c) => [c.name, c.type])));
    columnTypesOf.set(table, known);
    known.catch(() => columnTypesOf.delete(table));
  }
  const types = await known;
  return columns.map((column, c) => {
    const own = types.get(column);
    if (own) return own;
    const values = rows.map((row) => row[c]).filter((value) => value !== null);
    if (values.length > 0 && values.every((value) => typeof value === "number")) return values.every(Number.isInteger) ? "integer" : "double precision";
    return "text";
  });
}

/** A DateTime as Prisma's SQLite adapter stores it ("2026-12-01T09:11:46.776+00:00"), for `updatedAt`. */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/**
 * Inserts rows with one multi-row `INSERT … VALUES (…), …` per batch of UPDATE_BATCH, bound
 * parameters, on the caller's transaction. Prisma's createMany compiles and maps every row (about
 * 0.4 ms a row here, 1.6 s for 2,000 claims); this is SQLite's own speed. The caller supplies every
 * column Prisma would fill in: ids (newId), createdAt and updatedAt (sqliteDateTime).
 */
export async function insertRows(
  tx: Tx,
  { table, columns, rows, onBatch }: { table: string; columns: readonly string[]; rows: ReadonlyArray<readonly SqlValue[]>; onBatch?: (rows: number) => void },
): Promise<void> {
  const insert = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`insertRows: a row of ${row.length} values for ${columns.length} columns`);
  }
  const sqlite = await transactionConnection(tx);
  if (sqlite) {
    runBatches(sqlite, { head: insert, tail: "", width: columns.length, rows, onBatch });
    return;
  }
  const head = Prisma.raw(insert);
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
    const batch = rows.slice(i, i + UPDATE_BATCH);
    await tx.$executeRaw`${head}${Prisma.join(batch.map((row) => Prisma.sql`(${Prisma.join(row)})`))}`;
    onBatch?.(batch.length);
  }
}

/**
 * The better-sqlite3 connection under `tx` when `tx` is an interactive transaction on SQLite, else
 * null (PostgreSQL, or a client outside a transaction, which Prisma's own path serves). Prisma's
 * `$executeRaw` sends every bound value through its query compiler: at 400 rows × 22 columns a
 * statement that was about half a second of a 2,000-claim import, for statements SQLite runs in
 * milliseconds. On the transaction's connection, whose BEGIN Prisma's adapter has run and whose
 * write turn the transaction holds (lib/db/sqlite-connection.ts), the same statement is part of the
 * same transaction: its commit keeps them, its rollback undoes them.
 */
export async function transactionConnection(tx: Tx): Promise<SqliteConnection | null> {
  // An interactive transaction's client is the one without $transaction (Prisma denies it there).
  if ("$transaction" in tx) return null;
  const connection = await sqliteConnectionOf(tx);
  return connection?.sqlite.inTransaction ? connection : null;
}

/** Full-batch statements prepared per connection, by their SQL: a handful of shapes. */
const prepared = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();

/**
 * Runs `head (…), (…), … tail` once per batch of UPDATE_BATCH rows, synchronously, with `?`
 * placeholders bound to the rows' values in order; returns how many rows changed.
 */
function runBatches(
  { sqlite, prepare }: SqliteConnection,
  { head, tail, width, rows, onBatch }: { head: string; tail: string; width: number; rows: ReadonlyArray<readonly SqlValue[]>; onBatch?: (rows: number) => void },
): number {
  let statements = prepared.get(sqlite);
  if (!statements) prepared.set(sqlite, (statements = new Map()));
  const tuple = `(${Array.from({ length: width }, () => "?").join(", ")})`;
  let changed = 0;
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
    const batch = rows.slice(i, i + UPDATE_BATCH);
    const source = `${head}${Array.from({ length: batch.length }, () => tuple).join(", ")}${tail}`;
    // Only the full batch's statement is kept: last batches come in every size.
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      if (batch.length === UPDATE_BATCH) statements.set(source, statement);
    }
    changed += statement.run(batch.flat()).changes;
    onBatch?.(batch.length);
  }
  return changed;
}

const FINGERPRINT = (process.pid.toString(36) + Math.random().toString(36).slice(2)).slice(-4).padStart(4, "0");
let counter = Math.floor(Math.random() * 36 ** 4);

/**
 * A new id in the shape of Prisma's `cuid()` ("c", time, counter, process, random; 25 lower-case
 * letters and digits), for rows inserted without Prisma: the ids of one process never repeat and
 * sort roughly by creation, as the engine's do.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = randomBlock() + randomBlock();
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${FINGERPRINT}${random}`;
}

/**
 * Random words drawn from crypto a pool at a time: one getRandomValues call per id cost about
 * 40 µs, 0.15 s of the 3,700 ids a 2,000-claim import makes.
 */
const pool = new Uint32Array(1024);
let drawn = pool.length;

/** Four base-36 digits from one random word. */
function randomBlock(): string {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return (pool[drawn++]! % 36 ** 4).toString(36).padStart(4, "0");
}
