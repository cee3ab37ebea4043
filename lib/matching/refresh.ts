import { Prisma } from "@/lib/generated/prisma/client";
import { insertRows, newId, sqliteDateTime } from "@/lib/revisions/update-rows";
import type { Tx } from "@/lib/review/record-audit";
import { readPair } from "./pair-features";
import { featuresOf, judgePair, MIN_OVERLAP, wordOverlap, type ClaimFeatures, type ScoredMatch } from "./score";
import { shippedModel, type SameClaimModel } from "./same-claim";
import { searchTerms } from "./normalise";
import { findCandidates, type Candidate, type Db } from "./search-index";
import type { ClaimMatch } from "./types";

/** Matches kept per claim: the workbench shows a few, and more would be noise. */
export const MAX_MATCHES = 5;
/** Candidates the index hands to reranking per claim. */
const CANDIDATES = 8;
/** Claim ids per `IN (…)` list, well inside either engine's parameter limit. */
const ID_BATCH = 500;

/** States whose claims are not matched: nobody checks them. */
const UNMATCHED_STATES = ["dismissed", "orphaned"];

type QueryClaim = { id: string; articleId: string; text: string };

/**
 * Computes the matches of claims against the checked claims of other articles: candidates by BM25
 * from the full-text index, each reranked on words, figures and polarity (score.ts), best first.
 * Pure of storage: the evaluation and the benchmark call it to see what would be stored.
 */
export async function computeMatches(db: Db, claims: readonly QueryClaim[]): Promise<Map<string, ClaimMatch[]>> {
  return rankCandidates(claims, await findClaimCandidates(db, claims));
}

/** The index's candidates of each claim, by claim id: the first half of computeMatches. */
export async function findClaimCandidates(db: Db, claims: readonly QueryClaim[]): Promise<Map<string, Candidate[]>> {
  return findCandidates(db, claims.map((c) => ({ key: c.id, articleId: c.articleId, terms: searchTerms(c.text) })), CANDIDATES);
}

/**
 * The second half: each claim's candidates reranked (score.ts), best first, at most MAX_MATCHES.
 * Pure, so the evaluation can rerank one set of candidates under another same-claim model.
 */
export function rankCandidates(claims: readonly Pick<QueryClaim, "id" | "text">[], found: ReadonlyMap<string, readonly Candidate[]>, model: Readonly<SameClaimModel> = shippedModel()): Map<string, ClaimMatch[]> {
  const out = new Map<string, ClaimMatch[]>();
  for (const [claimId, scored] of scoreCandidates(claims, found, model)) {
    out.set(claimId, scored.slice(0, MAX_MATCHES).map((m) => ({ claimId, matchedClaimId: m.matchedClaimId, score: m.score, relation: m.relation, reasons: m.reasons })));
  }
  return out;
}

/** Every candidate offered for each claim, scored (with the model's confidence and features), best first. */
export function scoreCandidates(claims: readonly Pick<QueryClaim, "id" | "text">[], found: ReadonlyMap<string, readonly Candidate[]>, model: Readonly<SameClaimModel> = shippedModel()): Map<string, Array<ScoredMatch & { matchedClaimId: string }>> {
  // Candidates recur across the claims of one article: read each text once.
  const features = new Map<string, ClaimFeatures>();
  const read = (text: string) => {
    let f = features.get(text);
    if (!f) features.set(text, (f = featuresOf({ text })));
    return f;
  };
  const out = new Map<string, Array<ScoredMatch & { matchedClaimId: string }>>();
  for (const claim of claims) {
    const candidates = found.get(claim.id) ?? [];
    const best = candidates[0]?.bm25 ?? 1;
    const query = read(claim.text);
    const readings = candidates.map((c) => {
      const target = read(c.text);
      const overlap = wordOverlap(query.words, target.words);
      return overlap.overlap < MIN_OVERLAP ? null : readPair(query, target, overlap);
    });
    const scored: Array<ScoredMatch & { matchedClaimId: string }> = [];
    readings.forEach((reading, rank) => {
      if (!reading) return;
      // The margin over the others that could be the same claim: a near twin among them makes this one less sure.
      const bestOtherOverlap = Math.max(0, ...readings.filter((r, i) => i !== rank && r && !r.guard).map((r) => r!.overlap));
      const context = { bm25Share: best > 0 ? candidates[rank]!.bm25 / best : 0, rank, bestOtherOverlap };
      const match = judgePair(reading, context, model);
      if (match) scored.push({ ...match, matchedClaimId: candidates[rank]!.claimId });
    });
    out.set(claim.id, scored.sort(bestFirst));
  }
  return out;
}

/** "same" before "related"; the surest "same" first, then by score. */
export function bestFirst(a: { relation: string; score: number; confidence?: number }, b: { relation: string; score: number; confidence?: number }): number {
  if (a.relation !== b.relation) return a.relation === "same" ? -1 : 1;
  if (a.relation === "same" && (a.confidence ?? 0) !== (b.confidence ?? 0)) return (b.confidence ?? 0) - (a.confidence ?? 0);
  return b.score - a.score;
}

/**
 * Recomputes and stores the matches of the given claims, replacing what was stored for them.
 * Claims that are dismissed, orphaned or gone keep no matches.
 */
export async function refreshClaimMatches(db: Db, input: { claimIds: readonly string[] }): Promise<void> {
  const ids = [...new Set(input.claimIds)];
  const claims: QueryClaim[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    claims.push(...(await db.claim.findMany({ where: { id: { in: ids.slice(i, i + ID_BATCH) }, state: { notIn: UNMATCHED_STATES } }, select: { id: true, articleId: true, text: true } })));
  }
  // All claims' candidates at once: the index's counts and statistics are read once, not per batch.
  const matches = await computeMatches(db, claims);
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const batch = ids.slice(i, i + ID_BATCH);
    await storeMatches(db, batch, batch.flatMap((id) => matches.get(id) ?? []));
  }
}

/** The matches of every current claim of an article (its latest revision's): what the import hook runs. */
export async function refreshArticleMatches(db: Db, input: { articleId: string }): Promise<void> {
  const claims = await db.claim.findMany({ where: { articleId: input.articleId, state: { notIn: UNMATCHED_STATES } }, select: { id: true } });
  await refreshClaimMatches(db, { claimIds: claims.map((c) => c.id) });
}

async function storeMatches(db: Db, claimIds: readonly string[], matches: readonly ClaimMatch[]): Promise<void> {
  // Prisma's own text form of a DateTime; PostgreSQL reads it into its timestamp column as the same instant.
  const now = sqliteDateTime(new Date());
  const write = async (tx: Db) => {
    await tx.$executeRaw`DELETE FROM "ClaimMatch" WHERE "claimId" IN (${Prisma.join(claimIds)})`;
    // Multi-row INSERTs on the transaction's own connection (Prisma's createMany maps every row, and
    // its $executeRaw compiles every bound value: most of the time a large article's store took).
    await insertRows(tx as Tx, {
      table: "ClaimMatch",
      columns: ["id", "claimId", "matchedClaimId", "score", "relation", "reasons", "createdAt"],
      rows: matches.map((m) => [newId(), m.claimId, m.matchedClaimId, m.score, m.relation, JSON.stringify(m.reasons), now]),
    });
  };
  // One transaction, so a reader never sees a claim's matches half replaced; inside a caller's one, that one.
  if ("$transaction" in db) await db.$transaction(async (tx) => write(tx));
  else await write(db);
}
