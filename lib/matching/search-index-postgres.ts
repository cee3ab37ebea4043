import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, IndexQuery, IndexStats, RawHit, SearchQuery } from "./search-index";

/**
 * The index on PostgreSQL: the table ClaimSearch ("claimId", "text", "document" tsvector under a
 * GIN index), kept by the triggers of prisma/postgresql's claim_search migration. PostgreSQL has
 * no BM25 of its own (ts_rank and ts_rank_cd weigh proximity and ignore how rare a word is), so
 * FTS5's bm25() is computed here, with its constants and its idf over the same document counts,
 * so a claim's candidates and their order are those SQLite gives. One difference: a claim's length
 * is counted in distinct words (length(tsvector), read without unpacking it), where FTS5 counts
 * every word; the two differ only for claims that repeat a word, and only in the length term.
 */

/** FTS5's bm25() constants (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;

/** A lexeme as tsquery text: quoted, so no word is read as an operator. */
export function lexeme(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** The tsquery text of an index query: (form | form) & (form …) per clause, clauses joined by |. */
export function tsQuery(query: IndexQuery): string {
  return query.map((clause) => clause.map((forms) => `(${forms.map(lexeme).join(" | ")})`).join(" & ")).join(" | ");
}

/** FTS5's idf: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 for a word in more than half the claims. */
export function idf(total: number, docs: number): number {
  const value = Math.log((total - docs + 0.5) / (docs + 0.5));
  return value > 0 ? value : 1e-6;
}

/**
 * The phrases bm25() sums over, as parallel arrays for unnest(): FTS5 counts every form in the
 * query once per place it appears, and only in the clauses the claim satisfies (an AND clause
 * that fails is positioned on another row), so each carries its clause, its word in the clause,
 * and how many words the clause needs.
 */
function phrases(query: IndexQuery, counts: ReadonlyMap<string, number>, total: number) {
  const out = { clause: [] as number[], word: [] as number[], term: [] as string[], idf: [] as number[], need: [] as number[] };
  query.forEach((words, c) =>
    words.forEach((forms, w) =>
      forms.forEach((form) => {
        out.clause.push(c);
        out.word.push(w);
        out.term.push(form);
        out.idf.push(idf(total, counts.get(form) ?? 0));
        out.need.push(words.length);
      }),
    ),
  );
  return out;
}

/**
 * For each query, the best `limit` claims by BM25, best first, with the query's own article left
 * out afterwards (as on SQLite). Each query is its own GIN lookup, ranked in a LATERAL-free union
 * so the planner keeps each LIMIT inside its scan.
 */
export async function searchPostgres(db: Db, queries: readonly SearchQuery[], limit: number, stats: IndexStats, counts: ReadonlyMap<string, number>): Promise<RawHit[]> {
  // bm25's length term, k1 * (1 - b + b * D / avgdl), as a + c * D.
  const lengthBase = K1 * (1 - B);
  const lengthPerWord = stats.averageLength > 0 ? (K1 * B) / stats.averageLength : 0;
  const parts = queries.map((q) => {
    const p = phrases(q.match, counts, stats.claims);
    const score = Prisma.sql`COALESCE((SELECT SUM(x."part") FROM (
        SELECT SUM(p."idf" * f."tf" * ${K1 + 1}::float8 / (f."tf" + ${lengthBase}::float8 + ${lengthPerWord}::float8 * length(s."document"))) AS "part"
        FROM unnest(s."document") AS u("lexeme", "positions", "weights")
        CROSS JOIN LATERAL (SELECT COALESCE(cardinality(u."positions"), 1)::float8 AS "tf") f
        JOIN unnest(${p.clause}::int[], ${p.word}::int[], ${p.term}::text[], ${p.idf}::float8[], ${p.need}::int[]) AS p("clause", "word", "term", "idf", "need") ON p."term" = u."lexeme"
        GROUP BY p."clause" HAVING COUNT(DISTINCT p."word") = MAX(p."need")) x), 0)`;
    return Prisma.sql`(SELECT ${q.key}::text AS "q", ${q.articleId}::text AS "a", s."claimId" AS "r", ${score} AS "s"
      FROM "ClaimSearch" s WHERE s."document" @@ ${tsQuery(q.match)}::tsquery ORDER BY "s" DESC, s."claimId" LIMIT ${limit}::int)`;
  });
  return db.$queryRaw<RawHit[]>`
    SELECT h."q" AS "key", c."id" AS "claimId", c."articleId" AS "articleId", c."text" AS "text", h."s" AS "bm25"
    FROM (${Prisma.join(parts, " UNION ALL ")}) h JOIN "Claim" c ON c."id" = h."r"
    WHERE c."articleId" <> h."a" ORDER BY h."q", h."s" DESC, h."r"`;
}

/**
 * How many indexed claims hold each term: one GIN lookup per term (what FTS5's vocabulary table
 * does too: it reads each term's document list). Terms the index lacks cost one probe.
 */
export async function documentCountsPostgres(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 1000) {
    const batch = terms.slice(i, i + 1000);
    const rows = await db.$queryRaw<Array<{ term: string; doc: number | bigint }>>`
      SELECT t."term" AS "term", (SELECT COUNT(*) FROM "ClaimSearch" s WHERE s."document" @@ t."query"::tsquery) AS "doc"
      FROM unnest(${batch}::text[], ${batch.map(lexeme)}::text[]) AS t("term", "query")`;
    for (const row of rows) if (Number(row.doc) > 0) out.set(row.term, Number(row.doc));
  }
  return out;
}

export async function indexStatsPostgres(db: Db): Promise<IndexStats> {
  const rows = await db.$queryRaw<Array<{ n: number | bigint; average: number | null }>>`
    SELECT COUNT(*) AS "n", AVG(length("document"))::float8 AS "average" FROM "ClaimSearch"`;
  return { claims: Number(rows[0]?.n ?? 0), averageLength: Number(rows[0]?.average ?? 0) };
}

export async function indexedTextPostgres(db: Db, claimId: string): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ text: string }>>`SELECT "text" FROM "ClaimSearch" WHERE "claimId" = ${claimId}`;
  return rows[0]?.text ?? null;
}
