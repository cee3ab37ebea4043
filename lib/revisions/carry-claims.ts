import { quoteColumns, quoteOfColumns, type AnchorMatch, type ReanchorStatus } from "@/lib/anchoring";
import { extractQuantities, type ExtractedClaim } from "@/lib/claims";
import { stateForReviews } from "@/lib/review/claim-rules";
import { progressOf, type OnImportProgress } from "@/lib/articles/import-progress";
import { inProcess, type ArticleProcessing } from "@/lib/processing";
import type { Tx } from "@/lib/review/record-audit";
import { claimTextOf, stateAfterTextChange } from "./anchor-rules";
import { insertAnchors, insertAuditEvents, insertExtractedClaims, type AnchorRow } from "./insert-claims";
import { placesInUnchangedSections } from "./unchanged-places";
import { sqliteDateTime, transactionConnection, updateRows, type SqlValue } from "./update-rows";

/** The revision claims are carried from (the latest before this import) and the one they go to. */
export type CarryRevision = { id: string; number: number; text: string };

export type CarryClaimsInput = {
  articleId: string;
  from: CarryRevision;
  to: CarryRevision;
  /** The claims the pipeline found in `to.text`. */
  extracted: readonly ExtractedClaim[];
  actorId?: string;
  onProgress?: OnImportProgress;
  /** Where re-anchoring runs: a worker thread for uploads (lib/processing), this thread by default. */
  processing?: ArticleProcessing;
};

/** What re-anchoring did; `exact + changed` claims were carried, `added` are new, `claimCount` are on `to`. */
export type CarryOutcome = {
  exact: number;
  changed: number;
  /** Claims of `from` with no trustworthy place in `to`: kept on `from`, state orphaned. */
  orphaned: number;
  /** Claims orphaned by an earlier import that found their place again (counted in exact/changed too). */
  restored: number;
  added: number;
  claimCount: number;
};

const CARRIED = {
  id: true,
  revisionId: true,
  text: true,
  state: true,
  position: true,
  sourceStart: true,
  sourceEnd: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  anchorStatus: true,
  stateBeforeOrphan: true,
  approvedReviewId: true,
  reviews: { select: { verdict: true } },
} as const;

type Carried = {
  id: string;
  revisionId: string;
  text: string;
  state: string;
  position: number;
  sourceStart: number;
  sourceEnd: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  anchorStatus: string;
  stateBeforeOrphan: string | null;
  approvedReviewId: string | null;
  reviews: { verdict: string | null }[];
};

type Placed = { claim: Carried; match: AnchorMatch; status: Exclude<ReanchorStatus, "orphaned"> };

/**
 * Re-anchors an article's claims onto its new revision (../shared/DESIGN.md §5), inside the import's
 * transaction. Every claim of `from` (dismissed ones too, so a dismissed sentence is not offered
 * again) and every claim orphaned by an earlier import is placed with reanchorClaims:
 *
 * - exact: moved to `to` with its new span and quote context;
 * - changed: moved, marked changed with its old text kept in previousText; a verdict given on the
 *   old words goes back to review (stateAfterTextChange says why);
 * - orphaned: left on its old revision in state orphaned, reviews and all, its state saved in
 *   stateBeforeOrphan for re-attaching. Never dropped, never put on a look-alike sentence.
 *
 * Extracted claims of `to` that overlap no carried claim are added as new open claims; positions are
 * then reading order on `to`. ClaimAnchor rows record each claim's span on `from` (as it is now,
 * after any hand corrections) and on `to`, and claim.reanchor / claim.orphaned audit events the move.
 */
