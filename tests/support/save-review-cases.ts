import { afterAll, beforeAll, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { saveReview, type SavedReview } from "@/lib/review/save-review";
import { tempDatabase } from "./temp-database";

/**
 * What saveReview must do on either engine, written once: the SQLite and PostgreSQL save tests
 * (tests/unit/review/save-review-{sqlite,postgres}.test.ts) each call these inside their engine's
 * describe, and add only what is their engine's own (the connection it runs on, locks, pools).
 */
export type SaveReviewContext = {
  /** The file's database (set in beforeAll). */
  readonly t: ReturnType<typeof tempDatabase>;
  /** A reviewer who saves in most tests. */
  readonly rita: NonNullable<Viewer>;
  person(email: string, name: string, role?: Role): Promise<NonNullable<Viewer>>;
  /** An article with `count` open claims, written directly (no extraction: these tests are about saves). */
  seedClaims(count: number): Promise<{ articleId: string; claimIds: string[] }>;
  /** The AppError a promise rejects with (and a failure if it resolves or throws something else). */
  thrown(promise: Promise<unknown>): Promise<AppError>;
};

/**
 * A database for the surrounding describe, made in its beforeAll (so a describe skipped on the
 * other engine makes none), with Rita signed up; `prefix` keeps claim ids apart per file.
 */
export function useSaveReviewDatabase(prefix: string): SaveReviewContext {
  let t: ReturnType<typeof tempDatabase> | undefined;
  let rita: NonNullable<Viewer> | undefined;
  let articles = 0;
  const context: SaveReviewContext = {
    get t() {
      if (!t) throw new Error("the save tests' database is made in beforeAll");
      return t;
    },
    get rita() {
      if (!rita) throw new Error("Rita is signed up in beforeAll");
      return rita;
    },
    async person(email, name, role = "reviewer") {
      const user = await context.t.db.user.create({ data: { email, name, role } });
      return { id: user.id, email: user.email, name: user.name, role };
    },
    async seedClaims(count) {
      const db = context.t.db;
      const n = ++articles;
      const text = Array.from({ length: count }, (_, i) => `Claim ${i} says the budget rose ${i + 1}%.`).join(" ");
      const article = await db.article.create({ data: { slug: `${prefix}-saves-${n}`, title: `Saves ${n}`, status: "in_review" } });
      const revision = await db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: `h${n}` } });
      const claimIds = Array.from({ length: count }, (_, i) => `${prefix}${n}c${i}`);
      await db.claim.createMany({
        data: claimIds.map((id, i) => ({ id, articleId: article.id, revisionId: revision.id, kind: "statistic", text: `Claim ${i}`, sourceStart: 0, sourceEnd: 5, quoteExact: "Claim", quotePrefix: "", quoteSuffix: "", score: 0.5, position: i })),
      });
      return { articleId: article.id, claimIds };
    },
    async thrown(promise) {
      const error = await promise.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    },
  };
  beforeAll(async () => {
    t = tempDatabase();
    rita = await context.person("rita@example.org", "Rita Reviewer");
  });
  afterAll(async () => {
    await t?.dispose();
  });
  return context;
}

/** A first save, and its update, read back through Prisma at once with the very times saved. */
export async function expectSavedAndReadBack(c: SaveReviewContext): Promise<void> {
  const { t, rita } = c;
  const { claimIds } = await c.seedClaims(1);
  const saved = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "accurate", confidence: "high", note: "Matches.", expectedVersion: null });
  const read = await t.db.review.findUniqueOrThrow({ where: { id: saved.id } });
  expect(read).toMatchObject({ version: 1, verdict: "accurate", confidence: "high", note: "Matches.", reviewerId: rita.id });
  expect(read.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
  expect(read.createdAt.getTime()).toBe(saved.updatedAt.getTime());
  const updated = await saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "Does not match.", expectedVersion: 1 });
  expect(updated).toMatchObject({ id: saved.id, version: 2, verdict: "false", confidence: null, note: "Does not match." });
  expect(await t.db.review.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ version: 2, note: "Does not match." });
}

/**
 * `people` reviewers on `claims` shared claims, five saves each, verdicts set and cleared in turn;
 * with `staleTab`, each reviewer's fourth save races a second tab sending the version it replaces.
 * Every acknowledged save is kept with its audit event, exactly the stale tabs are refused, and
 * each claim's state follows its reviews as they end.
 */
