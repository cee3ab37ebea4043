import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { addCitation } from "@/lib/review/add-citation";
import { changeClaimKind } from "@/lib/review/change-claim-kind";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { getWorkbench } from "@/lib/review/get-workbench";
import { mergeClaims } from "@/lib/review/merge-claims";
import { removeCitation } from "@/lib/review/remove-citation";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.

The mayor said the plan **cut waiting times** by half, and the police budget grew from $9.2 million to $10.1 million.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;

async function person(email: string, name: string | null, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", null, "reviewer");
});
afterAll(async () => {
  await t.dispose();
});

describe("getWorkbench", () => {
  it("is null for an unknown article", async () => {
    expect(await getWorkbench(t.db, { viewer: rita, slug: "no-such-article" })).toBeNull();
  });

  it("gives the article, its latest revision, the claims in order with reviews, citations, history and progress", async () => {
    const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: "harbor-city.md" });
    const claims = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
    const [budget, parks, mayor] = claims as [(typeof claims)[number], (typeof claims)[number], (typeof claims)[number]];

    await saveReview(t.db, { viewer: rita, claimId: budget.id, verdict: "accurate", confidence: "high", note: "See the **minutes**.", expectedVersion: null });
    await saveReview(t.db, { viewer: omar, claimId: budget.id, verdict: "missing_context", confidence: "low", note: "Excludes capital spending.", expectedVersion: null });
    await addCitation(t.db, { viewer: rita, claimId: budget.id, url: "https://harborcity.gov/minutes", title: "Council minutes", excerpt: "Adopted 6-3.", stance: "supports", accessedOn: "2024-06-10" });
    const dropped = await addCitation(t.db, { viewer: rita, claimId: budget.id, url: "https://example.org/old", title: "Old story", stance: "context" });
    await removeCitation(t.db, { viewer: rita, citationId: dropped.id });
    await changeClaimKind(t.db, { viewer: rita, claimId: parks.id, kind: "factual" });
    await dismissClaim(t.db, { viewer: rita, claimId: mayor.id, reason: "Quote of an opinion" });

    const bench = await getWorkbench(t.db, { viewer: rita, slug: "harbor-city" });
    expect(bench).not.toBeNull();
    const { article, revision, claims: shown, progress } = bench!;
    expect(article).toEqual({ id: articleId, slug: "harbor-city", title: "Harbor City budget", status: "draft" });
    expect(revision).toMatchObject({ number: 1, text: ARTICLE });
    expect(shown.map((c) => c.id)).toEqual(claims.map((c) => c.id));
    expect(progress).toEqual({ reviewed: 1, total: claims.length - 1 });

    const first = shown[0]!;
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(first.quantities[0]).toMatchObject({ raw: "$412 million", unit: "USD" });
    expect(first.state).toBe("reviewed");
    expect(first.reviews.map((r) => r.reviewer.name)).toEqual(["Rita Reviewer", "omar@example.org"]);
    expect(first.viewerReviewId).toBe(first.reviews[0]!.id);
    expect(first.reviews[0]!.citations).toEqual([
      expect.objectContaining({ excerpt: "Adopted 6-3.", stance: "supports", accessedOn: "2024-06-10", source: expect.objectContaining({ url: "https://harborcity.gov/minutes", title: "Council minutes" }) }),
    ]);

    expect(first.history.map((h) => [h.action, h.actorName])).toEqual([
      ["review.save", "Rita Reviewer"],
      ["review.save", "omar@example.org"],
      ["citation.add", "Rita Reviewer"],
      ["citation.add", "Rita Reviewer"],
      ["citation.remove", "Rita Reviewer"],
    ]);
    expect(first.history[0]!.after).toMatchObject({ verdict: "accurate", version: 1 });
    expect(first.history.map((h) => h.summary)).toEqual([
      "started a review: Accurate",
      "started a review: Missing context",
      "cited Council minutes",
      "cited Old story",
      "removed the citation of Old story",
    ]);
    expect(shown[1]!.history.map((h) => h.summary)).toEqual([expect.stringMatching(/^changed the kind from .+ to Factual$/)]);
    expect(shown[2]).toMatchObject({ state: "dismissed", dismissReason: "Quote of an opinion" });
    expect(shown[2]!.history[0]!.summary).toBe("dismissed the claim: Quote of an opinion");

    // Omar sees the same reviews, with his own review marked as his.
    const asOmar = await getWorkbench(t.db, { viewer: omar, slug: "harbor-city" });
    expect(asOmar!.claims[0]!.viewerReviewId).toBe(first.reviews[1]!.id);
  });

  it("reads a claim's history by its claim alone: the same as the whole workbench's, without the events of others that name it", async () => {
    const { articleId } = await importArticle(t.db, { text: "# Port authority\n\nThe port moved 4.1 million containers in 2023. Its budget rose 8% to $310 million.\n\nThe harbour employs 2,400 people.\n", fileName: "port.md" });
    const { slug } = await t.db.article.findUniqueOrThrow({ where: { id: articleId } });
    const [a, b, c] = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
    await saveReview(t.db, { viewer: rita, claimId: a!.id, verdict: "accurate", confidence: "high", note: "Annual report.", expectedVersion: null });
    await saveReview(t.db, { viewer: rita, claimId: b!.id, verdict: "false", confidence: "low", note: `Compare claim ${a!.id}.`, expectedVersion: null });
    await addCitation(t.db, { viewer: rita, claimId: b!.id, url: "https://example.org/port", title: "Port figures" });
    // The merge writes one event on each claim, each naming the other in its snapshot.
    await mergeClaims(t.db, { viewer: { ...rita, role: "editor" }, firstId: a!.id, secondId: b!.id });
    await dismissClaim(t.db, { viewer: rita, claimId: c!.id, reason: "Not checkable" });

    const whole = await getWorkbench(t.db, { viewer: rita, slug });
    const ofA = await getWorkbench(t.db, { viewer: rita, slug, claimIds: [a!.id] });
    const ofB = await getWorkbench(t.db, { viewer: rita, slug, claimIds: [b!.id] });
    expect(ofA!.claims[0]!.history).toEqual(whole!.claims.find((x) => x.id === a!.id)!.history);
    expect(ofB!.claims[0]!.history).toEqual(whole!.claims.find((x) => x.id === b!.id)!.history);
    expect(ofA!.claims[0]!.history.map((h) => h.summary)).toEqual(["started a review: Accurate", "merged the next claim into this one"]);
    expect(ofB!.claims[0]!.history.map((h) => h.summary)).toEqual(["started a review: False", "cited Port figures", "merged this claim into the one before it"]);
    // Every event of the claims has its claim in the column the read uses.
    const events = await t.db.auditEvent.findMany({ where: { articleId, entityType: { in: ["claim", "review", "citation"] } }, select: { claimId: true } });
    expect(events.map((e) => e.claimId).sort()).toEqual([a!.id, a!.id, b!.id, b!.id, b!.id, c!.id].sort());
  });
});