export async function carryClaims(tx: Tx, input: CarryClaimsInput): Promise<CarryOutcome> {
  const { articleId, from, to, extracted, actorId, onProgress, processing = inProcess } = input;
  const current = await claimsOfRevision(tx, articleId, from.id);
  const earlierOrphans = await tx.claim.findMany({
    where: { articleId, state: "orphaned", revisionId: { not: from.id } },
    select: { ...CARRIED, revision: { select: { text: true } } },
  });

  // One diff per source text: the previous revision's, and each older one an orphan still sits on.
  const placed: Placed[] = [];
  const lost: Carried[] = [];
  const groups = new Map<string, { text: string; claims: Carried[] }>([[from.id, { text: from.text, claims: current }]]);
  for (const orphan of earlierOrphans) {
    const group = groups.get(orphan.revisionId) ?? { text: orphan.revision.text, claims: [] };
    group.claims.push(orphan);
    groups.set(orphan.revisionId, group);
  }
  const toPlace = current.length + earlierOrphans.length;
  let placedSoFar = 0;
  onProgress?.({ stage: "re-anchoring", done: 0, total: toPlace });
  for (const [revisionId, { text, claims }] of groups) {
    // Claims of the previous revision in sections the edit left alone are where they were, moved by
    // the section's shift; only the rest need re-anchoring's search.
    const direct = revisionId === from.id ? placesInUnchangedSections(text, to.text, claims) : claims.map(() => null);
    const results: Array<{ match: AnchorMatch | null; status: ReanchorStatus }> = direct.map((match) => ({ match, status: "exact" }));
    const selectors = claims.flatMap((c, id) => (direct[id] ? [] : [{ id, quote: quoteOfColumns(c), position: { start: c.sourceStart, end: c.sourceEnd } }]));
    if (selectors.length > 0) for (const result of await processing.reanchor(text, to.text, selectors)) results[result.id] = result;
    results.forEach((result, id) => {
      const claim = claims[id]!;
      if (result.status === "orphaned" || !result.match) lost.push(claim);
      else placed.push({ claim, match: result.match, status: result.status });
    });
    placedSoFar += claims.length;
    onProgress?.({ stage: "re-anchoring", done: placedSoFar, total: toPlace });
  }

  // Written only once re-anchoring has answered: a refused or abandoned one leaves no rows behind.
  // One moment for every row this import writes (updatedAt, createdAt), as Prisma would stamp them.
  const now = sqliteDateTime(new Date());
  await snapshotAnchors(tx, from.id, current, now);

  // Extracted claims overlapping a carried claim are that claim (or a part a reviewer split off).
  const overlapsCarried = spanIndex(placed.map((p) => [p.match.start, p.match.end] as const));
  const added = extracted.filter((e) => !overlapsCarried(e.sourceStart, e.sourceEnd));
  const twins = new Map(extracted.map((e) => [`${e.sourceStart}:${e.sourceEnd}`, e]));

  // Reading order on `to`: carried claims before new ones at the same start, carried ones as they were.
  const order = [
    ...placed.map((p) => ({ start: p.match.start, rank: 0, tie: p.claim.position, key: p.claim.id })),
    ...added.map((e, i) => ({ start: e.sourceStart, rank: 1, tie: i, key: `new:${i}` })),
  ].sort((a, b) => a.start - b.start || a.rank - b.rank || a.tie - b.tie);
  const position = new Map(order.map((o, index) => [o.key, index]));

  const anchors: AnchorRow[] = [];
  const audits: { action: string; entityId: string; before: unknown; after: unknown }[] = [];
  let restored = 0;
  const moved: SqlValue[][] = [];
  const orphaned: SqlValue[][] = [];

  for (const { claim, match, status } of placed) {
    const quote = quoteColumns(to.text, match.start, match.end);
    const twin = twins.get(`${match.start}:${match.end}`);
    const wasOrphan = claim.state === "orphaned";
    if (wasOrphan) restored += 1;
    const stateBefore = wasOrphan ? (claim.stateBeforeOrphan ?? stateForReviews(claim.reviews)) : claim.state;
    const changed = status === "changed";
    const text = changed ? (twin?.text ?? claimTextOf(quote.quoteExact)) : claim.text;
    const state = changed ? stateAfterTextChange(stateBefore) : stateBefore;
    // An approval was of the old words: clear it (the audit event keeps which review it was).
    const clearsApproval = stateBefore === "approved" && state !== "approved";
    const exactTwin = twin && twin.text === text;
    moved.push([
      claim.id,
      to.id,
      match.start,
      match.end,
      quote.quoteExact,
      quote.quotePrefix,
      quote.quoteSuffix,
      // Plain-text offsets come only from the pipeline; a claim it did not find exactly has none.
      exactTwin ? twin.position.start : null,
      exactTwin ? twin.position.end : null,
      text,
      // null keeps the stored quantities: the words did not change.
      changed ? JSON.stringify(exactTwin ? twin.quantities : extractQuantities(text)) : null,
      state,
      status,
      changed ? claim.text : null,
      claim.revisionId,
      position.get(claim.id) ?? 0,
      clearsApproval ? 1 : 0,
    ]);
    anchors.push({ claimId: claim.id, revisionId: to.id, status, sourceStart: match.start, sourceEnd: match.end, text });
    audits.push({
      action: "claim.reanchor",
      entityId: claim.id,
      before: { revisionId: claim.revisionId, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd, text: claim.text, state: claim.state, ...(clearsApproval ? { approvedReviewId: claim.approvedReviewId } : {}) },
      after: { revisionId: to.id, revisionNumber: to.number, sourceStart: match.start, sourceEnd: match.end, text, state, status, method: match.method, score: round(match.score) },
    });
  }

  for (const claim of lost) {
    anchors.push({ claimId: claim.id, revisionId: to.id, status: "orphaned", sourceStart: null, sourceEnd: null, text: claim.text });
    if (claim.state === "orphaned") continue; // orphaned by an earlier import, and still nowhere
    orphaned.push([claim.id, claim.state]);
    audits.push({
      action: "claim.orphaned",
      entityId: claim.id,
      before: { revisionId: claim.revisionId, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd, text: claim.text, state: claim.state },
      after: { state: "orphaned", revisionNumber: to.number, reviews: claim.reviews.length },
    });
  }

  const writing = progressOf("writing", moved.length + orphaned.length + added.length, onProgress);
  await writeMoves(tx, moved, orphaned, now, writing);

  const created = await insertExtractedClaims(
    tx,
    { articleId, revisionId: to.id, markdown: to.text, now },
    added.map((claim, i) => ({ claim, position: position.get(`new:${i}`) ?? 0 })),
  );
  writing(created.length);
  for (const c of created) anchors.push({ claimId: c.id, revisionId: to.id, status: "exact", sourceStart: c.sourceStart, sourceEnd: c.sourceEnd, text: c.text });

  await insertAnchors(tx, anchors, now);
  await insertAuditEvents(
    tx,
    audits.map((a) => ({ actorId, action: a.action, entityType: "claim", entityId: a.entityId, articleId, before: JSON.stringify(a.before), after: JSON.stringify(a.after) })),
    now,
  );

  const exact = placed.filter((p) => p.status === "exact").length;
  const newlyOrphaned = lost.filter((c) => c.state !== "orphaned").length;
  return { exact, changed: placed.length - exact, orphaned: newlyOrphaned, restored, added: created.length, claimCount: placed.length + created.length };
}

