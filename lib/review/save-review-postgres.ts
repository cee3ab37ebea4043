import pg from "pg";
import { retryWriteConflict } from "@/lib/db/retry-write-conflict";
import { newId } from "@/lib/revisions/update-rows";
import { displayName, type SignedInViewer } from "./claim-rules";
import { reviewSnapshot } from "./record-audit";
import { conflictError, decideSave, savedReview, stateAfterSave, type ClaimRead, type ReviewRow, type SavedReview, type SaveRequest, type Yours } from "./save-review-rules";

/**
 * saveReview on PostgreSQL: parameterised SQL on node-postgres, named (prepared once per
 * connection), in one transaction of two round trips on a pipelined connection
 * (lib/db/postgres-database.ts, postgresPipelineOf):
 *
 * 1. BEGIN; the claim locked (FOR UPDATE); its reviews with their reviewers' names.
 * 2. The review's write, its audit event and the claim's state when it changes, in one statement;
 *    COMMIT.
 *
 * Profiled under fifty reviewers through two servers, the Prisma path spent a save's time compiling
 * and interpreting its statements, and holding a pool connection across seven round trips while
 * the event loop was busy with other requests; PostgreSQL's own work was small.
 *
 * Why the claim is locked: saves of different reviewers of one claim decide the claim's state from
 * each other's reviews, and a save must not land on a claim an editor has just approved; the lock
 * makes them one after another, as SQLite's write lock does. The reviews are read by a statement of
 * their own after the lock is held, because in READ COMMITTED a statement sees the data as of its
 * start: read in the locking statement, they could predate the save it waited for.
 * The version check is part of the write all the same, and a first save meets the unique
 * (claimId, reviewerId): either finding a row changed answers CONFLICT, never an overwrite.
 */
export async function saveReviewOnPostgres(pool: pg.Pool, viewer: SignedInViewer, request: SaveRequest): Promise<SavedReview> {
  return retryWriteConflict(async () => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await saveNow(client, viewer, request);
    } catch (error) {
      // A connection whose transaction could not be ended is closed, not given back to the pool.
      broken = (await rollback(client)) ?? undefined;
      throw error;
    } finally {
      client.release(broken);
    }
  });
}

type ReviewColumns = { id: string; reviewerId: string; verdict: string | null; confidence: string | null; note: string; version: number; updatedAt: Date; name: string | null; email: string };

/** TIMESTAMP(3) columns hold UTC without a zone (as Prisma writes them): read back as UTC. */
const UTC_TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

const sql = {
  lockClaim: { name: "save-review:lock-claim", text: 'SELECT "id", "articleId", "state" FROM "Claim" WHERE "id" = $1 FOR UPDATE' },
  reviews: {
    name: "save-review:reviews",
    text:
      'SELECT r."id", r."reviewerId", r."verdict", r."confidence", r."note", r."version", r."updatedAt", u."name", u."email" ' +
      'FROM "Review" r JOIN "User" u ON u."id" = r."reviewerId" WHERE r."claimId" = $1',
  },
  // $1 claim, $2 new state or null (left as it is), $3 the save's time, $4–$8 the audit event.
  ...writes(),
};

/**
 * The write statements: the review's write as `saved`, then the audit event and the claim's state
 * only when `saved` holds a row, so a write that finds the version moved writes nothing at all.
 */
function writes() {
  const audit =
    // The event names its claim (AuditEvent.claimId, what claimIdOfEvent gives a review's event).
    'audit AS (INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "articleId", "claimId", "before", "after", "createdAt") ' +
    "SELECT $4, $5, 'review.save', 'review', saved.\"id\", $6, $1, $7, $8, $3::timestamp FROM saved), " +
    'state AS (UPDATE "Claim" SET "state" = $2, "updatedAt" = $3::timestamp WHERE "id" = $1 AND $2::text IS NOT NULL AND EXISTS (SELECT 1 FROM saved)) ' +
    'SELECT "id" FROM saved';
  return {
    // $9 id, $10 reviewer, $11 verdict, $12 confidence, $13 note.
    create: {
      name: "save-review:create",
      text:
        'WITH saved AS (INSERT INTO "Review" ("id", "claimId", "reviewerId", "verdict", "confidence", "note", "version", "createdAt", "updatedAt") ' +
        'VALUES ($9, $1, $10, $11, $12, $13, 1, $3::timestamp, $3::timestamp) ON CONFLICT ("claimId", "reviewerId") DO NOTHING RETURNING "id"), ' +
        audit,
    },
    // $9 id, $10 version read, $11 verdict, $12 confidence, $13 note.
    update: {
      name: "save-review:update",
      text:
        'WITH saved AS (UPDATE "Review" SET "verdict" = $11, "confidence" = $12, "note" = $13, "version" = "version" + 1, "updatedAt" = $3::timestamp ' +
        'WHERE "id" = $9 AND "version" = $10 RETURNING "id"), ' +
        audit,
    },
  };
}

