import type Sqlite from "better-sqlite3";
import type { SqliteConnection } from "@/lib/db/sqlite-connection";
import { newId } from "@/lib/revisions/update-rows";
import { displayName, type SignedInViewer } from "./claim-rules";
import { reviewSnapshot } from "./record-audit";
import { inSharedCommit } from "./save-review-commit";
import { conflictError, decideSave, savedReview, stateAfterSave, type ClaimRead, type ReviewRow, type SavedReview, type SaveRequest, type Yours } from "./save-review-rules";

/**
 * saveReview on SQLite: prepared statements on the Prisma adapter's own connection, run
 * synchronously inside a transaction shared with the saves that arrived in the same moment
 * (save-review-commit.ts). Profiled under fifty reviewers at once, the Prisma path spent a save's
 * time compiling and interpreting its statements (query compiler, client runtime), preparing each
 * statement afresh, and waiting for its own fsync; SQLite's work was a small part. Here a save is
 * one read (the claim joined with its reviews), the review's write with its version check, the
 * audit event, and the claim's state only when it changes; the reviewer's name is read only for a
 * conflict. Same connection, so Prisma's next read sees the save at once.
 */
export function saveReviewOnSqlite(connection: SqliteConnection, viewer: SignedInViewer, request: SaveRequest): Promise<SavedReview> {
  const statements = statementsOf(connection);
  return inSharedCommit(connection, () => saveNow(statements, viewer, request));
}

type ReviewColumns = { reviewId: string | null; reviewerId: string; verdict: string | null; confidence: string | null; note: string; version: number; updatedAt: string };
type ClaimJoined = { id: string; articleId: string; state: string } & ReviewColumns;

type Statements = {
  claim: Sqlite.Statement<[string], ClaimJoined>;
  insertReview: Sqlite.Statement<unknown[]>;
  updateReview: Sqlite.Statement<unknown[]>;
  audit: Sqlite.Statement<unknown[]>;
  claimState: Sqlite.Statement<unknown[]>;
  reviewer: Sqlite.Statement<[string], { name: string | null; email: string }>;
};

const prepared = new WeakMap<SqliteConnection, Statements>();

/** Prepared once per connection; numbers as numbers (the adapter's connection defaults to BigInt). */
function statementsOf(connection: SqliteConnection): Statements {
  let statements = prepared.get(connection);
  if (statements) return statements;
  const prepare = (sql: string) => connection.prepare(sql).safeIntegers(false);
  statements = {
    claim: prepare(
      'SELECT c."id", c."articleId", c."state", r."id" AS "reviewId", r."reviewerId", r."verdict", r."confidence", r."note", r."version", r."updatedAt" ' +
        'FROM "Claim" c LEFT JOIN "Review" r ON r."claimId" = c."id" WHERE c."id" = ?',
    ) as Statements["claim"],
    insertReview: prepare(
      'INSERT INTO "Review" ("id", "claimId", "reviewerId", "verdict", "confidence", "note", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)',
    ),
    // The version check is part of the write, as on the Prisma path.
    updateReview: prepare('UPDATE "Review" SET "verdict" = ?, "confidence" = ?, "note" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?'),
    audit: prepare(
      'INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "articleId", "claimId", "before", "after", "createdAt") VALUES (?, ?, \'review.save\', \'review\', ?, ?, ?, ?, ?, ?)',
    ),
    // Prisma's @updatedAt, kept by hand: the reading view's freshness check reads Claim.updatedAt.
    claimState: prepare('UPDATE "Claim" SET "state" = ?, "updatedAt" = ? WHERE "id" = ?'),
    reviewer: prepare('SELECT "name", "email" FROM "User" WHERE "id" = ?') as Statements["reviewer"],
  };
  prepared.set(connection, statements);
  return statements;
}

/** One save, inside the open transaction; throws the AppError a refused save gets. */
function saveNow(s: Statements, viewer: SignedInViewer, request: SaveRequest): SavedReview {
  const yours: Yours = { verdict: request.verdict, confidence: request.confidence, note: request.note };
  const claim = readClaim(s, request.claimId);
  const decision = decideSave(claim, viewer, request);
  if (decision.kind === "conflict") {
    const reviewer = s.reviewer.get(decision.theirs.reviewerId);
    throw conflictError(yours, decision.theirs, reviewer ? displayName(reviewer) : "someone");
  }
  if (decision.kind === "unchanged") return savedReview(decision.existing);
  const now = new Date();
  // Stored as Prisma's adapter stores a DateTime, so Prisma reads it back the same.
  const stamp = now.toISOString().replace("Z", "+00:00");
  const before = decision.kind === "update" ? decision.existing : null;
  const after: ReviewRow = {
    id: before?.id ?? newId(),
    claimId: claim!.id,
    reviewerId: before?.reviewerId ?? viewer.id,
    verdict: request.verdict,
    confidence: request.confidence,
    note: request.note,
    version: (before?.version ?? 0) + 1,
    updatedAt: now,
  };
  if (!before) {
    s.insertReview.run(after.id, after.claimId, after.reviewerId, after.verdict, after.confidence, after.note, stamp, stamp);
  } else if (s.updateReview.run(after.verdict, after.confidence, after.note, stamp, before.id, before.version).changes !== 1) {
    // Cannot happen while the transaction holds the write lock since its read; kept as the guard.
    throw conflictError(yours, readClaim(s, request.claimId)?.reviews.find((r) => r.id === before.id) ?? before, "someone");
  }
  s.audit.run(newId(), viewer.id, after.id, claim!.articleId, claim!.id, before && JSON.stringify(reviewSnapshot(before)), JSON.stringify(reviewSnapshot(after)), stamp);
  const state = stateAfterSave(claim!, after);
  if (state) s.claimState.run(state, stamp, claim!.id);
  return savedReview(after);
}

function readClaim(s: Statements, claimId: string): ClaimRead | null {
  const rows = s.claim.all(claimId);
  const head = rows[0];
  if (!head) return null;
  const reviews = rows
    .filter((r) => r.reviewId !== null)
    .map((r) => ({
      id: r.reviewId!,
      claimId: head.id,
      reviewerId: r.reviewerId,
      verdict: r.verdict,
      confidence: r.confidence,
      note: r.note,
      version: r.version,
      updatedAt: new Date(r.updatedAt),
    }));
  return { id: head.id, articleId: head.articleId, state: head.state, reviews };
}
