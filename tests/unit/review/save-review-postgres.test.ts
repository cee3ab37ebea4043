import { describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { DEFAULT_POOL_SIZE, DEFAULT_SAVE_POOL_SIZE, poolSettings, postgresPipelineOf } from "@/lib/db/postgres-database";
import { approveClaim } from "@/lib/review/approve-claim";
import { saveReview, type SavedReview } from "@/lib/review/save-review";
import { onPostgres } from "../../support/postgres";
import { expectManyReviewersKept, expectSavedAndReadBack, savesOnEitherEngine, useSaveReviewDatabase } from "../../support/save-review-cases";

// saveReview's PostgreSQL engine (issue 14): named statements on a pipelined pool, the claim locked
// for the save. On a real PostgreSQL (npm run test:unit:postgres), beside Prisma on the same
// database. What either engine must do is written once in tests/support/save-review-cases.ts.

describe.skipIf(!onPostgres)("saveReview on PostgreSQL (skipped on SQLite runs: npm run test:unit:postgres runs it)", () => {
  const c = useSaveReviewDatabase("p");
  savesOnEitherEngine(c, "PostgreSQL");

  it("runs on the pipelined pool, and Prisma reads the save at once with the same times", async () => {
    // If the client stopped handing out its pool, saves would silently fall back to Prisma.
    expect(postgresPipelineOf(c.t.db)).not.toBeNull();
    await expectSavedAndReadBack(c);
  });

  it("keeps every acknowledged save of many reviewers on shared claims, with its audit event, and the claims' states right", async () => {
    await expectManyReviewersKept(c, { people: 16, claims: 4, staleTab: false });
  });

  it("lets exactly one of the saves sent at once from one version win, per version, from one server or two", async () => {
    const { claimIds } = await c.seedClaims(1);
    const claimId = claimIds[0]!;
    // A second client on the same database: another app server.
    const other: Database = createDatabase(c.t.url);
    try {
      let version: number | null = null;
      for (let round = 0; round < 5; round++) {
        const from: number | null = version;
        const outcomes: Array<PromiseSettledResult<SavedReview>> = await Promise.allSettled(
          Array.from({ length: 6 }, (_, k) => saveReview(k % 2 ? other : c.t.db, { viewer: c.rita, claimId, verdict: "accurate", confidence: null, note: `round ${round} tab ${k}`, expectedVersion: from })),
        );
        const won = outcomes.filter((o): o is PromiseFulfilledResult<SavedReview> => o.status === "fulfilled");
        expect(won).toHaveLength(1);
        for (const lost of outcomes.filter((o) => o.status === "rejected")) expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", details: { theirs: { version: (from ?? 0) + 1 } } });
        version = won[0]!.value.version;
        expect(version).toBe(round + 1);
        const stored = await c.t.db.review.findFirstOrThrow({ where: { claimId } });
        expect(stored).toMatchObject({ version, note: won[0]!.value.note });
      }
      // One audit event per winning save, none for the refused ones.
      expect(await c.t.db.auditEvent.count({ where: { action: "review.save", entityId: (await c.t.db.review.findFirstOrThrow({ where: { claimId } })).id } })).toBe(5);
    } finally {
      await other.$disconnect();
    }
  });

  it("refuses a save on an approved claim, and a refused save leaves the connection fit for the next one", async () => {
    const { claimIds } = await c.seedClaims(2);
    const edna = await c.person("edna-approver@example.org", "Edna", "editor");
    const mine = await saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note: "Approve me.", expectedVersion: null });
    await approveClaim(c.t.db, { viewer: edna, claimId: claimIds[0]!, reviewId: mine.id });
    expect(await c.thrown(saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "Late.", expectedVersion: 1 }))).toMatchObject({ code: "CONFLICT" });
    expect(await saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[1]!, verdict: "false", confidence: null, note: "Still fine.", expectedVersion: null })).toMatchObject({ version: 1 });
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
