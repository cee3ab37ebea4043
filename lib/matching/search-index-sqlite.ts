import type Sqlite from "better-sqlite3";
import { sqliteConnectionOf, type SqliteConnection } from "@/lib/db/sqlite-connection";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, IndexQuery, IndexStats, RawHit, SearchQuery } from "./search-index";

/**
 * The index on SQLite: the FTS5 table ClaimSearch and its ClaimSearchKey rowids, kept by the
 * triggers of the 20261205000000_claim_matches migration. BM25 is FTS5's own bm25().
 */

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** An FTS5 query matching any of the terms, each quoted so no word is read as an operator. */
export function anyOf(terms: readonly string[]): string {
  return terms.map(quoted).join(" OR ");
}

/** An FTS5 query matching claims that hold each word, in any of its forms. */
export function allOf(words: readonly (readonly string[])[]): string {
  return words.map((forms) => `(${anyOf(forms)})`).join(" AND ");
}

/** The FTS5 query text of an index query: a lone word as a plain OR of its forms, several clauses each in parentheses. */
export function fts5Query(query: IndexQuery): string {
  if (query.length === 1 && query[0]!.length === 1) return anyOf(query[0]![0]!);
  if (query.length === 1) return allOf(query[0]!);
  return query.map((clause) => `(${allOf(clause)})`).join(" OR ");
}

/** One query's best claims of other articles, as `searchSqlite`'s union selects them, for a statement prepared once. */
const ONE_SEARCH = `SELECT c."id" AS "claimId", c."articleId" AS "articleId", c."text" AS "text", h."s" AS "score"
  FROM (SELECT rowid AS "r", bm25("ClaimSearch") AS "s" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY bm25("ClaimSearch") LIMIT ?) h
  JOIN "ClaimSearchKey" k ON k."id" = h."r" JOIN "Claim" c ON c."id" = k."claimId"
  WHERE c."articleId" <> ? ORDER BY h."s"`;
type SearchRow = { claimId: string; articleId: string; text: string; score: number };
const searches = new WeakMap<SqliteConnection, Sqlite.Statement<unknown[], SearchRow>>();

/**
 * Each query keeps its own ORDER BY bm25 LIMIT inside the FTS5 scan. On the adapter's own
 * connection one prepared statement per query: through Prisma every statement of 50 queries went
 * through its query compiler, about half the 2,000-claim benchmark's time in lookups that SQLite
 * runs in a fraction of a millisecond each. Not while a transaction is open on the connection (one
 * of Prisma's, between its awaits), whose writes are not yet committed: then Prisma's union,
 * joined once, in that transaction's turn.
 */
export async function searchSqlite(db: Db, queries: readonly SearchQuery[], limit: number): Promise<RawHit[]> {
  const connection = await sqliteConnectionOf(db);
  if (connection && !connection.sqlite.inTransaction) {
    let statement = searches.get(connection);
    if (!statement) searches.set(connection, (statement = connection.prepare(ONE_SEARCH) as Sqlite.Statement<unknown[], SearchRow>));
    const out: RawHit[] = [];
    for (const q of queries) {
      for (const r of statement.all(fts5Query(q.match), limit, q.articleId)) out.push({ key: q.key, claimId: r.claimId, articleId: r.articleId, text: r.text, bm25: -r.score });
    }
    return out;
  }
  const parts = queries.map(
    (q) =>
      Prisma.sql`SELECT * FROM (SELECT ${q.key} AS "q", ${q.articleId} AS "a", rowid AS "r", bm25("ClaimSearch") AS "s" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${fts5Query(q.match)} ORDER BY bm25("ClaimSearch") LIMIT ${limit})`,
  );
  const rows = await db.$queryRaw<Array<RawHit & { score: number }>>`
    SELECT h."q" AS "key", c."id" AS "claimId", c."articleId" AS "articleId", c."text" AS "text", h."s" AS "score"
    FROM (${Prisma.join(parts, " UNION ALL ")}) h JOIN "ClaimSearchKey" k ON k."id" = h."r" JOIN "Claim" c ON c."id" = k."claimId"
    WHERE c."articleId" <> h."a" ORDER BY h."q", h."s"`;
  // bm25() is negative, lower better: made a positive "higher is better".
  return rows.map((r) => ({ key: r.key, claimId: r.claimId, articleId: r.articleId, text: r.text, bm25: -r.score }));
}

/** How many indexed claims hold each term, from FTS5's own vocabulary table (a temporary one, per connection). */
export async function documentCountsSqlite(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  await db.$executeRaw`CREATE VIRTUAL TABLE IF NOT EXISTS temp."ClaimSearchTerms" USING fts5vocab(main, "ClaimSearch", row)`;
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 500) {
    const batch = terms.slice(i, i + 500);
    const rows = await db.$queryRaw<Array<{ term: string; doc: number | bigint }>>`
      SELECT "term", "doc" FROM temp."ClaimSearchTerms" WHERE "term" IN (${Prisma.join(batch)})`;
    for (const row of rows) out.set(row.term, Number(row.doc));
  }
  return out;
}

/** FTS5 keeps its own average length for bm25(): only the count is read. */
export async function indexStatsSqlite(db: Db): Promise<IndexStats> {
  const rows = await db.$queryRaw<Array<{ n: number | bigint }>>`SELECT COUNT(*) AS "n" FROM "ClaimSearchKey"`;
  return { claims: Number(rows[0]?.n ?? 0), averageLength: 0 };
}

export async function indexedTextSqlite(db: Db, claimId: string): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ text: string }>>`
    SELECT s."text" AS "text" FROM "ClaimSearchKey" k JOIN "ClaimSearch" s ON s.rowid = k."id" WHERE k."claimId" = ${claimId}`;
  return rows[0]?.text ?? null;
}
