import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/policy";
import { reuseReview } from "@/lib/matching-review/reuse-review";
import { CONFIRM_REPLACE } from "@/lib/matching-review/schemas";
import { addCitation } from "@/lib/review/add-citation";
import { getClaimDetail } from "@/lib/review/get-claim-detail";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";
import { checkedEarlier, importText, NOTE, person, REPEATS, SOURCE } from "./support";

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let ravi: NonNullable<Viewer>;
let ed: NonNullable<Viewer>;
let earlier: Awaited<ReturnType<typeof checkedEarlier>>;

beforeAll(async () => {
  t = tempDatabase();
  rita = await person(t.db, "rita@example.org", "Rita Reviewer", "reviewer");
  ravi = await person(t.db, "ravi@example.org", "Ravi Reviewer", "reviewer");
  ed = await person(t.db, "ed@example.org", "Ed Editor", "editor");
  earlier = await checkedEarlier(t.db, rita, ed);
});
afterAll(async () => {
  await t.dispose();
});

const reviewOf = (claimId: string, reviewerId: string) =>
  t.db.review.findUnique({
    where: { claimId_reviewerId: { claimId, reviewerId } },
    select: { verdict: true, confidence: true, note: true, version: true, citations: { select: { stance: true, excerpt: true, accessedOn: true, source: { select: { url: true, title: true } } } } },
  });

describe("Start my review from this", () => {
  it("copies the verdict, note and citations into the viewer's review, and says so in the claim's history", async () => {
    const { statistic } = await importText(t.db, REPEATS);
    const reused = await reuseReview(t.db, { viewer: ravi, claimId: statistic.id, fromReviewId: earlier.reviewId, expectedVersion: null });
    expect(reused).toMatchObject({ version: 1, citations: 1, replaced: false });
    expect(await reviewOf(statistic.id, ravi.id)).toEqual({
      verdict: "accurate",
      confidence: null, // the viewer's own, never copied
      note: NOTE,
      version: 1,
      citations: [{ stance: "supports", excerpt: "149 agencies in 21 states", accessedOn: "2021-01-15", source: { url: SOURCE.url, title: SOURCE.title } }],
    });
    // The source is shared, not copied.
    expect(await t.db.source.count({ where: { url: SOURCE.url } })).toBe(1);

    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.reuse", entityId: statistic.id } });
    expect(event).toMatchObject({ entityType: "claim", actorId: ravi.id, before: null });
    expect(JSON.parse(event.after!)).toEqual({
      fromClaimId: earlier.statistic.id,
      fromClaimText: earlier.statistic.text,
      fromArticleSlug: earlier.slug,
      fromArticleTitle: "Sheriffs and the 287(g) program",
      fromReviewId: earlier.reviewId,
      approved: true,
      verdict: "accurate",
      citations: 1,
    });
    const detail = await getClaimDetail(t.db, { viewer: ravi, claimId: statistic.id });
    const summaries = detail.history.map((h) => h.summary);
    expect(summaries).toContain(`reused from claim “${earlier.statistic.text}” in “Sheriffs and the 287(g) program”: Accurate, note and 1 source`);
    expect(summaries).toContain("started a review: Accurate");
    expect(summaries).toContain(`cited ${SOURCE.title}`);
    expect(detail.state).toBe("reviewed");
  });

  it("never replaces a review with content unless the viewer confirms, then replaces its citations too", async () => {
    const { statistic } = await importText(t.db, REPEATS);
    const mine = await saveReview(t.db, { viewer: ravi, claimId: statistic.id, verdict: "false", confidence: "low", note: "My own note", expectedVersion: null });
    await addCitation(t.db, { viewer: ravi, claimId: statistic.id, url: "https://example.org/my-source", stance: "refutes" });
    const before = await reviewOf(statistic.id, ravi.id);

    await expect(reuseReview(t.db, { viewer: ravi, claimId: statistic.id, fromReviewId: earlier.reviewId, expectedVersion: mine.version })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: CONFIRM_REPLACE },
    });
    expect(await reviewOf(statistic.id, ravi.id)).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { action: "claim.reuse", entityId: statistic.id } })).toBe(0);

    const reused = await reuseReview(t.db, { viewer: ravi, claimId: statistic.id, fromReviewId: earlier.reviewId, expectedVersion: mine.version, replace: true });
    expect(reused).toMatchObject({ version: 2, replaced: true });
    const after = await reviewOf(statistic.id, ravi.id);
    expect(after).toMatchObject({ verdict: "accurate", confidence: "low", note: NOTE, version: 2 });
    expect(after!.citations.map((c) => c.source.url)).toEqual([SOURCE.url]);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.reuse", entityId: statistic.id } });
    expect(JSON.parse(event.before!)).toEqual({ verdict: "false", note: "My own note", citations: 1 });
  });

  it("a review saved meanwhile wins: a stale version copies nothing", async () => {
    const { statistic } = await importText(t.db, REPEATS);
    await saveReview(t.db, { viewer: ravi, claimId: statistic.id, verdict: "false", confidence: null, note: "v1", expectedVersion: null });
    await saveReview(t.db, { viewer: ravi, claimId: statistic.id, verdict: "false", confidence: null, note: "v2 from another tab", expectedVersion: 1 });
    await expect(reuseReview(t.db, { viewer: ravi, claimId: statistic.id, fromReviewId: earlier.reviewId, expectedVersion: 1, replace: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await reviewOf(statistic.id, ravi.id)).toMatchObject({ note: "v2 from another tab", version: 2, citations: [] });
  });

  it("refuses without the permission, on a locked claim, and from the claim's own review", async () => {
    const { statistic } = await importText(t.db, REPEATS);
    const input = { claimId: statistic.id, fromReviewId: earlier.reviewId, expectedVersion: null };
    await expect(reuseReview(t.db, { ...input, viewer: null as unknown as NonNullable<Viewer> })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(reuseReview(t.db, { ...input, viewer: { ...ravi, role: "reader" as "reviewer" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A claim cannot start from its own review.
    await expect(reuseReview(t.db, { viewer: ravi, claimId: earlier.statistic.id, fromReviewId: earlier.reviewId, expectedVersion: null })).rejects.toMatchObject({ code: "INVALID" });
    await t.db.claim.update({ where: { id: statistic.id }, data: { state: "approved" } });
    await expect(reuseReview(t.db, { ...input, viewer: ravi })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reuseReview(t.db, { ...input, viewer: ravi, fromReviewId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await reviewOf(statistic.id, ravi.id)).toBeNull();
  });
});
