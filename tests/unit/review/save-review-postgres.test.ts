import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { DEFAULT_POOL_SIZE, DEFAULT_SAVE_POOL_SIZE, poolSettings, postgresPipelineOf } from "@/lib/db/postgres-database";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { approveClaim } from "@/lib/review/approve-claim";
import { saveReview, type SavedReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

// saveReview's PostgreSQL engine (issue 14): named statements on a pipelined pool, the claim locked
// for the save. On a real PostgreSQL (npm run test:unit:postgres), beside Prisma on the same database.
let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role = "reviewer"): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** An article with `count` open claims, written directly (no extraction: these tests are about saves). */
async function seedClaims(count: number): Promise<{ articleId: string; claimIds: string[] }> {
  const n = ++articles;
  const article = await t.db.article.create({ data: { slug: `pg-saves-${n}`, title: `Saves ${n}`, status: "in_review" } });
  const revision = await t.db.revision.create({ data: { articleId: article.id, number: 1, text: "Claim text.", sourceFormat: "markdown", contentHash: `h${n}` } });
  const claimIds = Array.from({ length: count }, (_, i) => `p${n}c${i}`);
  await t.db.claim.createMany({
    data: claimIds.map((id, i) => ({ id, articleId: article.id, revisionId: revision.id, kind: "statistic", text: `Claim ${i}`, sourceStart: 0, sourceEnd: 5, quoteExact: "Claim", quotePrefix: "", quoteSuffix: "", score: 0.5, position: i })),
  });
  return { articleId: article.id, claimIds };
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer");
});
afterAll(async () => {
  await t?.dispose();
});

