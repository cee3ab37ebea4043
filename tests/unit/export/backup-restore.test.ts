import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatBackup, serializeBackup } from "@/lib/export/backup";
import { loadArticleExport } from "@/lib/export/load-article-export";
import { restoreBackup } from "@/lib/export/restore-backup";
import { tempDatabase } from "../../support/temp-database";
import { buildFixture, FIXTURE_SLUG } from "./fixture";

type Temp = ReturnType<typeof tempDatabase>;

async function backupOf(t: Temp, exportedAt: string) {
  return formatBackup(await loadArticleExport(t.db, { slug: FIXTURE_SLUG }), { exportedAt });
}

async function rowCounts(t: Temp) {
  const [users, articles, revisions, claims, reviews, citations, sources, auditEvents] = await Promise.all([
    t.db.user.count(),
    t.db.article.count(),
    t.db.revision.count(),
    t.db.claim.count(),
    t.db.review.count(),
    t.db.citation.count(),
    t.db.source.count(),
    t.db.auditEvent.count(),
  ]);
  return { users, articles, revisions, claims, reviews, citations, sources, auditEvents };
}

describe("backup.json and restore", () => {
  let origin: Temp;
  let target: Temp;
  beforeAll(async () => {
    origin = tempDatabase();
    target = tempDatabase();
    await buildFixture(origin.db);
  }, 60_000);
  afterAll(async () => {
    await origin.dispose();
    await target.dispose();
  }, 30_000);

  it("holds everything about the article under a versioned header, without password hashes", async () => {
    const backup = await backupOf(origin, "2024-04-01T00:00:00.000Z");
    expect(backup).toMatchObject({ format: "claimdesk-backup", version: 1, exportedAt: "2024-04-01T00:00:00.000Z" });
    expect(backup.claims.some((c) => c.approvedReviewId !== null)).toBe(true);
    expect(backup.users[0]).toEqual({ id: expect.any(String), email: expect.any(String), name: expect.toSatisfy((n) => n === null || typeof n === "string"), role: expect.any(String) });
    expect(serializeBackup(backup)).not.toMatch(/scrypt|passwordHash/);
  });

  it("backup → restore into a fresh database → backup again gives the same JSON, except exportedAt", async () => {
    const first = await backupOf(origin, "2024-04-01T00:00:00.000Z");
    const outcome = await restoreBackup(target.db, serializeBackup(first));
    expect(outcome).toMatchObject({ slug: FIXTURE_SLUG, replaced: false, claims: first.claims.length, usersCreated: 3, sourcesCreated: 5 });
    const second = await backupOf(target, "2025-01-01T00:00:00.000Z");
    expect(second.exportedAt).not.toBe(first.exportedAt);
    expect(serializeBackup({ ...second, exportedAt: first.exportedAt })).toBe(serializeBackup(first));
    // Restored people have no password: they cannot sign in until an admin sets one.
    const ann = await target.db.user.findUniqueOrThrow({ where: { email: "ann@desk.example" }, omit: { passwordHash: false } });
    expect(ann.passwordHash).toBeNull();
  });

  it("refuses an article whose slug exists and writes nothing; replace swaps it for the backup", async () => {
    const backup = await backupOf(origin, "2024-04-01T00:00:00.000Z");
    const before = await rowCounts(target);
    await expect(restoreBackup(target.db, backup)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/slug "harbor-budget" already exists/) });
    expect(await rowCounts(target)).toEqual(before);

    const outcome = await restoreBackup(target.db, backup, { replace: true });
    expect(outcome).toMatchObject({ replaced: true, usersCreated: 0, usersMatched: 3, sourcesCreated: 0, sourcesMatched: 5 });
    expect(await rowCounts(target)).toEqual(before);
  });

  it("refuses malformed files with a clear reason and writes nothing", async () => {
    const fresh = tempDatabase();
    try {
      const good = await backupOf(origin, "2024-04-01T00:00:00.000Z");
      const empty = await rowCounts(fresh);
      const cases: [unknown, RegExp][] = [
        ["{ not json", /not JSON/],
        [{ hello: "world" }, /format.*claimdesk-backup/],
        [{ ...good, version: 2 }, /version/],
        [{ ...good, claims: [{ ...good.claims[0]!, kind: "rumour" }] }, /claims\.0\.kind/],
        [{ ...good, citations: good.citations.map((c, i) => (i === 0 ? { ...c, sourceId: "missing" } : c)) }, /citations\[0\]\.sourceId names a source missing/],
        [{ ...good, claims: good.claims.map((c) => ({ ...c, approvedReviewId: c.approvedReviewId ? good.reviews.find((r) => r.claimId !== c.id)!.id : null })) }, /approvedReviewId is not one of this claim's reviews/],
        [{ ...good, sources: good.sources.map((s, i) => (i === 0 ? { ...s, url: "javascript:alert(1)" } : s)) }, /http or https/],
        // A bad row late in the file: nothing before it may be left behind.
        [{ ...good, auditEvents: [...good.auditEvents, { ...good.auditEvents[0]!, actorId: "nobody" }] }, /(auditEvents\[\d+\]\.actorId|same id twice)/],
      ];
      for (const [input, reason] of cases) {
        await expect(restoreBackup(fresh.db, input)).rejects.toMatchObject({ message: expect.stringMatching(reason) });
        expect(await rowCounts(fresh)).toEqual(empty);
      }
    } finally {
      await fresh.dispose();
    }
  });

  it("rolls back everything when the database refuses a record half-way", async () => {
    const fresh = tempDatabase();
    try {
      const good = await backupOf(origin, "2024-04-01T00:00:00.000Z");
      // A citation id that the target already holds (under another article) fails after the claims are written.
      const other = await buildFixtureCitationClash(fresh, good.citations[0]!.id);
      const before = await rowCounts(fresh);
      await expect(restoreBackup(fresh.db, good)).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await rowCounts(fresh)).toEqual(before);
      expect(other).toBe(1);
    } finally {
      await fresh.dispose();
    }
  });
});

/** Puts one citation with the given id into `t`, under an unrelated article. */
async function buildFixtureCitationClash(t: Temp, citationId: string): Promise<number> {
  const user = await t.db.user.create({ data: { email: "zed@desk.example", role: "reviewer" } });
  const article = await t.db.article.create({ data: { slug: "other", title: "Other" } });
  const revision = await t.db.revision.create({ data: { articleId: article.id, number: 1, text: "x", sourceFormat: "markdown", contentHash: "0".repeat(64) } });
  const claim = await t.db.claim.create({
    data: { articleId: article.id, revisionId: revision.id, kind: "factual", text: "x", sourceStart: 0, sourceEnd: 1, quoteExact: "x", quotePrefix: "", quoteSuffix: "", score: 0 },
  });
  const review = await t.db.review.create({ data: { claimId: claim.id, reviewerId: user.id } });
  const source = await t.db.source.create({ data: { url: "https://zed.example/", normalizedUrl: "https://zed.example/" } });
  await t.db.citation.create({ data: { id: citationId, reviewId: review.id, sourceId: source.id, stance: "context" } });
  return t.db.citation.count();
}
