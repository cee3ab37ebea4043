import Sqlite from "better-sqlite3";
import { toHtml } from "hast-util-to-html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toClaimView } from "@/app/articles/[slug]/review/claim-view";
import type { Viewer } from "@/lib/auth/policy";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview, type SavedReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

// saveReview's SQLite engine (issue 13): synchronous statements on the adapter's connection, many
// saves sharing one commit. On a real SQLite file, beside Prisma on the same connection.
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
  const text = Array.from({ length: count }, (_, i) => `Claim ${i} says the budget rose ${i + 1}%.`).join(" ");
  const article = await t.db.article.create({ data: { slug: `saves-${n}`, title: `Saves ${n}`, status: "in_review" } });
  const revision = await t.db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: `h${n}` } });
  const claimIds = Array.from({ length: count }, (_, i) => `s${n}c${i}`);
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
  await t.dispose();
});

// SQLite's own save path (synchronous statements on its connection); PostgreSQL takes the Prisma path.
describe.skipIf(onPostgres)("saveReview on SQLite", () => {
  it("runs on the database's own better-sqlite3 connection, and Prisma reads the save at once", async () => {
    // If Prisma moved the adapter off _engineConfig, saves would silently fall back to Prisma.
    const connection = await sqliteConnectionOf(t.db);
    expect(connection?.sqlite.open).toBe(true);
    const { claimIds } = await seedClaims(1);
    const saved = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: "high", note: "Matches.", expectedVersion: null });
    const read = await t.db.review.findUniqueOrThrow({ where: { id: saved.id } });
    expect(read).toMatchObject({ version: 1, verdict: "accurate", confidence: "high", note: "Matches.", reviewerId: rita.id });
    expect(read.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
    expect(read.createdAt.getTime()).toBe(saved.updatedAt.getTime());
  });

  it("keeps every acknowledged save of many reviewers saving at once, and refuses exactly the stale ones", async () => {
    const { claimIds } = await seedClaims(5);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`saver-${i}@example.org`, `Saver ${i}`)));
    const acknowledged: Array<{ id: string; version: number; note: string }> = [];
    let conflicts = 0;
    await Promise.all(
      people.map(async (viewer, i) => {
        const claimId = claimIds[i % claimIds.length]!; // four reviewers on each claim
        let version: number | null = null;
        for (let n = 0; n < 5; n++) {
          const note = `Save ${n} by ${i}`;
          const saves: Array<Promise<SavedReview>> = [saveReview(t.db, { viewer, claimId, verdict: n % 2 ? "false" : null, confidence: null, note, expectedVersion: version })];
          // Once, a second tab sends the version this save is about to replace: one conflict each.
          if (n === 3) saves.push(saveReview(t.db, { viewer, claimId, verdict: "opinion", confidence: null, note: "stale tab", expectedVersion: version }));
          const [saved, stale] = await Promise.allSettled(saves);
          if (saved!.status === "rejected") throw saved!.reason;
          const { id, version: savedVersion } = saved!.value;
          version = savedVersion;
          acknowledged.push({ id, version: savedVersion, note });
          if (stale) {
            expect(stale.status).toBe("rejected");
            expect((stale as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
            conflicts++;
          }
        }
      }),
    );
    expect(conflicts).toBe(20);
    expect(acknowledged).toHaveLength(100);
    const reviews = await t.db.review.findMany({ where: { claimId: { in: claimIds } } });
    expect(reviews).toHaveLength(20);
    for (const review of reviews) expect(review).toMatchObject({ version: 5, note: `Save 4 by ${people.findIndex((p) => p.id === review.reviewerId)}` });
    // One audit event per acknowledged save, none for the refused ones, in version order per review.
    const events = await t.db.auditEvent.findMany({ where: { action: "review.save", entityId: { in: reviews.map((r) => r.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events).toHaveLength(100);
    for (const ack of acknowledged) expect(events.some((e) => e.entityId === ack.id && JSON.parse(e.after!).version === ack.version && JSON.parse(e.after!).note === ack.note)).toBe(true);
    expect(events.some((e) => e.after!.includes("stale tab"))).toBe(false);
    // Every last save cleared its verdict: the state follows the reviews as they end, not as saved on the way.
    const states = await t.db.claim.findMany({ where: { id: { in: claimIds } }, select: { state: true } });
    expect(states.map((c) => c.state)).toEqual(Array(5).fill("in_review"));
  });

  it("answers a stale save with the same CONFLICT as ever (both versions, who saved), writing nothing", async () => {
    const { claimIds } = await seedClaims(1);
    const claimId = claimIds[0]!;
    const first = await saveReview(t.db, { viewer: rita, claimId, verdict: "false", confidence: "low", note: "First tab.", expectedVersion: null });
    const second = await saveReview(t.db, { viewer: rita, claimId, verdict: "misleading", confidence: "medium", note: "Second tab.", expectedVersion: first.version });
    const error = await thrown(saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Stale tab.", expectedVersion: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("Someone else saved this review first (it is now at version 2). Nothing was overwritten: compare the two versions, then save again.");
    expect(error.details).toEqual({
      yours: { verdict: "accurate", confidence: "high", note: "Stale tab." },
      theirs: { verdict: "misleading", confidence: "medium", note: "Second tab.", version: 2, updatedAt: second.updatedAt.toISOString(), reviewerName: "Rita Reviewer" },
    });
    expect(await t.db.review.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ version: 2, note: "Second tab." });
    expect(await t.db.auditEvent.count({ where: { entityId: first.id } })).toBe(2);

    // A first save while the review exists (another window created it) is a conflict too.
    const other = await thrown(saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "", expectedVersion: null }));
    expect(other.code).toBe("CONFLICT");
  });

  it("refuses a save in the same commit as others without undoing theirs", async () => {
    const { claimIds } = await seedClaims(2);
    const omar = await person("omar-batch@example.org", "Omar");
    const mine = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note: "v1", expectedVersion: null });
    // Issued in the same tick, so they share one transaction: the stale one rolls back its savepoint alone.
    const [ok, stale, theirs] = await Promise.allSettled([
      saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "v2", expectedVersion: 1 }),
      saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "opinion", confidence: null, note: "stale", expectedVersion: 1 }),
      saveReview(t.db, { viewer: omar, claimId: claimIds[1]!, verdict: null, confidence: null, note: "Omar's", expectedVersion: null }),
    ]);
    expect(ok.status).toBe("fulfilled");
    expect(stale).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
    expect(theirs.status).toBe("fulfilled");
    expect(await t.db.review.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ version: 2, note: "v2" });
    expect(await t.db.review.count({ where: { claimId: claimIds[1]! } })).toBe(1);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimIds[1]! } })).state).toBe("in_review");
  });

  it("writes the audit event as the Prisma path did: who, which review, the snapshots before and after", async () => {
    const { articleId, claimIds } = await seedClaims(1);
    const claimId = claimIds[0]!;
    const created = await saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "Looking.", expectedVersion: null });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("in_review");
    const updated = await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 1 });
    // A repeated save (a key pressed twice) changes nothing and is not history.
    const repeated = await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 2 });
    expect(repeated).toEqual(updated);
    const events = await t.db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map(({ actorId, action, entityType, entityId, articleId: a, importedAt }) => ({ actorId, action, entityType, entityId, articleId: a, importedAt }))).toEqual(
      Array(2).fill({ actorId: rita.id, action: "review.save", entityType: "review", entityId: created.id, articleId, importedAt: null }),
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

  it("refuses what the rules refuse: a missing claim, a dismissed one, another person's review", async () => {
    const { claimIds } = await seedClaims(2);
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
  });

  it("renders the saved note to sanitised HTML in the save's answer", async () => {
    const { claimIds } = await seedClaims(1);
    const note = "See the **minutes**, [page 4](https://example.org/minutes#p4). <img src=x onerror=alert(1)> <script>alert(2)</script>";
    await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note, expectedVersion: null });
    // What the save action answers with (actions.ts): the claim as it now is, its notes rendered.
    const view = toClaimView(await getClaimDetail(t.db, { viewer: rita, claimId: claimIds[0]! }), rita.id);
    expect(view.myReview?.note).toBe(note);
    const html = toHtml(view.myReview!.noteTree);
    expect(html).toContain("<strong>minutes</strong>");
    expect(html).toContain('<a href="https://example.org/minutes#p4">page 4</a>');
    expect(html).not.toMatch(/<img|onerror|<script/);
  });

  it("never writes inside one of Prisma's open transactions: a save waits for it, and survives its rollback", async () => {
    const { claimIds } = await seedClaims(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let saved: Promise<unknown> | null = null;
    const transaction = t.db.$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claimIds[0]! }, data: { context: "inside Prisma's transaction" } });
      // A save issued while this transaction is open, across event-loop turns.
      saved = saveReview(t.db, { viewer: rita, claimId: claimIds[1]!, verdict: "accurate", confidence: null, note: "Saved meanwhile.", expectedVersion: null });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await held;
      throw new Error("rolled back on purpose");
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await t.db.review.count({ where: { claimId: claimIds[1]! } })).toBe(0); // still waiting for its turn
    release();
    await expect(transaction).rejects.toThrow("rolled back on purpose");
    await saved;
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimIds[0]! } })).context).toBeNull();
    expect(await t.db.review.findFirstOrThrow({ where: { claimId: claimIds[1]! } })).toMatchObject({ note: "Saved meanwhile." });
  });

  it("waits for another process's write lock without blocking the event loop, then saves", async () => {
    const { claimIds } = await seedClaims(1);
    const importer = new Sqlite(t.file);
    importer.exec("BEGIN IMMEDIATE");
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 5);
    try {
      const saving = saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: null, note: "After the import.", expectedVersion: null });
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