export async function expectManyReviewersKept(c: SaveReviewContext, options: { people: number; claims: number; staleTab: boolean }): Promise<void> {
  const { t } = c;
  const { claimIds } = await c.seedClaims(options.claims);
  const people = await Promise.all(Array.from({ length: options.people }, (_, i) => c.person(`saver-${i}@example.org`, `Saver ${i}`)));
  const acknowledged: Array<{ id: string; version: number; note: string }> = [];
  let conflicts = 0;
  await Promise.all(
    people.map(async (viewer, i) => {
      const claimId = claimIds[i % claimIds.length]!;
      let version: number | null = null;
      for (let n = 0; n < 5; n++) {
        const note = `Save ${n} by ${i}`;
        // Verdicts set and cleared in turn: each save decides its claim's state from the others' reviews.
        const saves: Array<Promise<SavedReview>> = [saveReview(t.db, { viewer, claimId, verdict: n % 2 ? "false" : null, confidence: null, note, expectedVersion: version })];
        if (options.staleTab && n === 3) saves.push(saveReview(t.db, { viewer, claimId, verdict: "opinion", confidence: null, note: "stale tab", expectedVersion: version }));
        const [saved, stale] = await Promise.allSettled(saves);
        if (saved!.status === "rejected") throw saved!.reason;
        version = saved!.value.version;
        acknowledged.push({ id: saved!.value.id, version, note });
        if (stale) {
          expect(stale).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
          conflicts++;
        }
      }
    }),
  );
  expect(conflicts).toBe(options.staleTab ? options.people : 0);
  expect(acknowledged).toHaveLength(options.people * 5);
  const reviews = await t.db.review.findMany({ where: { claimId: { in: claimIds } } });
  expect(reviews).toHaveLength(options.people);
  for (const review of reviews) expect(review).toMatchObject({ version: 5, verdict: null, note: `Save 4 by ${people.findIndex((p) => p.id === review.reviewerId)}` });
  // One audit event per acknowledged save, none for the refused ones.
  const events = await t.db.auditEvent.findMany({ where: { action: "review.save", entityId: { in: reviews.map((r) => r.id) } } });
  expect(events).toHaveLength(options.people * 5);
  for (const ack of acknowledged) expect(events.some((e) => e.entityId === ack.id && JSON.parse(e.after!).version === ack.version && JSON.parse(e.after!).note === ack.note)).toBe(true);
  expect(events.some((e) => e.after!.includes("stale tab"))).toBe(false);
  // Every last save cleared its verdict: without the claim's lock (PostgreSQL), two reviewers
  // clearing theirs at once each still saw the other's verdict, and the claim stayed "reviewed".
  const states = await t.db.claim.findMany({ where: { id: { in: claimIds } }, select: { state: true } });
  expect(states.map((s) => s.state)).toEqual(Array(options.claims).fill("in_review"));
}

/** The shared cases, each an `it` in the caller's describe; `engine` words the titles. */
export function savesOnEitherEngine(c: SaveReviewContext, engine: string): void {
  it(`answers a stale save with the same CONFLICT on ${engine} as elsewhere (both versions, who saved), writing nothing`, async () => {
    const { t, rita } = c;
    const { claimIds } = await c.seedClaims(1);
    const claimId = claimIds[0]!;
    const first = await saveReview(t.db, { viewer: rita, claimId, verdict: "false", confidence: "low", note: "First tab.", expectedVersion: null });
    const second = await saveReview(t.db, { viewer: rita, claimId, verdict: "misleading", confidence: "medium", note: "Second tab.", expectedVersion: first.version });
    const error = await c.thrown(saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Stale tab.", expectedVersion: 1 }));
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
    const other = await c.thrown(saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "", expectedVersion: null }));
    expect(other).toMatchObject({ code: "CONFLICT", details: { theirs: { note: "Second tab.", version: 2 } } });
  });

  it(`writes the audit event on ${engine} as the other engines do: who, which review and claim, the snapshots before and after, the claim's state`, async () => {
    const { t, rita } = c;
    const { articleId, claimIds } = await c.seedClaims(1);
    const claimId = claimIds[0]!;
    const created = await saveReview(t.db, { viewer: rita, claimId, verdict: null, confidence: null, note: "Looking.", expectedVersion: null });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("in_review");
    const updated = await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 1 });
    // A repeated save (a key pressed twice) changes nothing and is not history.
    expect(await saveReview(t.db, { viewer: rita, claimId, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 2 })).toEqual(updated);
    const events = await t.db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map(({ actorId, action, entityType, entityId, articleId: a, claimId: cl, importedAt }) => ({ actorId, action, entityType, entityId, articleId: a, claimId: cl, importedAt }))).toEqual(
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

  it(`refuses on ${engine} what the rules refuse: a missing claim, a dismissed one, another person's review (an editor may)`, async () => {
    const { t, rita } = c;
    const { claimIds } = await c.seedClaims(2);
    expect((await c.thrown(saveReview(t.db, { viewer: rita, claimId: "no-such-claim", verdict: null, confidence: null, note: "", expectedVersion: null }))).code).toBe("NOT_FOUND");
    await t.db.claim.update({ where: { id: claimIds[0]! }, data: { state: "dismissed" } });
    const dismissed = await c.thrown(saveReview(t.db, { viewer: rita, claimId: claimIds[0]!, verdict: "false", confidence: null, note: "", expectedVersion: null }));
    expect(dismissed).toMatchObject({ code: "CONFLICT", message: "This claim is dismissed: restore the claim first." });
    const omar = await c.person("omar-owner@example.org", "Omar");
    const his = await saveReview(t.db, { viewer: omar, claimId: claimIds[1]!, verdict: "accurate", confidence: null, note: "His.", expectedVersion: null });
    expect((await c.thrown(saveReview(t.db, { viewer: rita, claimId: claimIds[1]!, reviewId: his.id, verdict: "false", confidence: null, note: "Mine.", expectedVersion: 1 }))).code).toBe("FORBIDDEN");
    const edna = await c.person("edna-editor@example.org", "Edna", "editor");
    expect(await saveReview(t.db, { viewer: edna, claimId: claimIds[1]!, reviewId: his.id, verdict: "accurate", confidence: null, note: "His, typo fixed.", expectedVersion: 1 })).toMatchObject({ version: 2 });
    expect(await t.db.review.count({ where: { claimId: claimIds[0]! } })).toBe(0);
  });
}