/** The columns of CARRIED but its reviews, for the statement below. */
const CARRIED_COLUMNS = Object.keys(CARRIED).filter((k) => k !== "reviews");

/**
 * The claims on `revisionId` in reading order, with their reviews' verdicts: Prisma's findMany with
 * CARRIED, or on SQLite the same two reads as statements on the transaction's own connection. Through
 * Prisma the 2,000 rows of a long article and their reviews went through its query interpreter, about
 * a tenth of re-importing one (issue 13).
 */
async function claimsOfRevision(tx: Tx, articleId: string, revisionId: string): Promise<Carried[]> {
  const connection = await transactionConnection(tx);
  if (!connection) return tx.claim.findMany({ where: { articleId, revisionId }, select: CARRIED, orderBy: { position: "asc" } });
  const claims = connection
    .prepare(`SELECT ${CARRIED_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM "Claim" WHERE "articleId" = ? AND "revisionId" = ? ORDER BY "position" ASC`)
    .safeIntegers(false)
    .all(articleId, revisionId) as Array<Omit<Carried, "reviews">>;
  const verdicts = connection
    .prepare(`SELECT r."claimId", r."verdict" FROM "Review" r JOIN "Claim" c ON c."id" = r."claimId" WHERE c."articleId" = ? AND c."revisionId" = ?`)
    .safeIntegers(false)
    .all(articleId, revisionId) as Array<{ claimId: string; verdict: string | null }>;
  const reviews = new Map<string, { verdict: string | null }[]>();
  for (const { claimId, verdict } of verdicts) {
    const list = reviews.get(claimId);
    if (list) list.push({ verdict });
    else reviews.set(claimId, [{ verdict }]);
  }
  return claims.map((claim) => ({ ...claim, reviews: reviews.get(claim.id) ?? [] }));
}

