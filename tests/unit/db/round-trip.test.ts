import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { tempDatabase } from "../../support/temp-database";

/**
 * Every model written and read back through the one Database type, on whichever engine the run
 * uses (npm run test:unit / test:unit:postgres): the values a fact-checker's data holds (text
 * beyond the Basic Multilingual Plane, milliseconds, floats, booleans, nulls) must come back as
 * written, and the relations and cascades must hold the same on both engines.
 */
let t: ReturnType<typeof tempDatabase>;

beforeAll(() => {
  t = tempDatabase();
});
afterAll(async () => {
  await t.dispose();
});

const when = new Date("2026-11-30T12:34:56.789Z");
const text = "Unemployment fell to 4.2% — “the lowest since 1969” 📉 (naïve café)";

describe(`every model on ${process.env.CLAIMDESK_TEST_DATABASE === "postgres" ? "PostgreSQL" : "SQLite"}`, () => {
  it("writes and reads back each model, with its relations", async () => {
    const { db } = t;
    const covered = new Set<string>();
    const user = await db.user.create({ data: { email: "ada@example.org", name: "Ada", role: "editor", passwordHash: "scrypt$x", emailVerified: when } });
    covered.add("User");
    // The shared client never hands out the hash; asked for, it is there.
    expect(user).not.toHaveProperty("passwordHash");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } })).toMatchObject({ passwordHash: "scrypt$x", emailVerified: when, disabledAt: null });

    await db.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: "42", expires_at: 2_000_000_000 } });
    covered.add("Account");
    await db.session.create({ data: { userId: user.id, sessionToken: "s1", expires: when } });
    covered.add("Session");
    await db.verificationToken.create({ data: { identifier: "ada@example.org", token: "v1", expires: when } });
    covered.add("VerificationToken");
    await db.apiToken.create({ data: { userId: user.id, name: "ci", tokenHash: "h".repeat(64), lastUsedAt: when } });
    covered.add("ApiToken");

    const article = await db.article.create({ data: { slug: "jobs", title: "Jobs report", status: "in_review", publishedAt: when } });
    covered.add("Article");
    const revision = await db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: "c".repeat(64), importedById: user.id } });
    covered.add("Revision");
    const claim = await db.claim.create({
      data: {
        articleId: article.id, revisionId: revision.id, kind: "statistic", text, sourceStart: 0, sourceEnd: text.length,
        quoteExact: text, quotePrefix: "", quoteSuffix: "", score: 0.8125, quantities: JSON.stringify([{ value: 4.2, unit: "%" }]), assigneeId: user.id,
      },
    });
    covered.add("Claim");
    await db.claimAnchor.create({ data: { claimId: claim.id, revisionId: revision.id, status: "exact", sourceStart: 0, sourceEnd: text.length, text } });
    covered.add("ClaimAnchor");
    const review = await db.review.create({ data: { claimId: claim.id, reviewerId: user.id, verdict: "accurate", confidence: "high", note: "**Checked** 📉" } });
    covered.add("Review");
    const source = await db.source.create({ data: { url: "https://BLS.gov/news", normalizedUrl: "https://bls.gov/news", title: "BLS" } });
    covered.add("Source");
    await db.citation.create({ data: { reviewId: review.id, sourceId: source.id, stance: "supports", excerpt: text, position: 1 } });
    covered.add("Citation");
    await db.auditEvent.create({ data: { actorId: user.id, action: "review.save", entityType: "review", entityId: review.id, articleId: article.id, after: JSON.stringify({ verdict: "accurate" }) } });
    covered.add("AuditEvent");
    await db.signInAttempt.create({ data: { email: "ada@example.org", address: "127.0.0.1", succeeded: false } });
    covered.add("SignInAttempt");
    const other = await db.article.create({ data: { slug: "jobs-2", title: "Jobs again" } });
    const otherRevision = await db.revision.create({ data: { articleId: other.id, number: 1, text, sourceFormat: "text", contentHash: "d".repeat(64) } });
    const repeat = await db.claim.create({
      data: { articleId: other.id, revisionId: otherRevision.id, kind: "statistic", text, sourceStart: 0, sourceEnd: text.length, quoteExact: text, quotePrefix: "", quoteSuffix: "", score: 0.5 },
    });
    await db.claimMatch.create({ data: { claimId: repeat.id, matchedClaimId: claim.id, score: 0.97, relation: "same", reasons: JSON.stringify(["same figure"]) } });
    covered.add("ClaimMatch");

    // Every model of the schema is covered here: a new one fails this until it is added.
    expect([...covered].sort()).toEqual(Object.values(Prisma.ModelName).sort());

    const read = await db.article.findUniqueOrThrow({
      where: { slug: "jobs" },
      include: { revisions: { include: { claims: { include: { anchors: true, reviews: { include: { citations: { include: { source: true } } } }, matchedBy: true } } } } },
    });
    const readClaim = read.revisions[0]!.claims[0]!;
    expect(read.publishedAt).toEqual(when);
    expect(read.revisions[0]!.text).toBe(text);
    expect(readClaim).toMatchObject({ text, score: 0.8125, textStart: null, state: "open", reasons: "[]" });
    expect(JSON.parse(readClaim.quantities)).toEqual([{ value: 4.2, unit: "%" }]);
    expect(readClaim.anchors).toMatchObject([{ status: "exact", sourceEnd: text.length }]);
    expect(readClaim.reviews[0]).toMatchObject({ verdict: "accurate", note: "**Checked** 📉", version: 1 });
    expect(readClaim.reviews[0]!.citations[0]).toMatchObject({ stance: "supports", excerpt: text, source: { normalizedUrl: "https://bls.gov/news" } });
    expect(readClaim.matchedBy).toMatchObject([{ claimId: repeat.id, score: 0.97, relation: "same" }]);
    expect(await db.signInAttempt.findFirstOrThrow({ select: { succeeded: true } })).toEqual({ succeeded: false });
    expect(await db.account.findFirstOrThrow({ select: { expires_at: true } })).toEqual({ expires_at: 2_000_000_000 });
    expect(await db.apiToken.findFirstOrThrow({ select: { lastUsedAt: true, revokedAt: true } })).toEqual({ lastUsedAt: when, revokedAt: null });

    // A source still cited cannot go (Restrict).
    const restricted = await db.source.delete({ where: { id: source.id } }).catch((e: unknown) => e);
    expect((restricted as Prisma.PrismaClientKnownRequestError).code).toBe("P2003");

    // Cascades: the user's sessions and tokens go with it, their reviews too; claims keep going with
    // the assignee cleared (SetNull), the audit trail keeps the event without its actor.
    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.count()).toBe(0);
    expect(await db.apiToken.count()).toBe(0);
    expect(await db.review.count()).toBe(0);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { assigneeId: true } })).toEqual({ assigneeId: null });
    expect(await db.auditEvent.findFirstOrThrow({ select: { actorId: true } })).toEqual({ actorId: null });
    // Once its citations went with the review, the source can go.
    await db.source.delete({ where: { id: source.id } });
    await db.article.delete({ where: { id: article.id } });
    expect(await db.claimMatch.count()).toBe(0);
    expect(await db.claim.count()).toBe(1);
  });

  it("refuses a duplicate the same way on both engines (P2002 on the unique field)", async () => {
    await t.db.source.create({ data: { url: "https://a.example/", normalizedUrl: "https://a.example/" } });
    const error = await t.db.source.create({ data: { url: "https://A.example/", normalizedUrl: "https://a.example/" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
  });

  it("runs an interactive transaction and rolls it back whole on an error", async () => {
    const failed = await t.db
      .$transaction(async (tx) => {
        await tx.article.create({ data: { slug: "rolled-back", title: "Never" } });
        throw new Error("stop");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("stop");
    expect(await t.db.article.findUnique({ where: { slug: "rolled-back" } })).toBeNull();
    const rows = await t.db.$queryRaw<Array<{ n: number | bigint }>>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Article" WHERE "slug" = ${"jobs-2"}`);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
