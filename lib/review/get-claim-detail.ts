import "server-only";
import type Sqlite from "better-sqlite3";
import { z } from "zod";
import type { Database } from "@/lib/db/create-database";
import { postgresPipelineOf } from "@/lib/db/postgres-database";
import { sqliteConnectionOf, type SqliteConnection } from "@/lib/db/sqlite-connection";
import { ClaimState, Confidence, Verdict, type ConfidenceLevel } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCheckedBefore, type CheckedBefore } from "@/lib/matching-review/get-checked-before";
import { refreshMatchesIfStale } from "@/lib/matching-review/refresh-if-stale";
import { checksOfClaim, getNumberChecks } from "@/lib/numbers-review/get-number-checks";
import type { NumberCheck } from "@/lib/numbers-review/number-checks";
import { summarizeEvent } from "./audit-history";
import { displayName, type SignedInViewer } from "./claim-rules";
import { getWorkbench, type WorkbenchClaimData } from "./get-workbench";
import { readEnum } from "./json-columns";
import type { SavedReview } from "./save-review-rules";

export const GetClaimDetailInput = z.object({ /** The article in the address, when the request names one: a claim of another article is not found there. */
  slug: z.string().trim().min(1).max(120).optional(),
  claimId: z.string().trim().min(1).max(64) });
export type GetClaimDetailInput = z.input<typeof GetClaimDetailInput>;

/** A claim's detail with the number checks that name it (lib/numbers-review) and the earlier claims it matches (lib/matching-review). */
export type ClaimDetailData = WorkbenchClaimData & { numberChecks: NumberCheck[]; checkedBefore: CheckedBefore[] };

/**
 * Everything the workbench shows about one claim (reviews, citations, history, number checks, checked before), loaded when the
 * reviewer selects it, so the page itself carries only the compact list. Throws NOT_FOUND for an
 * unknown claim, and for a claim of another article than the one named. The caller has checked `workbench.view`: every reviewer may read every review.
 */
export async function getClaimDetail(db: Database, input: GetClaimDetailInput & { viewer: SignedInViewer }): Promise<ClaimDetailData> {
  const { viewer, ...rest } = input;
  const { slug, claimId } = GetClaimDetailInput.parse(rest);
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { articleId: true, article: { select: { slug: true } } } });
  const bench = claim && (slug === undefined || claim.article.slug === slug) ? await getWorkbench(db, { viewer, slug: claim.article.slug, claimIds: [claimId] }) : null;
  const found = bench?.claims[0];
  if (!claim || !found) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  // An orphan is not in the text the checker reads, so no check names it.
  const [{ checks }, checkedBefore] = await Promise.all([
    getNumberChecks(db, { articleId: claim.articleId }),
    // Opening a claim that changed since it was matched matches it again first.
    refreshMatchesIfStale(db, claimId).then(() => getCheckedBefore(db, { claimId, viewer })),
  ]);
  return { ...found, numberChecks: checksOfClaim(checks, claimId), checkedBefore };
}

/**
 * What a save changed, for the workbench to update that claim in place: the saved review with its
 * reviewer, the claim's state and every review's verdict (the list line and the progress count),
 * and the save's line in the history (null when the save changed nothing and wrote no event).
 */
export type ClaimAfterSave = {
  claimId: string;
  state: ClaimState;
  review: { id: string; version: number; verdict: Verdict | null; confidence: ConfidenceLevel | null; note: string; updatedAt: Date; reviewer: { id: string; name: string } };
  reviews: { id: string; reviewerId: string; verdict: Verdict | null }[];
  event: { id: string; action: "review.save"; actorName: string; createdAt: Date; summary: string } | null;
};

type AfterSaveRow = { state: string; reviewId: string | null; reviewerId: string | null; verdict: string | null; name: string | null; email: string | null; eventId: string | null };