/**
 * Writes the carried claims' new places (`moved`, rows in MOVED_COLUMNS order) and the newly
 * orphaned ones (`[id, state before]`) with a few multi-row statements, as the Prisma updates did
 * one per claim: updatedAt set, an approval of old words cleared, quantities kept unless the words changed.
 */
async function writeMoves(tx: Tx, moved: SqlValue[][], orphaned: SqlValue[][], now: string, onBatch: (rows: number) => void): Promise<void> {
  await updateRows(tx, {
    table: "Claim",
    columns: MOVED_COLUMNS,
    set: {
      ...Object.fromEntries(MOVED_COLUMNS.slice(1, -1).map((c) => [c, `v."${c}"`])),
      quantities: `COALESCE(v."quantities", t."quantities")`,
      stateBeforeOrphan: "NULL",
      ...Object.fromEntries(["approvedReviewId", "approvedById", "approvedAt"].map((c) => [c, `CASE WHEN v."clearsApproval" = 1 THEN NULL ELSE t."${c}" END`])),
      updatedAt: `'${now}'`,
    },
    rows: moved,
    onBatch,
  });
  await updateRows(tx, {
    table: "Claim",
    columns: ["id", "stateBeforeOrphan"],
    set: { state: "'orphaned'", stateBeforeOrphan: `v."stateBeforeOrphan"`, anchorStatus: "'orphaned'", updatedAt: `'${now}'` },
    rows: orphaned,
    onBatch,
  });
}

/** The values of a carried claim's row for writeMoves, in order; clearsApproval (1 or 0) is not a column of Claim. */
const MOVED_COLUMNS = [
  "id",
  "revisionId",
  "sourceStart",
  "sourceEnd",
  "quoteExact",
  "quotePrefix",
  "quoteSuffix",
  "textStart",
  "textEnd",
  "text",
  "quantities",
  "state",
  "anchorStatus",
  "previousText",
  "previousRevisionId",
  "position",
  "clearsApproval",
] as const;

/**
 * Records where the claims of `revisionId` sit now, replacing what the import that made it wrote:
 * claims added, split or merged by hand since then are part of that revision's picture too.
 */
async function snapshotAnchors(tx: Tx, revisionId: string, claims: readonly Carried[], now: string): Promise<void> {
  // The rows of claims still on this revision (orphans' rows stay); a relation filter, not an id list,
  // which on a long article would pass SQLite's limit on query parameters.
  await tx.claimAnchor.deleteMany({ where: { revisionId, claim: { revisionId } } });
  await insertAnchors(
    tx,
    claims.map((c) => ({
      claimId: c.id,
      revisionId,
      status: c.anchorStatus === "changed" ? "changed" : "exact",
      sourceStart: c.sourceStart,
      sourceEnd: c.sourceEnd,
      text: c.text,
    })),
    now,
  );
}

/**
 * Whether [start, end) overlaps any of `spans`, in O(log n) a question: spans sorted by start, with
 * the furthest end reached by each prefix. A scan from the first span per extracted claim was
 * quadratic: 100,000 carried claims took minutes.
 */
export function spanIndex(spans: ReadonlyArray<readonly [number, number]>): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (const [, e] of sorted) reach.push(Math.max(e, reach.at(-1) ?? -Infinity));
  return (start, end) => {
    // How many spans start before `end`: those are the only ones that can overlap.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > start;
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
