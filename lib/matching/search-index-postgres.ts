import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, IndexQuery, IndexStats, RawHit, SearchQuery } from "./search-index";

/**
 * The index on PostgreSQL: the table ClaimSearch ("claimId", "text", "document" tsvector under a
 * GIN index), kept by the triggers of prisma/postgresql's claim search migrations. PostgreSQL has
 * no BM25 (ts_rank and ts_rank_cd weigh proximity and ignore how rare a word is), so FTS5's bm25()
 * is computed here with its constants, its idf over the same document counts and its phrase
 * counting, over documents holding the words FTS5's unicode61 tokenizer makes: a claim's
 * candidates, their order and their scores are those SQLite gives.
 *
 * The document ("ClaimSearch_document" in 20261206000200_claim_search_words) holds a word's first
 * occurrence as the word and its k-th as "word~k", so length(document) is the claim's length in
 * words, as FTS5 counts it, and how often a word occurs is told by `@@` alone. Reading a tsvector's
 * positions (unnest) costs some 50 µs a row, twenty times the `@@` tests, and a query may score
 * hundreds of rows.
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

/** A number as SQL text: computed here, so inlined rather than bound (PostgreSQL would type a bound one by its neighbour). */
const num = (n: number) => Prisma.raw(`${Number.isFinite(n) ? n : 0}::float8`);

/**
 * One form's part of bm25(): idf · tf·(k1+1) / (tf + k), k the row's length term. Its second and
 * later occurrences are "form~2", …: a claim rarely repeats a word, so their number is read from
 * the document's lexemes only when "form~2" is there.
 */
function formPart(form: string, weight: number): Prisma.Sql {
  const tf = Prisma.sql`CASE WHEN s."document" @@ ${lexeme(`${form}~2`)}::tsquery
    THEN 1 + (SELECT COUNT(*) FROM unnest(tsvector_to_array(s."document")) AS l WHERE starts_with(l, ${`${form}~`}))
    ELSE 1 END`;
  return Prisma.sql`CASE WHEN s."document" @@ ${lexeme(form)}::tsquery THEN ${num(weight)} * (${tf}) * ${num(K1 + 1)} / ((${tf}) + d."k") ELSE 0 END`;
}

/**
 * bm25() of a row for an index query. FTS5 counts every form once per place it has in the query,
 * and only within the clauses the row satisfies (an AND clause that fails is positioned on another
 * row), so a clause of several words, or one of several clauses, adds its forms only when it holds.
 */
function score(query: IndexQuery, counts: ReadonlyMap<string, number>, total: number): Prisma.Sql {
  const single = query.length === 1 && query[0]!.length === 1;
  const clauses = query.map((clause) => {
    const sum = Prisma.join(clause.flatMap((forms) => forms.map((form) => formPart(form, idf(total, counts.get(form) ?? 0)))), " + ");
    return single ? sum : Prisma.sql`CASE WHEN s."document" @@ ${tsQuery([clause])}::tsquery THEN ${sum} ELSE 0 END`;
  });
  return Prisma.join(clauses, " + ");
}

/**
 * For each query, the best `limit` claims by BM25, best first, with the query's own article left
 * out afterwards (as on SQLite). Each query is its own GIN lookup with its own LIMIT; the union is
 * joined to the claims once.
 */
export async function searchPostgres(db: Db, queries: readonly SearchQuery[], limit: number, stats: IndexStats, counts: ReadonlyMap<string, number>): Promise<RawHit[]> {
  // bm25's length term, k1 · (1 - b + b · D / avgdl), as a + c · D.
  const lengthBase = K1 * (1 - B);
  const lengthPerWord = stats.averageLength > 0 ? (K1 * B) / stats.averageLength : 0;
  const parts = queries.map(
    (q) => Prisma.sql`(SELECT ${q.key}::text AS "q", ${q.articleId}::text AS "a", s."claimId" AS "r", ${score(q.match, counts, stats.claims)} AS "s"
      FROM "ClaimSearch" s CROSS JOIN LATERAL (SELECT ${num(lengthBase)} + ${num(lengthPerWord)} * length(s."document") AS "k") d
      WHERE s."document" @@ ${tsQuery(q.match)}::tsquery ORDER BY "s" DESC, s."claimId" LIMIT ${limit}::int)`,
  );
  return db.$queryRaw<RawHit[]>`
    SELECT h."q" AS "key", c."id" AS "claimId", c."articleId" AS "articleId", c."text" AS "text", h."s" AS "bm25"
    FROM (${Prisma.join(parts, " UNION ALL ")}) h JOIN "Claim" c ON c."id" = h."r"
    WHERE c."articleId" <> h."a" ORDER BY h."q", h."s" DESC, h."r"`;
}

/**
 * How many indexed claims hold each term, one GIN lookup per term. PostgreSQL's GIN cannot count
 * without visiting the rows, so a term in more than `atMost` claims is counted only that far and
 * answered as atMost + 1: matching needs exact counts only of words rare enough to ask for (the
 * caller asks again, uncapped, for a claim whose every word is common). Terms the index lacks are
 * left out, as FTS5's vocabulary leaves them out.
 */
export async function documentCountsPostgres(db: Db, terms: readonly string[], atMost?: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const cap = atMost === undefined ? Prisma.empty : Prisma.sql`LIMIT ${Math.floor(atMost) + 1}::int`;
  for (let i = 0; i < terms.length; i += 1000) {
    const batch = terms.slice(i, i + 1000);
    const rows = await db.$queryRaw<Array<{ term: string; doc: number | bigint }>>`
      SELECT t."term" AS "term", (SELECT COUNT(*) FROM (SELECT 1 FROM "ClaimSearch" s WHERE s."document" @@ t."query"::tsquery ${cap}) x) AS "doc"
      FROM unnest(${batch}::text[], ${batch.map(lexeme)}::text[]) AS t("term", "query")`;
    for (const row of rows) if (Number(row.doc) > 0) out.set(row.term, Number(row.doc));
  }
  return out;
}

/** How many claims the index holds and their mean length in words (length(document): see above). */
export async function indexStatsPostgres(db: Db): Promise<IndexStats> {
  const rows = await db.$queryRaw<Array<{ n: number | bigint; average: number | null }>>`
    SELECT COUNT(*) AS "n", AVG(length("document"))::float8 AS "average" FROM "ClaimSearch"`;
  return { claims: Number(rows[0]?.n ?? 0), averageLength: Number(rows[0]?.average ?? 0) };
}

export async function indexedTextPostgres(db: Db, claimId: string): Promise<string | null> {
  const rows = await db.$queryRaw<Array<{ text: string }>>`SELECT "text" FROM "ClaimSearch" WHERE "claimId" = ${claimId}`;
  return rows[0]?.text ?? null;
}