/**
 * The answer to a save, in one statement: the claim joined with its reviews (by the claim's index),
 * the saved review's reviewer, and the id of the save's audit event (by AuditEvent.claimId). The
 * rest comes from what saveReview returned. getClaimDetail, with its dozen and more reads (citations,
 * every event, number checks, matches), is for opening a claim; a save changes none of those but
 * the review and the state, and the history line the save wrote is told here from the save itself.
 * Plain SQL both engines read alike. The caller has checked `review.write`.
 */
export async function getClaimAfterSave(
  db: Database,
  { viewer, claimId, saved, expectedVersion }: { viewer: SignedInViewer; claimId: string; saved: SavedReview; expectedVersion: number | null },
): Promise<ClaimAfterSave> {
  const query = Prisma.sql`
    SELECT c."state" AS "state", r."id" AS "reviewId", r."reviewerId" AS "reviewerId", r."verdict" AS "verdict", u."name" AS "name", u."email" AS "email",
      (SELECT e."id" FROM "AuditEvent" e WHERE e."claimId" = c."id" AND e."entityId" = ${saved.id} AND e."action" = 'review.save'
        ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1) AS "eventId"
    FROM "Claim" c
    LEFT JOIN "Review" r ON r."claimId" = c."id"
    LEFT JOIN "User" u ON u."id" = r."reviewerId" AND r."id" = ${saved.id}
    WHERE c."id" = ${claimId}
    ORDER BY r."createdAt" ASC, r."id" ASC`;
  const rows = await afterSaveRows(db, query);
  const mine = rows.find((r) => r.reviewId === saved.id);
  // Removed since the save (a merge, a new revision): the workbench then loads what is there now.
  if (!mine) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  const reviewer = { id: mine.reviewerId!, name: displayName({ name: mine.name, email: mine.email }) };
  // A save that changed nothing keeps its version and writes no event.
  const changed = saved.version !== expectedVersion;
  const snapshot = { verdict: saved.verdict, version: saved.version };
  return {
    claimId,
    state: readEnum(ClaimState, mine.state, "open"),
    review: { ...saved, verdict: readEnum(Verdict, saved.verdict, null), confidence: readEnum(Confidence, saved.confidence, null), reviewer },
    reviews: rows.filter((r) => r.reviewId !== null).map((r) => ({ id: r.reviewId!, reviewerId: r.reviewerId!, verdict: readEnum(Verdict, r.verdict, null) })),
    event:
      changed && mine.eventId
        ? { id: mine.eventId, action: "review.save", actorName: displayName(viewer), createdAt: saved.updatedAt, summary: summarizeEvent("review.save", saved.version > 1 ? snapshot : null, snapshot) }
        : null,
  };
}

/**
 * The answer's one read, by the engine's own statement where there is one: through Prisma it cost
 * twice the save's own statements. On SQLite prepared once on the adapter's own connection, as the
 * save is, but not while a transaction is open on it (one of Prisma's, between its awaits), whose
 * writes are not yet committed. On PostgreSQL a named statement on the save pool, after the save's
 * commit, so it reads what the save wrote.
 */
async function afterSaveRows(db: Database, query: Prisma.Sql): Promise<AfterSaveRow[]> {
  const postgres = postgresPipelineOf(db);
  if (postgres) return (await postgres.query<AfterSaveRow>({ name: "claim-after-save", text: query.text, values: query.values })).rows;
  const sqlite = await sqliteConnectionOf(db);
  return sqlite && !sqlite.sqlite.inTransaction ? afterSaveStatement(sqlite, query.sql).all(...query.values) : db.$queryRaw<AfterSaveRow[]>(query);
}

const afterSaveStatements = new WeakMap<SqliteConnection, Sqlite.Statement<unknown[], AfterSaveRow>>();

function afterSaveStatement(connection: SqliteConnection, sql: string): Sqlite.Statement<unknown[], AfterSaveRow> {
  let statement = afterSaveStatements.get(connection);
  if (!statement) afterSaveStatements.set(connection, (statement = connection.prepare(sql) as Sqlite.Statement<unknown[], AfterSaveRow>));
  return statement;
}
