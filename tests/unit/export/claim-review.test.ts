import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { publishArticle } from "@/lib/articles/publish-article";
import type { Database } from "@/lib/db/create-database";
import { buildClaimReviews, serializeJsonLd, type ClaimReviewInput } from "@/lib/export/claim-review";
import { buildReadingPage } from "@/lib/reading/build-reading-page";
import { readReadingView } from "@/lib/reading/read-reading-view";
import { tempDatabase } from "@/tests/support/temp-database";

const PAGE = "https://desk.example/a/budget-check";

const input: ClaimReviewInput = {
  pageUrl: PAGE,
  publisher: { name: "Claimdesk", url: "https://desk.example" },
  publishedAt: new Date("2026-03-02T10:00:00Z"),
  article: { title: "Budget check", author: "Pat Writer", publisher: "The Daily", originalUrl: "https://daily.example/budget", publishedOn: "2026-02-27" },
  claims: [
    { id: "c1", text: "Spending rose 12% in 2024.", verdict: "false", approvedAt: new Date("2026-03-01T09:00:00Z") },
    { id: "c2", text: "The rule allows 48 hours.", verdict: "mostly_accurate", approvedAt: new Date("2026-03-05T09:00:00Z") },
    { id: "c3", text: "This made us safer.", verdict: "opinion", approvedAt: null },
  ],
};

/** Asserts Google's required fields (and the scale we promise) on every ClaimReview. */
function expectRequiredFields(review: Record<string, unknown>, pageUrl: string) {
  expect(review["@context"]).toBe("https://schema.org");
  expect(review["@type"]).toBe("ClaimReview");
  expect(typeof review.claimReviewed).toBe("string");
  expect((review.claimReviewed as string).length).toBeGreaterThan(0);
  expect(review.url).toMatch(new RegExp(`^${pageUrl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}#claim-.+`));
  const rating = review.reviewRating as Record<string, unknown>;
  expect(rating["@type"]).toBe("Rating");
  expect(typeof rating.alternateName).toBe("string");
  expect(rating.bestRating).toBe(5);
  expect(rating.worstRating).toBe(1);
  expect((review.author as Record<string, unknown>)["@type"]).toBe("Organization");
  expect((review.itemReviewed as Record<string, unknown>)["@type"]).toBe("Claim");
}

describe("buildClaimReviews (in memory)", () => {
  const reviews = JSON.parse(serializeJsonLd(buildClaimReviews(input))) as Record<string, unknown>[];

  it("gives every approved verdict a ClaimReview with Google's required fields", () => {
    expect(reviews).toHaveLength(3);
    for (const review of reviews) expectRequiredFields(review, PAGE);
    expect(reviews.map((r) => r.claimReviewed)).toEqual(input.claims.map((c) => c.text));
    expect(reviews[0]!.url).toBe(`${PAGE}#claim-c1`);
  });

  it("rates on the 5…1 scale, and gives the unrated verdicts their label but no invented number", () => {
    expect(reviews.map((r) => r.reviewRating)).toEqual([
      { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
      { "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly accurate" },
      { "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Opinion" },
    ]);
  });

  it("names who made the claim, where it appeared and when, and when the check was published", () => {
    expect(reviews[0]!.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Pat Writer" },
      datePublished: "2026-02-27",
      appearance: {
        "@type": "CreativeWork",
        url: "https://daily.example/budget",
        headline: "Budget check",
        author: { "@type": "Person", name: "Pat Writer" },
        datePublished: "2026-02-27",
        publisher: { "@type": "Organization", name: "The Daily" },
      },
    });
    expect(reviews[0]!.author).toEqual({ "@type": "Organization", name: "Claimdesk", url: "https://desk.example" });
    // Approved before publication: the check went public with the article; approved after: then.
    expect(reviews.map((r) => r.datePublished)).toEqual(["2026-03-02", "2026-03-05", "2026-03-02"]);
  });

  it("leaves out what is unknown instead of guessing, and never links a non-http appearance", () => {
    const [bare] = buildClaimReviews({
      ...input,
      publishedAt: null,
      article: { title: "T", author: null, publisher: "The Daily", originalUrl: "javascript:alert(1)", publishedOn: "last spring" },
      claims: [{ id: "x", text: "X", verdict: "unsupported", approvedAt: null }],
    });
    expect(bare!.itemReviewed).toEqual({ "@type": "Claim", author: { "@type": "Organization", name: "The Daily" } });
    expect(bare!.datePublished).toBeUndefined();
  });

  it("names a transcript's speaker as the claim's author, and the article's author as the appearance's", () => {
    const [spoken] = buildClaimReviews({ ...input, claims: [{ id: "s", text: "We cut the deficit by $1 trillion.", verdict: "misleading", approvedAt: null, speaker: "SEN. ALVAREZ" }] });
    expect(spoken!.itemReviewed.author).toEqual({ "@type": "Person", name: "SEN. ALVAREZ" });
    expect(spoken!.itemReviewed.appearance?.author).toEqual({ "@type": "Person", name: "Pat Writer" });
  });

  it("serialises so that claim text can never close the script element", () => {
    const hostile = buildClaimReviews({ ...input, claims: [{ id: "h", text: "</script><script>alert(1)</script> & \u2028", verdict: "false", approvedAt: null }] });
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect((JSON.parse(json) as { claimReviewed: string }[])[0]!.claimReviewed).toBe("</script><script>alert(1)</script> & \u2028");
  });
});