describe.skipIf(!onPostgres)("saveReview on PostgreSQL (skipped on SQLite runs: npm run test:unit:postgres runs it)", () => {
  it("runs on the pipelined pool, and Prisma reads the save at once with the same times", async () => {
    // If the client stopped handing out its pool, saves would silently fall back to Prisma.
    expect(postgresPipelineOf(t.db)).not.toBeNull();
    const { claimIds } = await seedClaims(1);
    const saved = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: "high", note: "Matches.", expectedVersion: null });
    const read = await t.db.review.findUniqueOrThrow({ where: { id: saved.id } });
    expect(read).toMatchObject({ version: 1, verdict: "accurate", confidence: "high", note: "Matches.", reviewerId: rita.id });
    expect(read.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
    expect(read.createdAt.getTime()).toBe(saved.updatedAt.getTime());
    const updated = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "Does not match.", expectedVersion: 1 });
    expect(updated).toMatchObject({ id: saved.id, version: 2, verdict: "false", confidence: null, note: "Does not match." });
    expect(await t.db.review.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ version: 2, note: "Does not match." });
  });

  it("answers a stale save with the same CONFLICT as SQLite and Prisma (both versions, who saved), writing nothing", async () => {
    const { claimIds } = await seedClaims(1);
    const claimId = claimIds[0]!;
    const first = await saveReview(t.db, { viewer: rita, claimId, verdict: "false", confidence: "low", note: "First tab.", expectedVersion: null });
    const second = await saveReview(t.db, { viewer: rita, claimId, verdict: "misleading", confidence: "medium", note: "Second tab.", expectedVersion: first.version });
    const error = await thrown(saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Stale tab.", expectedVersion: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.message).toBe("Someone else saved this review first (it is now at version 2). Nothing was overwritten: compare the two versions, then save again.");
    expect(error.details).toEqual({
      yours: { verdict: "accurate", confidence: "high", note: "Stale tab." },
      theirs: { verdict: "misleading", confidence: "medium", note: "Second tab.", version: 2, updatedAt: second.updatedAt.toISOString(), reviewerName: "Rita Reviewer" },
    });
    expect(await t.db.review.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ version: 2, note: "Second tab." });
    expect(await t.db.auditEvent.count({ where: { entityId: first.id } })).toBe(2);

    // A first save while the review exists (another window created it) is a conflict too.
    const other = await thrown(saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "", expectedVersion: null }));
    expect(other).toMatchObject({ code: "CONFLICT", details: { theirs: { note: "Second tab.", version: 2 } } });
  });

  it("lets exactly one of the saves sent at once from one version win, per version, from one server or two", async () => {
    const { claimIds } = await seedClaims(1);
    const claimId = claimIds[0]!;
    // A second client on the same database: another app server.
    const other: Database = createDatabase(t.url);
    try {
      let version: number | null = null;
      for (let round = 0; round < 5; round++) {
        const from: number | null = version;
        const outcomes: Array<PromiseSettledResult<SavedReview>> = await Promise.allSettled(
          Array.from({ length: 6 }, (_, k) => saveReview(k % 2 ? other : t.db, { viewer: rita, claimId, verdict: "accurate", confidence: null, note: `round ${round} tab ${k}`, expectedVersion: from })),
        );
        const won = outcomes.filter((o): o is PromiseFulfilledResult<SavedReview> => o.status === "fulfilled");
        expect(won).toHaveLength(1);
        for (const lost of outcomes.filter((o) => o.status === "rejected")) expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", details: { theirs: { version: (from ?? 0) + 1 } } });
        version = won[0]!.value.version;
        expect(version).toBe(round + 1);
        const stored = await t.db.review.findFirstOrThrow({ where: { claimId } });
        expect(stored).toMatchObject({ version, note: won[0]!.value.note });
      }
      // One audit event per winning save, none for the refused ones.
      expect(await t.db.auditEvent.count({ where: { action: "review.save", entityId: (await t.db.review.findFirstOrThrow({ where: { claimId } })).id } })).toBe(5);
    } finally {
      await other.$disconnect();
    }
  });

  it("keeps every acknowledged save of many reviewers on shared claims, with its audit event, and the claims' states right", async () => {
    const { claimIds } = await seedClaims(4);
    const people = await Promise.all(Array.from({ length: 16 }, (_, i) => person(`pg-saver-${i}@example.org`, `Saver ${i}`)));
    const acknowledged: Array<{ id: string; version: number; note: string }> = [];
    await Promise.all(
      people.map(async (viewer, i) => {
        const claimId = claimIds[i % claimIds.length]!; // four reviewers on each claim
        let version: number | null = null;
        for (let n = 0; n < 5; n++) {
          const note = `Save ${n} by ${i}`;
          // Verdicts set and cleared in turn: each save decides its claim's state from the others' reviews.
          const saved = await saveReview(t.db, { viewer, claimId, verdict: n % 2 ? "false" : null, confidence: null, note, expectedVersion: version });
          version = saved.version;
          acknowledged.push({ id: saved.id, version: saved.version, note });
        }
      }),
    );
    expect(acknowledged).toHaveLength(80);
    const reviews = await t.db.review.findMany({ where: { claimId: { in: claimIds } } });
    expect(reviews).toHaveLength(16);
    for (const review of reviews) expect(review).toMatchObject({ version: 5, verdict: null, note: `Save 4 by ${people.findIndex((p) => p.id === review.reviewerId)}` });
    const events = await t.db.auditEvent.findMany({ where: { action: "review.save", entityId: { in: reviews.map((r) => r.id) } } });
    expect(events).toHaveLength(80);
    for (const ack of acknowledged) expect(events.some((e) => e.entityId === ack.id && JSON.parse(e.after!).version === ack.version && JSON.parse(e.after!).note === ack.note)).toBe(true);
    // Every last save cleared its verdict: without the claim's lock, two reviewers clearing theirs at
    // once each still saw the other's verdict, and the claim stayed "reviewed".
    const states = await t.db.claim.findMany({ where: { id: { in: claimIds } }, select: { state: true } });
    expect(states.map((c) => c.state)).toEqual(Array(4).fill("in_review"));
  });

  it("writes the audit event and the claim's state as the other engines do", async () => {
    const { articleId, claimIds } = await seedClaims(1);
    const claimId = claimIds[0]!;
    const created = await saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "Looking.", expectedVersion: null });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("in_review");
    const updated = await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 1 });
    // A repeated save (a key pressed twice) changes nothing and is not history.
    expect(await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 2 })).toEqual(updated);
    const events = await t.db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map(({ actorId, action, entityType, entityId, articleId: a, claimId: c, importedAt }) => ({ actorId, action, entityType, entityId, articleId: a, claimId: c, importedAt }))).toEqual(
      Array(2).fill({ actorId: rita.id, action: "review.save", entityType: "review", entityId: created.id, articleId, claimId, importedAt: null }),
    );
    const snapshot = (verdict: string | null, confidence: string | null, note: string, version: number) => JSON.stringify({ claimId, reviewerId: rita.id, verdict, confidence, note, version });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [null, snapshot(null, null, "Looking.", 1)],
      [snapshot(null, null, "Looking.", 1), snapshot("accurate", "high", "Matches the minutes.", 2)],
    ]);
    expect(events[1]!.createdAt.getTime()).toBe(updated.updatedAt.getTime());
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.state).toBe("reviewed");
    // Prisma's @updatedAt, which the reading view's freshness check reads, moves with the state.
    expect(claim.updatedAt.getTime()).toBe(updated.updatedAt.getTime());
  });

  it("refuses what the rules refuse: a missing claim, a dismissed or approved one, another person's review", async () => {
    const { claimIds } = await seedClaims(3);
    expect((await thrown(saveReview(t.db, { viewer: rita, claimId: "no-such-claim", verdict: null, confidence: null, note: "", expectedVersion: null }))).code).toBe("NOT_FOUND");
    await t.db.claim.update({ where: { id: claimIds[0]! }, data: { state: "dismissed" } });
    const dismissed = await thrown(saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "", expectedVersion: null }));
    expect(dismissed).toMatchObject({ code: "CONFLICT", message: "This claim is dismissed: restore the claim first." });
    const omar = await person("omar-owner@example.org", "Omar");
    const his = await saveReview(t.db, { viewer: omar, claimId: claimIds[1]!, verdict: "accurate", confidence: null, note: "His.", expectedVersion: null });
    expect((await thrown(saveReview(t.db, { viewer: rita, claimId: claimIds[1]!, reviewId: his.id, verdict: "false", confidence: null, note: "Mine.", expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    const edna = await person("edna-editor@example.org", "Edna", "editor");
    expect(await saveReview(t.db, { viewer: edna, claimId: claimIds[1]!, reviewId: his.id, verdict: "accurate", confidence: null, note: "His, typo fixed.", expectedVersion: 1 })).toMatchObject({ version: 2 });
    expect(await t.db.review.count({ where: { claimId: claimIds[0]! } })).toBe(0);
    // An approved claim is locked, and a refused save leaves the connection fit for the next one.
    const mine = await saveReview(t.db, { viewer: rita, claimId: claimIds[2]!, verdict: "accurate", confidence: null, note: "Approve me.", expectedVersion: null });
    await approveClaim(t.db, { viewer: edna, claimId: claimIds[2]!, reviewId: mine.id });
    expect(await thrown(saveReview(t.db, { viewer: rita, claimId: claimIds[2]!, verdict: "false", confidence: null, note: "Late.", expectedVersion: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(await saveReview(t.db, { viewer: rita, claimId: claimIds[1]!, verdict: "false", confidence: null, note: "Still fine.", expectedVersion: null })).toMatchObject({ version: 1 });
  });
});

// Pure: runs on either engine.
describe("the save pool's size", () => {
  it("comes from connection_limit (taken out of the URL node-postgres sees), else each pool's default", () => {
    const url = "postgresql://u:p@127.0.0.1:5432/claimdesk";
    expect(poolSettings(url)).toEqual({ connectionString: url, max: DEFAULT_POOL_SIZE });
    expect(poolSettings(url, DEFAULT_SAVE_POOL_SIZE).max).toBe(DEFAULT_SAVE_POOL_SIZE);
    expect(poolSettings(`${url}?connection_limit=30&sslmode=disable`, DEFAULT_SAVE_POOL_SIZE)).toEqual({ connectionString: `${url}?sslmode=disable`, max: 30 });
    expect(() => poolSettings(`${url}?connection_limit=lots`)).toThrow('DATABASE_URL: connection_limit must be a whole number of connections, not "lots"');
  });
});
