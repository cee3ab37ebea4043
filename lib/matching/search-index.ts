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
  /** Search terms (lib/matching/normalise.ts searchTerms): per word, the forms any of which may match. */
  terms: string[][];
}

/** Words asked for per claim: the rarest, since a common word costs a long list and tells little. */
const WORDS_PER_QUERY = 6;
/** A word in more than this share of indexed claims is left out (unless no rarer word is left). */
const COMMON_SHARE = 0.003;
/**
 * Claims an OR of the chosen words may reach before two of them are required together instead:
 * FTS5 scores every claim a query reaches (a lookup each), while an AND of two words costs only
 * the merge of their lists.
 */
const ANY_WORD_BUDGET = 600;
/** When every word is common, the claims holding all of the rarest few of them are asked for instead. */
const COMMON_WORDS_TOGETHER = 3;
/** …but a word in this many claims or fewer is never "common", so a small index keeps every word. */
const COMMON_FLOOR = 200;

/** Candidates taken from the index before leaving out the query's own article and reranking. */
const FTS_LIMIT = 12;
/** Queries per statement: one round trip for many claims (Prisma's per-query cost dominates otherwise). */
const QUERIES_PER_STATEMENT = 50;

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** An FTS5 query matching any of the terms, each quoted so no word is read as an operator. */
export function anyOf(terms: readonly string[]): string {
  return terms.map(quoted).join(" OR ");
}

/** An FTS5 query matching claims that hold each word, in any of its forms. */
export function allOf(words: readonly (readonly string[])[]): string {
  return words.map((forms) => `(${anyOf(forms)})`).join(" AND ");
}

/**
 * For each query, the best indexed claims of other articles by BM25 (FTS5's own), best first, at
 * most `limit` each.
 */
export async function findCandidates(db: Db, queries: readonly CandidateQuery[], limit = 20): Promise<Map<string, Candidate[]>> {
  const out = new Map<string, Candidate[]>(queries.map((q) => [q.key, []]));
  const counts = await documentCounts(db, [...new Set(queries.flatMap((q) => q.terms.flat()))]);
  const total = await indexedCount(db);
  const searchable = queries.map((q) => ({ ...q, match: rarestWords(q.terms, counts, total) })).filter((q) => q.match.length > 0);
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
      ...batch.flatMap((q) => [q.key, q.articleId, q.match]),
    );
    for (const row of rows) {
      const list = out.get(row.key)!;
      if (list.length < limit) list.push({ claimId: row.claimId, articleId: row.articleId, text: row.text, bm25: -row.score });
    }
  }
  return out;
}

/**
 * The FTS5 query of a claim: of its words the index holds at all, any of the WORDS_PER_QUERY
 * rarest that are not common, each in the forms the index holds; when every word is common, all
 * of the COMMON_WORDS_TOGETHER rarest (a long list each, short together). Empty when the index
 * holds none of its words.
 */
export function rarestWords(words: readonly string[][], counts: ReadonlyMap<string, number>, total: number): string {
  const common = Math.max(COMMON_FLOOR, total * COMMON_SHARE);
  const held = words
    .map((forms) => {
      const present = forms.filter((f) => (counts.get(f) ?? 0) > 0);
      return { present, count: present.reduce((n, f) => n + counts.get(f)!, 0) };
    })
    .filter((w) => w.present.length > 0)
    .sort((a, b) => a.count - b.count);
  const rare = held.filter((w) => w.count <= common);
  const chosen = rare.slice(0, WORDS_PER_QUERY);
  if (chosen.length === 1 || (chosen.length > 1 && chosen.reduce((n, w) => n + w.count, 0) <= ANY_WORD_BUDGET)) return anyOf(chosen.flatMap((w) => w.present));
  if (chosen.length > 1) {
    const pairs: string[] = [];
    for (let i = 0; i < chosen.length; i++) for (let j = i + 1; j < chosen.length; j++) pairs.push(`(${allOf([chosen[i]!.present, chosen[j]!.present])})`);
    return pairs.join(" OR ");
  }
  return allOf(held.slice(0, COMMON_WORDS_TOGETHER).map((w) => w.present));
}

/** How many indexed claims hold each term, from FTS5's own vocabulary table (a temporary one, per connection). */
async function documentCounts(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  await db.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."ClaimSearchTerms" USING fts5vocab(main, "ClaimSearch", row)`);
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 500) {
    const batch = terms.slice(i, i + 500);
    const rows = await db.$queryRawUnsafe<Array<{ term: string; doc: number | bigint }>>(
      `SELECT "term", "doc" FROM temp."ClaimSearchTerms" WHERE "term" IN (${batch.map(() => "?").join(", ")})`,
      ...batch,
    );
    for (const row of rows) out.set(row.term, Number(row.doc));
  }
  return out;
}

async function indexedCount(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS "n" FROM "ClaimSearchKey"`);
  return Number(rows[0]?.n ?? 0);
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
