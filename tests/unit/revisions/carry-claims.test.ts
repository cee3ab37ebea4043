import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { getWorkbench } from "@/lib/review/get-workbench";
import { saveReview } from "@/lib/review/save-review";
import { reattachClaim } from "@/lib/revisions/reattach-claim";
import { revisionNotice } from "@/lib/revisions/revision-notice";
import { tempDatabase } from "../../support/temp-database";

// The seed article, then a revision with one number changed, one sentence deleted and one added.
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
const DELETED = "These same officials made false claims of discrimination associated with the program.";
const ADDED = "In FY 2021, ICE signed 12 new 287(g) agreements with county sheriffs.";
const edited = seed
  .replace("from 36 to 149", "from 36 to 150")
  .replace(` ${DELETED}`, "")
  .replace("The incoming Biden administration", `${ADDED}\n\nThe incoming Biden administration`);

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let eddie: NonNullable<Viewer>;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

const claimsOf = (slug: string) =>
  t.db.claim.findMany({
    where: { article: { slug } },
    orderBy: { position: "asc" },
    include: { revision: { select: { number: true, text: true } }, reviews: { include: { citations: true } } },
  });

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  eddie = await person("eddie@example.org", "Eddie Editor", "editor");
});
afterAll(async () => {
  await t.dispose();
});