describe("ClaimReview JSON-LD of a published article (database)", () => {
  let temp: ReturnType<typeof tempDatabase>;
  let db: Database;
  const approved: { claimId: string; text: string; verdict: string }[] = [];
  let reviewedNotApproved = "";
  let dismissed = "";

  beforeAll(async () => {
    temp = tempDatabase();
    db = temp.db;
    await importArticle(db, { text: await readFile("content/ice-287g-fy2020.md", "utf8"), fileName: "ice-287g-fy2020.md", slug: "claim-review-test" });
    const claims = await db.claim.findMany({ where: { article: { slug: "claim-review-test" } }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const editor = await db.user.create({ data: { email: "ed@test", name: "Eddie", role: "editor" }, select: { id: true } });
    const reviewer = await db.user.create({ data: { email: "rev@test", name: "Rita", role: "reviewer" }, select: { id: true } });
    const source = await db.source.create({
      data: { url: "https://www.ice.gov/287g", normalizedUrl: "https://www.ice.gov/287g", title: "Delegation of Immigration Authority Section 287(g)", publisher: "ICE" },
      select: { id: true },
    });
    const verdicts = ["false", "accurate", "unsupported"] as const;
    for (const [i, verdict] of verdicts.entries()) {
      const claim = claims[i + 5]!;
      const review = await db.review.create({
        data: { claimId: claim.id, reviewerId: reviewer.id, verdict, note: "Checked against **ICE's** figures." },
        select: { id: true },
      });
      await db.citation.create({ data: { reviewId: review.id, sourceId: source.id, stance: "context", excerpt: "ICE has 287(g) agreements." } });
      await db.claim.update({ where: { id: claim.id }, data: { state: "approved", approvedReviewId: review.id, approvedById: editor.id, approvedAt: new Date() } });
      approved.push({ claimId: claim.id, text: claim.text, verdict });
    }
    reviewedNotApproved = claims[10]!.id;
    await db.review.create({ data: { claimId: reviewedNotApproved, reviewerId: reviewer.id, verdict: "false" } });
    await db.claim.update({ where: { id: reviewedNotApproved }, data: { state: "reviewed" } });
    dismissed = claims[11]!.id;
    await db.claim.update({ where: { id: dismissed }, data: { state: "dismissed", dismissReason: "not a claim" } });
    await publishArticle(db, { slug: "claim-review-test", viewer: { id: editor.id, role: "editor", email: "ed@test", name: "Eddie" } });
  });
  afterAll(async () => temp.dispose());

  it("carries one ClaimReview with every required field for each approved verdict, and nothing else", async () => {
    const view = (await readReadingView(db, "claim-review-test"))!;
    expect(view.article.status).toBe("published");
    const page = buildReadingPage(view);
    const pageUrl = "http://127.0.0.1:3000/a/claim-review-test";
    const json = serializeJsonLd(
      buildClaimReviews({
        pageUrl,
        publisher: { name: "Claimdesk" },
        publishedAt: view.article.publishedAt,
        article: view.article,
        claims: page.claims.flatMap((c) => (c.verdict ? [{ id: c.id, text: c.text, verdict: c.verdict, approvedAt: c.approvedAt }] : [])),
      }),
    );
    const reviews = JSON.parse(json) as Record<string, unknown>[];
    expect(reviews).toHaveLength(approved.length);
    for (const [i, review] of reviews.entries()) {
      expectRequiredFields(review, pageUrl);
      expect(review.url).toBe(`${pageUrl}#claim-${approved[i]!.claimId}`);
      expect(review.claimReviewed).toBe(approved[i]!.text);
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(reviews.map((r) => (r.reviewRating as { alternateName: string }).alternateName)).toEqual(["False", "Accurate", "Unsupported"]);
    expect(reviews.map((r) => (r.reviewRating as { ratingValue?: number }).ratingValue)).toEqual([1, 5, undefined]);
  });

  it("shows only approved verdicts: a reviewed but unapproved claim is not yet rated, a dismissed one is not marked", async () => {
    const page = buildReadingPage((await readReadingView(db, "claim-review-test"))!);
    expect(page.claims.find((c) => c.id === reviewedNotApproved)).toMatchObject({ verdict: null, verdictLabel: "Not yet rated", citations: [] });
    expect(page.claims.some((c) => c.id === dismissed)).toBe(false);
    expect(page.summary.checked).toBe(3);
    expect(page.sourceNotes).toHaveLength(1);
    expect(page.sourceNotes[0]!.citedBy.map((c) => c.claimId)).toEqual(approved.map((a) => a.claimId));
  });
});
