import type { Database } from "@/lib/db/create-database";
import type { Tx } from "@/lib/review/record-audit";

/**
 * The one module that knows the full-text index: SQLite's FTS5 table ClaimSearch, kept by the
 * triggers of the 20261205000000_claim_matches migration over the claims that may be matched
 * (checked, neither dismissed nor orphaned). A PostgreSQL build (issue 14) replaces this file with
 * a tsvector + ts_rank query returning the same Candidate rows; nothing else changes.
 */

export type Db = Database | Tx;

/** One indexed claim found for a query, with what reranking needs. */
export interface Candidate {
  claimId: string;
  articleId: string;
  text: string;
  /** FTS5's bm25() as a positive number: higher is a better lexical match. */
  bm25: number;
}

export interface CandidateQuery {
  /** The new claim's id, the key of the answer. */
  key: string;
  /** Its article: candidates from it are left out. */
  articleId: string;
  /** Search terms (lib/matching/normalise.ts searchTerms): words and number tokens, any of which may match. */
  terms: string[];
}

/** Candidates taken from the index before leaving out the query's own article and reranking. */
const FTS_LIMIT = 40;
/** Queries per statement: one round trip for many claims (Prisma's per-query cost dominates otherwise). */
const QUERIES_PER_STATEMENT = 50;

/** An FTS5 query matching any of the terms, each quoted so no word is read as an operator. */
export function anyOf(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ");
}

/**
 * For each query, the best indexed claims of other articles by BM25 (FTS5's own), best first, at
 * most `limit` each.
 */
export async function findCandidates(db: Db, queries: readonly CandidateQuery[], limit = 20): Promise<Map<string, Candidate[]>> {
  const out = new Map<string, Candidate[]>(queries.map((q) => [q.key, []]));
  const searchable = queries.filter((q) => q.terms.length > 0);
  for (let i = 0; i < searchable.length; i += QUERIES_PER_STATEMENT) {
    const batch = searchable.slice(i, i + QUERIES_PER_STATEMENT);
    // Each query keeps its own ORDER BY rank LIMIT inside the FTS5 scan; the union is joined once.
    const parts = batch.map(
      () => `SELECT * FROM (SELECT ? AS "q", ? AS "a", rowid AS "r", bm25("ClaimSearch") AS "s" FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ? ORDER BY bm25("ClaimSearch") LIMIT ${FTS_LIMIT})`,
    );
    const sql =
      `SELECT h."q" AS "key", c."id" AS "claimId", c."articleId" AS "articleId", c."text" AS "text", h."s" AS "score" ` +
      `FROM (${parts.join(" UNION ALL ")}) h JOIN "ClaimSearchKey" k ON k."id" = h."r" JOIN "Claim" c ON c."id" = k."claimId" ` +
      `WHERE c."articleId" <> h."a" ORDER BY h."q", h."s"`;
    const rows = await db.$queryRawUnsafe<Array<{ key: string; claimId: string; articleId: string; text: string; score: number }>>(
      sql,
      ...batch.flatMap((q) => [q.key, q.articleId, anyOf(q.terms)]),
    );
    for (const row of rows) {
      const list = out.get(row.key)!;
      if (list.length < limit) list.push({ claimId: row.claimId, articleId: row.articleId, text: row.text, bm25: -row.score });
    }
  }
  return out;
}

/** Whether a claim is in the index (a candidate for matching): for tests and the read models. */
export async function isIndexed(db: Db, claimId: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "ClaimSearchKey" WHERE "claimId" = ?`, claimId);
  return rows.length > 0;
}

/** The text the index holds for a claim, or null: for tests that the triggers keep it right. */
export async function indexedText(db: Db, claimId: string): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<Array<{ text: string }>>(
    `SELECT s."text" AS "text" FROM "ClaimSearchKey" k JOIN "ClaimSearch" s ON s.rowid = k."id" WHERE k."claimId" = ?`,
    claimId,
  );
  return rows[0]?.text ?? null;
}