describe("importing a revision re-anchors the claims", () => {
  const slug = "ice-287g";
  let before: Awaited<ReturnType<typeof claimsOf>>;
  let numberClaimId: string;
  let deletedClaimId: string;

  it("keeps reviews on a changed claim and an orphaned one, moves the rest, adds new sentences", async () => {
    await importArticle(t.db, { text: seed, fileName: "seed.md", slug });
    before = await claimsOf(slug);
    const numberClaim = before.find((c) => c.text.includes("from 36 to 149"))!;
    const deletedClaim = before.find((c) => c.text === DELETED)!;
    expect(numberClaim).toBeDefined();
    expect(deletedClaim).toBeDefined();
    numberClaimId = numberClaim.id;
    deletedClaimId = deletedClaim.id;
    await saveReview(t.db, { viewer: rita, claimId: numberClaimId, verdict: "accurate", confidence: "high", note: "ICE's FY2020 report.", expectedVersion: null });
    await saveReview(t.db, { viewer: rita, claimId: deletedClaimId, verdict: "unsupported", confidence: "medium", note: "No source given.", expectedVersion: null });
    await addCitation(t.db, { viewer: rita, claimId: deletedClaimId, url: "https://example.org/sheriffs", title: "Sheriffs' statement", stance: "context" });

    const outcome = await importArticle(t.db, { text: edited, fileName: "seed.md", slug });
    expect(outcome).toMatchObject({ status: "revised", revisionNumber: 2 });
    const { reanchored } = outcome;
    expect(reanchored).toMatchObject({ exact: before.length - 2, changed: 1, orphaned: 1, restored: 0 });
    expect(reanchored!.added).toBeGreaterThanOrEqual(1);
    expect(outcome.claimCount).toBe(before.length - 1 + reanchored!.added);

    const after = await claimsOf(slug);
    // Nothing dropped: every claim of revision 1 is still there, plus the new ones.
    expect(after).toHaveLength(before.length + reanchored!.added);
    expect(after.map((c) => c.id)).toEqual(expect.arrayContaining(before.map((c) => c.id)));

    const changed = after.find((c) => c.id === numberClaimId)!;
    expect(changed).toMatchObject({ anchorStatus: "changed", previousText: numberClaim.text, state: "in_review" });
    expect(changed.revision.number).toBe(2);
    expect(changed.text).toContain("from 36 to 150");
    expect(changed.revision.text.slice(changed.sourceStart, changed.sourceEnd)).toBe(changed.quoteExact);
    expect(changed.reviews).toEqual([expect.objectContaining({ reviewerId: rita.id, verdict: "accurate", note: "ICE's FY2020 report.", version: 1 })]);

    const orphan = after.find((c) => c.id === deletedClaimId)!;
    expect(orphan).toMatchObject({ state: "orphaned", stateBeforeOrphan: "reviewed", anchorStatus: "orphaned", text: DELETED, sourceStart: deletedClaim.sourceStart });
    expect(orphan.revision.number).toBe(1);
    expect(orphan.reviews).toHaveLength(1);
    expect(orphan.reviews[0]).toMatchObject({ verdict: "unsupported", note: "No source given." });
    expect(orphan.reviews[0]!.citations).toHaveLength(1);

    for (const old of before.filter((c) => c.id !== numberClaimId && c.id !== deletedClaimId)) {
      const now = after.find((c) => c.id === old.id)!;
      expect(now).toMatchObject({ anchorStatus: "exact", text: old.text, state: "open", previousText: null });
      expect(now.revision.number).toBe(2);
      expect(now.revision.text.slice(now.sourceStart, now.sourceEnd)).toBe(old.quoteExact);
    }

    const fresh = after.filter((c) => !before.some((b) => b.id === c.id));
    expect(fresh.map((c) => c.text)).toContain(ADDED);
    for (const c of fresh) expect(c).toMatchObject({ origin: "extracted", state: "open", anchorStatus: "exact" });

    // Reading order on revision 2, and revision 1 untouched.
    const onTwo = after.filter((c) => c.revision.number === 2);
    expect(onTwo.map((c) => c.position)).toEqual(onTwo.map((_, i) => i));
    expect([...onTwo].sort((a, b) => a.sourceStart - b.sourceStart).map((c) => c.id)).toEqual(onTwo.map((c) => c.id));
    const revisions = await t.db.revision.findMany({ where: { article: { slug } }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.text)).toEqual([seed, edited]);
  });

  it("records every claim's span on both revisions and audits the moves", async () => {
    const [one, two] = await t.db.revision.findMany({ where: { article: { slug } }, orderBy: { number: "asc" }, include: { claimAnchors: true } });
    expect(one!.claimAnchors).toHaveLength(before.length);
    const orphanRow = two!.claimAnchors.find((a) => a.claimId === deletedClaimId);
    expect(orphanRow).toMatchObject({ status: "orphaned", sourceStart: null });
    expect(two!.claimAnchors.find((a) => a.claimId === numberClaimId)).toMatchObject({ status: "changed" });
    expect(two!.claimAnchors.filter((a) => a.status !== "orphaned")).toHaveLength(await t.db.claim.count({ where: { revisionId: two!.id } }));

    const events = await t.db.auditEvent.findMany({ where: { articleId: one!.articleId, entityType: "claim" } });
    expect(events.filter((e) => e.action === "claim.reanchor")).toHaveLength(before.length - 1);
    const reanchor = events.find((e) => e.action === "claim.reanchor" && e.entityId === numberClaimId)!;
    expect(JSON.parse(reanchor.before!)).toMatchObject({ revisionId: one!.id, state: "reviewed" });
    expect(JSON.parse(reanchor.after!)).toMatchObject({ revisionId: two!.id, status: "changed", state: "in_review" });
    const orphaned = events.filter((e) => e.action === "claim.orphaned");
    expect(orphaned.map((e) => e.entityId)).toEqual([deletedClaimId]);
  });

  it("shows the orphan and the changed text in the workbench, and tells readers the text changed after the check", async () => {
    const bench = (await getWorkbench(t.db, { viewer: eddie, slug }))!;
    const orphan = bench.claims.find((c) => c.id === deletedClaimId)!;
    expect(orphan).toMatchObject({ state: "orphaned", revisionNumber: 1, stateBeforeOrphan: "reviewed" });
    expect(orphan.reviews[0]).toMatchObject({ verdict: "unsupported" });
    const changed = bench.claims.find((c) => c.id === numberClaimId)!;
    expect(changed).toMatchObject({ anchorStatus: "changed", revisionNumber: 2, previousRevisionNumber: 1 });
    expect(changed.previousText).toContain("from 36 to 149");

    const notice = await revisionNotice(t.db, bench.article.id);
    expect(notice.changedAfterCheck).toBe(true);
    expect(notice.latestRevisionAt!.getTime()).toBeGreaterThan(notice.lastCheckedAt!.getTime());
  });

  it("re-attaches the orphan to selected text, restoring its state and dismissing the unreviewed duplicate", async () => {
    const two = await t.db.revision.findFirstOrThrow({ where: { article: { slug }, number: 2 } });
    const duplicate = await t.db.claim.findFirstOrThrow({ where: { revisionId: two.id, text: ADDED } });
    await expect(
      reattachClaim(t.db, { viewer: eddie, claimId: numberClaimId, revisionId: two.id, sourceStart: duplicate.sourceStart, sourceEnd: duplicate.sourceEnd }),
    ).rejects.toThrow(/not orphaned/);

    const reattached = await reattachClaim(t.db, { viewer: eddie, claimId: deletedClaimId, revisionId: two.id, sourceStart: duplicate.sourceStart - 2, sourceEnd: duplicate.sourceEnd + 1 });
    expect(reattached).toMatchObject({ state: "reviewed", revisionId: two.id, sourceStart: duplicate.sourceStart, sourceEnd: duplicate.sourceEnd, text: ADDED });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: deletedClaimId }, include: { reviews: true, anchors: true } });
    expect(claim).toMatchObject({ stateBeforeOrphan: null, anchorStatus: "changed", previousText: DELETED });
    expect(claim.reviews).toHaveLength(1);
    expect(claim.anchors.find((a) => a.revisionId === two.id)).toMatchObject({ status: "changed", sourceStart: duplicate.sourceStart });
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ state: "dismissed", dismissReason: "duplicate of a re-attached claim" });
    const onTwo = await t.db.claim.findMany({ where: { revisionId: two.id }, orderBy: { position: "asc" } });
    expect(onTwo.map((c) => c.position)).toEqual(onTwo.map((_, i) => i));
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.reattach", entityId: deletedClaimId } });
    expect(JSON.parse(event.after!)).toMatchObject({ state: "reviewed", revisionNumber: 2 });
  });
});

