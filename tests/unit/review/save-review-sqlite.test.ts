import Sqlite from "better-sqlite3";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { toClaimView } from "@/app/articles/[slug]/review/claim-view";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview } from "@/lib/review/save-review";
import { onPostgres } from "../../support/postgres";
import { expectManyReviewersKept, expectSavedAndReadBack, savesOnEitherEngine, useSaveReviewDatabase } from "../../support/save-review-cases";

// saveReview's SQLite engine (issue 13): synchronous statements on the adapter's connection, many
// saves sharing one commit. On a real SQLite file, beside Prisma on the same connection. What
// either engine must do is written once in tests/support/save-review-cases.ts.

// SQLite's own save path (synchronous statements on its connection); PostgreSQL takes the Prisma path.
describe.skipIf(onPostgres)("saveReview on SQLite", () => {
  const c = useSaveReviewDatabase("s");
  savesOnEitherEngine(c, "SQLite");

  it("runs on the database's own better-sqlite3 connection, and Prisma reads the save at once", async () => {
    // If Prisma moved the adapter off _engineConfig, saves would silently fall back to Prisma.
    const connection = await sqliteConnectionOf(c.t.db);
    expect(connection?.sqlite.open).toBe(true);
    await expectSavedAndReadBack(c);
  });

  it("keeps every acknowledged save of many reviewers saving at once, and refuses exactly the stale ones", async () => {
    await expectManyReviewersKept(c, { people: 20, claims: 5, staleTab: true });
  });
  it("refuses a save in the same commit as others without undoing theirs", async () => {
    const { claimIds } = await c.seedClaims(2);
    const omar = await c.person("omar-batch@example.org", "Omar");
    const mine = await saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note: "v1", expectedVersion: null });
    // Issued in the same tick, so they share one transaction: the stale one rolls back its savepoint alone.
    const [ok, stale, theirs] = await Promise.allSettled([
      saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "v2", expectedVersion: 1 }),
      saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "opinion", confidence: null, note: "stale", expectedVersion: 1 }),
      saveReview(c.t.db, { viewer: omar, claimId: claimIds[1]!, verdict: null, confidence: null, note: "Omar's", expectedVersion: null }),
    ]);
    expect(ok.status).toBe("fulfilled");
    expect(stale).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
    expect(theirs.status).toBe("fulfilled");
    expect(await c.t.db.review.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ version: 2, note: "v2" });
    expect(await c.t.db.review.count({ where: { claimId: claimIds[1]! } })).toBe(1);
    expect((await c.t.db.claim.findUniqueOrThrow({ where: { id: claimIds[1]! } })).state).toBe("in_review");
  });

  it("renders the saved note to sanitised HTML in the save's answer", async () => {
    const { claimIds } = await c.seedClaims(1);
    const note = "See the **minutes**, [page 4](https://example.org/minutes#p4). <img src=x onerror=alert(1)> <script>alert(2)</script>";
    await saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note, expectedVersion: null });
    // What the save action answers with (actions.ts): the claim as it now is, its notes rendered.
    const view = toClaimView(await getClaimDetail(c.t.db, { viewer: c.rita, claimId: claimIds[0]! }), c.rita.id);
    expect(view.myReview?.note).toBe(note);
    const html = toHtml(view.myReview!.noteTree);
    expect(html).toContain("<strong>minutes</strong>");
    expect(html).toContain('<a href="https://example.org/minutes#p4">page 4</a>');
    expect(html).not.toMatch(/<img|onerror|<script/);
  });

  it("never writes inside one of Prisma's open transactions: a save waits for it, and survives its rollback", async () => {
    const { claimIds } = await c.seedClaims(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let saved: Promise<unknown> | null = null;
    const transaction = c.t.db.$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claimIds[0]! }, data: { context: "inside Prisma's transaction" } });
      // A save issued while this transaction is open, across event-loop turns.
      saved = saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[1]!, verdict: "accurate", confidence: null, note: "Saved meanwhile.", expectedVersion: null });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await held;
      throw new Error("rolled back on purpose");
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await c.t.db.review.count({ where: { claimId: claimIds[1]! } })).toBe(0); // still waiting for its turn
    release();
    await expect(transaction).rejects.toThrow("rolled back on purpose");
    await saved;
    expect((await c.t.db.claim.findUniqueOrThrow({ where: { id: claimIds[0]! } })).context).toBeNull();
    expect(await c.t.db.review.findFirstOrThrow({ where: { claimId: claimIds[1]! } })).toMatchObject({ note: "Saved meanwhile." });
  });

  it("waits for another process's write lock without blocking the event loop, then saves", async () => {
    const { claimIds } = await c.seedClaims(1);
    const importer = new Sqlite(c.t.file);
    importer.exec("BEGIN IMMEDIATE");
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 5);
    try {
      const saving = saveReview(c.t.db, { viewer: c.rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note: "After the import.", expectedVersion: null });
      await new Promise((resolve) => setTimeout(resolve, 600));
      importer.exec("COMMIT");
      expect(await saving).toMatchObject({ version: 1, note: "After the import." });
    } finally {
      clearInterval(ticker);
      importer.close();
    }
    // BEGIN waits inside SQLite at most BEGIN_WAIT_MS (100 ms) at a time, never the lock's 600 ms.
    expect(longestGap).toBeLessThan(450);
  });
});