/** One attempt, on a connection of its own; ends its transaction itself except on a throw. */
async function saveNow(client: pg.PoolClient, viewer: SignedInViewer, request: SaveRequest): Promise<SavedReview> {
  const yours: Yours = { verdict: request.verdict, confidence: request.confidence, note: request.note };
  // Written together: the pipelined connection sends all three before the first answer comes back.
  const [, locked, joined] = await all([
    client.query("BEGIN"),
    client.query<{ id: string; articleId: string; state: string }>({ ...sql.lockClaim, values: [request.claimId] }),
    client.query<ReviewColumns>({ ...sql.reviews, values: [request.claimId], types: UTC_TYPES }),
  ]);
  const head = locked.rows[0];
  const reviews = joined.rows;
  const claim: ClaimRead | null = head ? { ...head, reviews: reviews.map((r) => ({ ...reviewOf(r), claimId: head.id })) } : null;
  const decision = decideSave(claim, viewer, request);
  // A refusal is thrown and rolled back by the caller.
  if (decision.kind === "conflict") {
    throw conflictError(yours, decision.theirs, nameOf(reviews, decision.theirs.reviewerId));
  }
  if (decision.kind === "unchanged") {
    await client.query("ROLLBACK");
    return savedReview(decision.existing);
  }
  const now = new Date();
  const stamp = utcStamp(now);
  const before = decision.kind === "update" ? decision.existing : null;
  const after: ReviewRow = {
    id: before?.id ?? newId(),
    claimId: claim!.id,
    reviewerId: before?.reviewerId ?? viewer.id,
    ...yours,
    version: (before?.version ?? 0) + 1,
    updatedAt: now,
  };
  const state = stateAfterSave(claim!, after);
  const shared = [claim!.id, state, stamp, newId(), viewer.id, claim!.articleId, before && JSON.stringify(reviewSnapshot(before)), JSON.stringify(reviewSnapshot(after))];
  const write = before
    ? { ...sql.update, values: [...shared, before.id, before.version, after.verdict, after.confidence, after.note] }
    : { ...sql.create, values: [...shared, after.id, after.reviewerId, after.verdict, after.confidence, after.note] };
  const [written] = await all([client.query<{ id: string }>(write), client.query("COMMIT")]);
  if (written.rowCount === 1) return savedReview(after);
  // Cannot happen while every save takes the claim's lock first; kept as the guard against a writer
  // that does not: the row found changed is the other version the conflict shows.
  const theirs = (await client.query<ReviewColumns>({ ...sql.reviews, values: [request.claimId], types: UTC_TYPES })).rows.find((r) => (before ? r.id === before.id : r.reviewerId === viewer.id));
  if (!theirs) throw new Error(`the review of claim ${request.claimId} changed under a save and cannot be found`);
  throw conflictError(yours, { ...reviewOf(theirs), claimId: request.claimId }, displayName(theirs));
}

/**
 * Awaits every statement of a batch, and throws the first failure only once all have answered, so
 * the connection is idle again when the caller ends the transaction.
 */
async function all<const T extends readonly Promise<unknown>[]>(batch: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(batch);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { [K in keyof T]: Awaited<T[K]> };
}

/** Ends the open transaction (harmless when none is open); the error if that failed, else null. */
async function rollback(client: pg.PoolClient): Promise<Error | null> {
  try {
    await client.query("ROLLBACK");
    return null;
  } catch (error) {
    return error as Error;
  }
}

function reviewOf(r: ReviewColumns): Omit<ReviewRow, "claimId"> {
  return { id: r.id, reviewerId: r.reviewerId, verdict: r.verdict, confidence: r.confidence, note: r.note, version: r.version, updatedAt: r.updatedAt };
}

function nameOf(reviews: ReviewColumns[], reviewerId: string): string {
  const reviewer = reviews.find((r) => r.reviewerId === reviewerId);
  return reviewer ? displayName(reviewer) : "someone";
}

/** A Date as Prisma's PostgreSQL adapter writes a DateTime: UTC, to the millisecond, no zone. */
function utcStamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
