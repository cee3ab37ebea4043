import type { Database } from "@/lib/db/create-database";
import { postgresPipelineOf } from "@/lib/db/postgres-database";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import type { SignedInViewer } from "./claim-rules";
import { saveReviewOnPostgres } from "./save-review-postgres";
import { saveReviewWithPrisma } from "./save-review-prisma";
import type { SavedReview } from "./save-review-rules";
import { saveReviewOnSqlite } from "./save-review-sqlite";
import { SaveReviewInput } from "./schemas";

export type { SavedReview } from "./save-review-rules";

/**
 * Saves a review with optimistic concurrency. With `expectedVersion: null` it creates the viewer's
 * review of the claim; otherwise it updates the review only if it is still at `expectedVersion`,
 * and bumps the version. A stale save throws CONFLICT carrying both versions and writes nothing.
 * `reviewId` names another person's review, which only an editor may edit (assertOwnsReview).
 * Every save writes its audit event in the same transaction, and the claim's state when the
 * reviews now warrant another (save-review-rules.ts decides all of it, for both engines).
 *
 * One verb, a path per engine, one set of rules (save-review-rules.ts): on SQLite, synchronous
 * prepared statements on the database's own connection, sharing one commit with the saves of the
 * same moment (save-review-sqlite.ts); on PostgreSQL, named statements on a pipelined pool in two
 * round trips (save-review-postgres.ts); on any other client, Prisma (save-review-prisma.ts). The note is stored as typed: it is rendered to
 * sanitised HTML once per text (renderNoteOnce), when the save's answer is built.
 */
export async function saveReview(db: Database, input: SaveReviewInput & { viewer: SignedInViewer }): Promise<SavedReview> {
  const { viewer, ...rest } = input;
  const data = SaveReviewInput.parse(rest);
  const request = { claimId: data.claimId, reviewId: data.reviewId, verdict: data.verdict, confidence: data.confidence, note: data.note, expectedVersion: data.expectedVersion };
  const postgres = postgresPipelineOf(db);
  if (postgres) return saveReviewOnPostgres(postgres, viewer, request);
  const sqlite = await sqliteConnectionOf(db);
  return sqlite ? saveReviewOnSqlite(sqlite, viewer, request) : saveReviewWithPrisma(db, viewer, request);
}
