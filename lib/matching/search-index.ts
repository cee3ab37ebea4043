import type { Database } from "@/lib/db/create-database";
import type { Tx } from "@/lib/review/record-audit";
import { documentCountsPostgres, indexedTextPostgres, indexStatsPostgres, searchPostgres } from "./search-index-postgres";
import { documentCountsSqlite, indexedTextSqlite, indexStatsSqlite, searchSqlite } from "./search-index-sqlite";

/**
 * The one module that knows the full-text index of the claims that may be matched (checked,
 * neither dismissed nor orphaned), kept by triggers on both engines: SQLite's FTS5 table
 * (search-index-sqlite.ts) and PostgreSQL's tsvector twin (search-index-postgres.ts, issue 14).
 * What to ask for (the rarest words) is decided here, once, for both; each engine module only
 * runs the lookup and ranks by BM25, so matching gets the same Candidate rows either way.
 */

export type Db = Database | Tx;

/** One indexed claim found for a query, with what reranking needs. */
export interface Candidate {
  claimId: string;
  articleId: string;
  text: string;
  /** BM25 as a positive number (FTS5's bm25() negated): higher is a better lexical match. */
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

/**
 * What the index is asked for: claims satisfying any of the clauses; a clause holds each of its
 * words; a word is any of its forms. Empty: nothing to ask.
 */
export type IndexQuery = string[][][];

/** A query as the engine modules run it. */
export type SearchQuery = { key: string; articleId: string; match: IndexQuery };

/** A candidate as an engine module returns it, keyed by its query. */
export type RawHit = Candidate & { key: string };

/** What ranking needs of the whole index: how many claims it holds, and their mean length (PostgreSQL's BM25 only). */
export type IndexStats = { claims: number; averageLength: number };

/** Words asked for per claim: the rarest, since a common word costs a long list and tells little. */
const WORDS_PER_QUERY = 6;
/** A word in more than this share of indexed claims is left out (unless no rarer word is left). */
const COMMON_SHARE = 0.003;
/**
 * Claims an OR of the chosen words may reach before two of them are required together instead:
 * the index scores every claim a query reaches, while an AND of two words costs only the merge
 * of their lists.
 */
const ANY_WORD_BUDGET = 600;
/** When every word is common, the claims holding all of the rarest few of them are asked for instead. */
const COMMON_WORDS_TOGETHER = 3;
/** …but a word in this many claims or fewer is never "common", so a small index keeps every word. */
const COMMON_FLOOR = 200;

/** Candidates taken from the index before leaving out the query's own article and reranking. */
const INDEX_LIMIT = 12;
/** Queries per statement: one round trip for many claims (Prisma's per-query cost dominates otherwise). */
const QUERIES_PER_STATEMENT = 50;

/**
 * Whether a client is on PostgreSQL. Prisma's own provider name, which transaction clients share.
 * TODO(P1): use lib/db's engine helper when it lands.
 */
function onPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

/**
 * For each query, the best indexed claims of other articles by BM25, best first, at most `limit`
 * each.
 */
export async function findCandidates(db: Db, queries: readonly CandidateQuery[], limit = 20): Promise<Map<string, Candidate[]>> {
  const out = new Map<string, Candidate[]>(queries.map((q) => [q.key, []]));
  const postgres = onPostgres(db);
  const stats = postgres ? await indexStatsPostgres(db) : await indexStatsSqlite(db);
  const terms = [...new Set(queries.flatMap((q) => q.terms.flat()))];
  const counts = postgres ? await documentCountsPostgres(db, terms, commonCount(stats.claims)) : await documentCountsSqlite(db, terms);
  if (postgres) {
    // Counted only up to "common" there: a claim whose every word is common needs them all exactly.
    const exact = [...new Set(queries.filter((q) => everyWordCommon(q.terms, counts, stats.claims)).flatMap((q) => q.terms.flat()))];
    for (const [term, n] of await documentCountsPostgres(db, exact)) counts.set(term, n);
  }
  const searchable = queries.map((q) => ({ ...q, match: rarestWords(q.terms, counts, stats.claims) })).filter((q) => q.match.length > 0);
  for (let i = 0; i < searchable.length; i += QUERIES_PER_STATEMENT) {
    const batch = searchable.slice(i, i + QUERIES_PER_STATEMENT);
    const rows = postgres ? await searchPostgres(db, batch, INDEX_LIMIT, stats, counts) : await searchSqlite(db, batch, INDEX_LIMIT);
    for (const { key, ...candidate } of rows) {
      const list = out.get(key)!;
      if (list.length < limit) list.push(candidate);
    }
  }
  return out;
}

/** How many claims a word may be in and still be asked for: more than that is "common". */
export function commonCount(total: number): number {
  return Math.floor(Math.max(COMMON_FLOOR, total * COMMON_SHARE));
}

/** Of a claim's words, those the index holds, rarest first, with their counts (all forms together). */
function heldWords(words: readonly string[][], counts: ReadonlyMap<string, number>) {
  return words
    .map((forms) => {
      const present = forms.filter((f) => (counts.get(f) ?? 0) > 0);
      return { present, count: present.reduce((n, f) => n + counts.get(f)!, 0) };
    })
    .filter((w) => w.present.length > 0)
    .sort((a, b) => a.count - b.count);
}

/** Whether the index holds some of a claim's words but each of them is common. */
function everyWordCommon(words: readonly string[][], counts: ReadonlyMap<string, number>, total: number): boolean {
  const held = heldWords(words, counts);
  return held.length > 0 && held.every((w) => w.count > commonCount(total));
}

/**
 * The index query of a claim: of its words the index holds at all, any of the WORDS_PER_QUERY
 * rarest that are not common, each in the forms the index holds (two of them together when
 * those reach too many claims); when every word is common, all of the COMMON_WORDS_TOGETHER
 * rarest (a long list each, short together). Empty when the index holds none of its words.
 */
export function rarestWords(words: readonly string[][], counts: ReadonlyMap<string, number>, total: number): IndexQuery {
  const held = heldWords(words, counts);
  const rare = held.filter((w) => w.count <= commonCount(total));
  const chosen = rare.slice(0, WORDS_PER_QUERY);
  if (chosen.length === 1 || (chosen.length > 1 && chosen.reduce((n, w) => n + w.count, 0) <= ANY_WORD_BUDGET)) return [[chosen.flatMap((w) => w.present)]];
  if (chosen.length > 1) {
    const pairs: IndexQuery = [];
    for (let i = 0; i < chosen.length; i++) for (let j = i + 1; j < chosen.length; j++) pairs.push([chosen[i]!.present, chosen[j]!.present]);
    return pairs;
  }
  return held.length > 0 ? [held.slice(0, COMMON_WORDS_TOGETHER).map((w) => w.present)] : [];
}

/** Whether a claim is in the index (a candidate for matching): for tests and the read models. */
export async function isIndexed(db: Db, claimId: string): Promise<boolean> {
  return (await indexedText(db, claimId)) !== null;
}

/** The text the index holds for a claim, or null: for tests that the triggers keep it right. */
export async function indexedText(db: Db, claimId: string): Promise<string | null> {
  return onPostgres(db) ? indexedTextPostgres(db, claimId) : indexedTextSqlite(db, claimId);
}