describe("re-anchoring across several revisions", () => {
  it("brings an orphan back when a later revision restores its sentence", async () => {
    const slug = "ice-restored";
    await importArticle(t.db, { text: seed, fileName: "seed.md", slug });
    const deleted = await t.db.claim.findFirstOrThrow({ where: { article: { slug }, text: DELETED } });
    await saveReview(t.db, { viewer: rita, claimId: deleted.id, verdict: "false", confidence: "low", note: "", expectedVersion: null });
    await importArticle(t.db, { text: seed.replace(` ${DELETED}`, ""), fileName: "seed.md", slug });
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: deleted.id } })).toMatchObject({ state: "orphaned" });

    const third = await importArticle(t.db, { text: `${seed}\nUpdated on 2021-01-05.\n`, fileName: "seed.md", slug });
    expect(third.reanchored).toMatchObject({ restored: 1, orphaned: 0 });
    const back = await t.db.claim.findUniqueOrThrow({ where: { id: deleted.id }, include: { revision: true, reviews: true } });
    expect(back).toMatchObject({ state: "reviewed", anchorStatus: "exact", stateBeforeOrphan: null });
    expect(back.revision.number).toBe(3);
    expect(back.reviews).toHaveLength(1);
    // The sentence is the orphan come back, not a new claim beside it.
    expect(await t.db.claim.count({ where: { article: { slug }, text: DELETED } })).toBe(1);
  });

  it("sends an approved claim whose words changed back to review, clearing the approval but keeping the reviews", async () => {
    const slug = "ice-approved";
    await importArticle(t.db, { text: seed, fileName: "seed.md", slug });
    const claim = await t.db.claim.findFirstOrThrow({ where: { article: { slug }, text: { contains: "from 36 to 149" } } });
    const review = await saveReview(t.db, { viewer: rita, claimId: claim.id, verdict: "accurate", confidence: "high", note: "", expectedVersion: null });
    await approveClaim(t.db, { viewer: eddie, claimId: claim.id, reviewId: review.id });
    await importArticle(t.db, { text: edited, fileName: "seed.md", slug });
    const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { reviews: true } });
    expect(after).toMatchObject({ state: "in_review", approvedReviewId: null, anchorStatus: "changed" });
    expect(after.reviews).toEqual([expect.objectContaining({ id: review.id, verdict: "accurate" })]);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.reanchor", entityId: claim.id } });
    expect(JSON.parse(event.before!)).toMatchObject({ state: "approved", approvedReviewId: review.id });
  });
});
