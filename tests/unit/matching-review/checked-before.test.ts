import { toHtml } from "hast-util-to-html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { getCheckedBefore } from "@/lib/matching-review/get-checked-before";
import { getClaimMatches } from "@/lib/matching-review/get-claim-matches";
import { refreshMatchesIfStale } from "@/lib/matching-review/refresh-if-stale";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { toClaimView } from "@/app/articles/[slug]/review/claim-view";
import { listRepeatedClaims } from "@/lib/desk/list-repeated-claims";
import { listDesk } from "@/lib/desk/list-desk";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";
import { CHANGED_NUMBER, checkedEarlier, importText, person, REPEATS, SOURCE } from "./support";

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let ed: NonNullable<Viewer>;
let earlier: Awaited<ReturnType<typeof checkedEarlier>>;
let repeat: Awaited<ReturnType<typeof importText>>;
let changed: Awaited<ReturnType<typeof importText>>;

beforeAll(async () => {
  t = tempDatabase();
  rita = await person(t.db, "rita@example.org", "Rita Reviewer", "reviewer");
  ed = await person(t.db, "ed@example.org", "Ed Editor", "editor");
  earlier = await checkedEarlier(t.db, rita, ed);
  // A second reviewer's differing review of the earlier claim: shown after the approved one.
  const ravi = await person(t.db, "ravi@example.org", "Ravi Reviewer", "reviewer");
  await t.db.review.create({ data: { claimId: earlier.statistic.id, reviewerId: ravi.id, verdict: "mostly_accurate", note: "Close enough." } });
  repeat = await importText(t.db, REPEATS);
  changed = await importText(t.db, CHANGED_NUMBER);
});
afterAll(async () => {
  await t.dispose();
});

describe("the read model of Checked before", () => {
  it("joins the earlier claim with its article, approved verdict first, note and sources", async () => {
    const [match, ...rest] = await getCheckedBefore(t.db, { claimId: repeat.statistic.id, viewer: rita });
    expect(rest.filter((m) => m.relation === "same")).toEqual([]);
    expect(match).toMatchObject({
      matchedClaimId: earlier.statistic.id,
      relation: "same",
      text: earlier.statistic.text,
      article: { slug: earlier.slug, title: "Sheriffs and the 287(g) program", status: "draft" },
      href: `/articles/${earlier.slug}/review#claim-${earlier.statistic.id}`,
    });
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.reasons.length).toBeGreaterThan(0);
    expect(match!.reviews.map((r) => [r.verdict, r.approved, r.reviewerName])).toEqual([
      ["accurate", true, "Rita Reviewer"],
      ["mostly_accurate", false, "Ravi Reviewer"],
    ]);
    expect(match!.reviews[0]!.citations).toEqual([
      expect.objectContaining({ url: SOURCE.url, title: SOURCE.title, stance: "supports", excerpt: "149 agencies in 21 states", accessedOn: "2021-01-15" }),
    ]);
  });

  it("offers a claim whose number differs only as related, saying why", async () => {
    const matches = await getCheckedBefore(t.db, { claimId: changed.statistic.id, viewer: rita });
    const earlierOne = matches.find((m) => m.matchedClaimId === earlier.statistic.id);
    expect(earlierOne?.relation).toBe("related");
    expect(earlierOne?.reasons.join(" ")).toMatch(/150/);
  });

  it("comes with the claim's workbench detail, the note rendered and sanitised", async () => {
    const detail = await getClaimDetail(t.db, { viewer: rita, claimId: repeat.statistic.id });
    const view = toClaimView(detail, rita.id);
    const review = view.checkedBefore?.[0]?.reviews[0];
    const html = toHtml(review!.noteTree);
    expect(html).toContain("<strong>FY 2020</strong>");
    expect(html).not.toMatch(/<img|onerror/);
  });

  it("links a published article's claim to its reading view", async () => {
    await t.db.article.update({ where: { id: earlier.articleId }, data: { status: "published" } });
    try {
      const [match] = await getCheckedBefore(t.db, { claimId: repeat.statistic.id, viewer: null });
      expect(match?.href).toBe(`/a/${earlier.slug}#claim-${earlier.statistic.id}`);
    } finally {
      await t.db.article.update({ where: { id: earlier.articleId }, data: { status: "draft" } });
    }
    // A reader never sees a draft's claim.
    expect(await getCheckedBefore(t.db, { claimId: repeat.statistic.id, viewer: null })).toEqual([]);
  });

  it("matches a claim again when it changed since it was matched, and not otherwise", async () => {
    expect(await refreshMatchesIfStale(t.db, repeat.statistic.id)).toBe(false);
    await t.db.claimMatch.deleteMany({ where: { claimId: repeat.statistic.id } });
    // A changed claim (here: its state, as a first review moves it on) is matched again when opened.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await saveReview(t.db, { viewer: rita, claimId: repeat.statistic.id, verdict: null, confidence: null, note: "", expectedVersion: null });
    expect(await refreshMatchesIfStale(t.db, repeat.statistic.id)).toBe(true);
    expect((await getCheckedBefore(t.db, { claimId: repeat.statistic.id, viewer: rita }))[0]?.matchedClaimId).toBe(earlier.statistic.id);
    expect(await refreshMatchesIfStale(t.db, repeat.statistic.id)).toBe(false);
  });
});

describe("GET /api/claims/{id}/matches, its verb", () => {
  it("answers the matches with the earlier claim, article, verdicts and sources", async () => {
    const data = await getClaimMatches(t.db, { viewer: rita, claimId: repeat.statistic.id });
    expect(data.claim).toEqual({ id: repeat.statistic.id, text: repeat.statistic.text, article: { slug: repeat.slug, title: "A second look at local immigration enforcement" } });
    expect(data.matches[0]).toMatchObject({ relation: "same", matchedClaimId: earlier.statistic.id, article: { slug: earlier.slug } });
    expect(data.matches[0]!.reviews[0]!.citations[0]!.url).toBe(SOURCE.url);
  });

  it("answers 404 for an unknown claim and for a draft's claim to a reader, 422 for a bad id", async () => {
    await expect(getClaimMatches(t.db, { viewer: rita, claimId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaimMatches(t.db, { viewer: null, claimId: repeat.statistic.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaimMatches(t.db, { viewer: rita, claimId: "x".repeat(200) })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("the desk", () => {
  it("counts per article the claims seen before", async () => {
    const desk = await listDesk(t.db);
    const seen = Object.fromEntries(desk.map((a) => [a.slug, a.seenBefore]));
    expect(seen[repeat.slug]).toBe(1);
    expect(seen[changed.slug]).toBe(0);
  });

  it("lists the claims repeated most, with each copy's verdicts", async () => {
    const [top] = await listRepeatedClaims(t.db, { limit: 10 });
    expect(top).toMatchObject({ claimId: earlier.statistic.id, articleCount: 2, approved: "accurate", article: { slug: earlier.slug } });
    expect(top!.verdicts).toEqual(expect.arrayContaining(["accurate", "mostly_accurate"]));
    expect(top!.copies.map((c) => c.claimId)).toEqual([repeat.statistic.id]);
  });
});
