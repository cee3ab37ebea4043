import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import { approveOwnVerdict } from "@/lib/desk/approve-own-verdict";
import { assignClaims } from "@/lib/desk/assign-claims";
import { assignedFirst } from "@/lib/desk/assigned-first";
import { getDisagreement, summarizeDisagreement } from "@/lib/desk/disagreement";
import { listDesk } from "@/lib/desk/list-desk";
import { listClaimsPage } from "@/lib/desk/list-claims-page";
import { listArticlesPage } from "@/lib/desk/list-articles-page";
import { reopenClaim } from "@/lib/review/reopen-claim";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { approveClaim } from "@/lib/review/approve-claim";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.
The police budget grew from $80 million to $95 million. Libraries lost 3% of their funding.

The city hired 40 new teachers in 2023, according to the school board.
`;

let t: ReturnType<typeof tempDatabase>;
let editor: NonNullable<Viewer>;
let rita: NonNullable<Viewer>;
let ravi: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function seed() {
  const slug = `harbor-${++articles}`;
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: `${slug}.md` });
  const claims = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true } });
  return { slug, articleId, claims: claims.map((c) => c.id) };
}

const review = (viewer: NonNullable<Viewer>, claimId: string, verdict: string | null) =>
  saveReview(t.db, { viewer, claimId, verdict: verdict as never, expectedVersion: null });

beforeAll(async () => {
  t = tempDatabase();
  editor = await person("eddie@example.org", "Eddie Editor", "editor");
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  ravi = await person("ravi@example.org", "Ravi Reviewer", "reviewer");
});
afterAll(async () => {
  await t.dispose();
});

describe("assigning claims", () => {
  it("assigns a selection to a reviewer and audits each claim", async () => {
    const { slug, articleId, claims } = await seed();
    expect(claims.length).toBeGreaterThanOrEqual(4);
    const outcome = await assignClaims(t.db, { viewer: editor, slug, assigneeId: rita.id, claimIds: claims.slice(0, 2) });
    expect(outcome).toEqual({ assigned: 2, unchanged: 0, assignee: { id: rita.id, name: "Rita Reviewer" } });
    const rows = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { assigneeId: true } });
    expect(rows.map((r) => r.assigneeId)).toEqual([rita.id, rita.id, ...rows.slice(2).map(() => null)]);
    const events = await t.db.auditEvent.findMany({ where: { articleId, action: "claim.assign" } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actorId === editor.id && JSON.parse(e.after!).assigneeId === rita.id)).toBe(true);

    // Assigning the same claims again changes nothing and records nothing.
    const again = await assignClaims(t.db, { viewer: editor, slug, assigneeId: rita.id, claimIds: claims.slice(0, 2) });
    expect(again).toMatchObject({ assigned: 0, unchanged: 2 });
    expect(await t.db.auditEvent.count({ where: { articleId, action: "claim.assign" } })).toBe(2);
  });

  it("gives all unassigned claims to one reviewer, leaving assigned, approved and dismissed ones alone", async () => {
    const { slug, articleId, claims } = await seed();
    await assignClaims(t.db, { viewer: editor, slug, assigneeId: rita.id, claimIds: [claims[0]!] });
    await dismissClaim(t.db, { viewer: editor, claimId: claims[1]!, reason: "Not a claim" });
    const saved = await review(rita, claims[2]!, "accurate");
    await approveClaim(t.db, { viewer: editor, claimId: claims[2]!, reviewId: saved.id });
    const outcome = await assignClaims(t.db, { viewer: editor, slug, assigneeId: ravi.id, allUnassigned: true });
    expect(outcome.assigned).toBe(claims.length - 3);
    const byId = new Map((await t.db.claim.findMany({ where: { articleId }, select: { id: true, assigneeId: true } })).map((c) => [c.id, c.assigneeId]));
    expect(byId.get(claims[0]!)).toBe(rita.id);
    expect(byId.get(claims[1]!)).toBeNull();
    expect(byId.get(claims[2]!)).toBeNull();
    expect(claims.slice(3).every((id) => byId.get(id) === ravi.id)).toBe(true);
  });

  it("unassigns with assigneeId null", async () => {
    const { slug, claims } = await seed();
    await assignClaims(t.db, { viewer: editor, slug, assigneeId: rita.id, claimIds: [claims[0]!] });
    expect(await assignClaims(t.db, { viewer: editor, slug, assigneeId: null, claimIds: [claims[0]!] })).toMatchObject({ assigned: 1, assignee: null });
  });

  it("is an editor's job, and refuses claims of another article, dismissed claims and an empty selection", async () => {
    const first = await seed();
    const second = await seed();
    await expect(assignClaims(t.db, { viewer: rita, slug: first.slug, assigneeId: rita.id, claimIds: [first.claims[0]!] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignClaims(t.db, { viewer: editor, slug: first.slug, assigneeId: rita.id, claimIds: [second.claims[0]!] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await dismissClaim(t.db, { viewer: editor, claimId: first.claims[0]!, reason: "Not a claim" });
    await expect(assignClaims(t.db, { viewer: editor, slug: first.slug, assigneeId: rita.id, claimIds: [first.claims[0]!] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(assignClaims(t.db, { viewer: editor, slug: first.slug, assigneeId: rita.id, claimIds: [] })).rejects.toThrow(/Select at least one claim/);
  });

  it("puts the viewer's assigned claims first, keeping reading order", () => {
    const claims = [
      { id: "a", assigneeId: null },
      { id: "b", assigneeId: "me" },
      { id: "c", assigneeId: "other" },
      { id: "d", assigneeId: "me" },
    ];
    expect(assignedFirst(claims, "me").map((c) => c.id)).toEqual(["b", "d", "a", "c"]);
    expect(assignedFirst(claims, "nobody").map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("the desk", () => {
  it("counts claims per state, names who works on each article and its last activity", async () => {
    const { slug, claims } = await seed();
    await assignClaims(t.db, { viewer: editor, slug, assigneeId: ravi.id, claimIds: [claims[3]!] });
    await review(rita, claims[0]!, "accurate");
    await review(ravi, claims[0]!, "false");
    await review(rita, claims[1]!, null); // started, no verdict: in review
    const approved = await review(rita, claims[2]!, "misleading");
    await approveClaim(t.db, { viewer: editor, claimId: claims[2]!, reviewId: approved.id });
    await dismissClaim(t.db, { viewer: editor, claimId: claims[4]!, reason: "A caption" });

    const desk = await listDesk(t.db);
    const row = desk.find((a) => a.slug === slug)!;
    expect(row.status).toBe("draft");
    expect(row.progress).toEqual({
      open: claims.length - 4,
      in_review: 1,
      reviewed: 1,
      approved: 1,
      dismissed: 1,
      orphaned: 0,
      total: claims.length,
    });
    expect(row.people).toEqual([
      { id: rita.id, name: "Rita Reviewer", reviews: 3, assigned: 0 },
      { id: ravi.id, name: "Ravi Reviewer", reviews: 1, assigned: 1 },
    ]);
    const lastEvent = await t.db.auditEvent.findFirst({ where: { action: "claim.dismiss", entityId: claims[4]! }, orderBy: { createdAt: "desc" } });
    expect(row.lastActivity).toEqual(lastEvent!.createdAt);
  });
});

describe("the disagreement table", () => {
  it("sets verdicts side by side, flags disagreement and single reviews, and computes alpha", async () => {
    const { slug, claims } = await seed();
    await review(rita, claims[0]!, "accurate");
    await review(ravi, claims[0]!, "false");
    await review(rita, claims[1]!, "misleading");
    await review(ravi, claims[1]!, "misleading");
    await review(rita, claims[2]!, "mostly_accurate");
    await review(ravi, claims[3]!, "opinion");
    await review(rita, claims[3]!, "accurate");

    const table = await getDisagreement(t.db, { slug });
    expect(table.reviewers.map((r) => r.name)).toEqual(["Ravi Reviewer", "Rita Reviewer"]);
    const [first, second, third, fourth] = table.rows;
    expect(first!.cells[rita.id]!.verdict).toBe("accurate");
    expect(first!.cells[ravi.id]!.verdict).toBe("false");
    expect(first).toMatchObject({ disagreement: true, singleReview: false });
    expect(second).toMatchObject({ disagreement: false, singleReview: false, verdicts: 2 });
    expect(third).toMatchObject({ disagreement: false, singleReview: true });
    expect(fourth).toMatchObject({ disagreement: true }); // Opinion vs Accurate is a disagreement, but not rated
    // Rated pairs: (5, 1) and (2, 2); Opinion is left out, so claim 4 is not pairable. By hand:
    // n = 4, marginals 1:1, 2:2, 5:1; δ²(1,5) = 9, δ²(1,2) = δ²(2,5) = 2.25; α = 1 - 3·18/36.
    expect(table.alpha).toBeCloseTo(-0.5, 10);
    expect(table.pairs).toEqual([{ a: { id: ravi.id, name: "Ravi Reviewer" }, b: { id: rita.id, name: "Rita Reviewer" }, claims: 2, alpha: table.alpha }]);
  });

  it("gives null alpha when nothing is pairable", () => {
    const summary = summarizeDisagreement([
      {
        id: "c1",
        position: 0,
        kind: "factual",
        text: "x",
        state: "reviewed",
        assignee: null,
        approvedReviewId: null,
        reviews: [{ reviewId: "r1", verdict: "accurate", confidence: null, note: "", version: 1, reviewer: { id: "u1", name: "A" } }],
      },
    ]);
    expect(summary.alpha).toBeNull();
    expect(summary.pairs).toEqual([]);
    expect(summary.rows[0]!.singleReview).toBe(true);
  });

  it("lets an editor approve a verdict of their own and reopen it with a reason", async () => {
    const { claims, articleId } = await seed();
    await review(rita, claims[0]!, "accurate");
    const approved = await approveOwnVerdict(t.db, { viewer: editor, claimId: claims[0]!, verdict: "missing_context", note: "Leaves out inflation." });
    expect(approved).toMatchObject({ state: "approved", verdict: "missing_context", approvedById: editor.id });
    const mine = await t.db.review.findUnique({ where: { claimId_reviewerId: { claimId: claims[0]!, reviewerId: editor.id } } });
    expect(approved.approvedReviewId).toBe(mine!.id);
    await expect(approveOwnVerdict(t.db, { viewer: rita, claimId: claims[0]!, verdict: "false" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await expect(reopenClaim(t.db, { viewer: editor, claimId: claims[0]!, reason: "" })).rejects.toBeInstanceOf(Error);
    const reopened = await reopenClaim(t.db, { viewer: editor, claimId: claims[0]!, reason: "New figures from the council" });
    expect(reopened.state).toBe("reviewed");
    const event = await t.db.auditEvent.findFirst({ where: { articleId, action: "claim.reopen" } });
    expect(JSON.parse(event!.after!)).toEqual({ state: "reviewed", reason: "New figures from the council" });
    expect(JSON.parse(event!.before!)).toEqual({ state: "approved", approvedReviewId: mine!.id });
    // An editor's second own verdict updates their review (at its current version) and approves it.
    const again = await approveOwnVerdict(t.db, { viewer: editor, claimId: claims[0]!, verdict: "accurate" });
    expect(again.approvedReviewId).toBe(mine!.id);
  });
});

describe("the JSON API lists", () => {
  it("pages articles and claims, refusing a page size over 100", async () => {
    const { slug, claims } = await seed();
    const page = await listArticlesPage(t.db, { page: "1", pageSize: "2" });
    expect(page).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.totalPages).toBe(Math.ceil(page.total / 2));
    await expect(listArticlesPage(t.db, { pageSize: "101" })).rejects.toThrow(/at most 100/);

    await review(rita, claims[1]!, "accurate");
    const first = await listClaimsPage(t.db, { slug, page: 1, pageSize: 2 });
    expect(first.total).toBe(claims.length);
    expect(first.data.map((c) => c.id)).toEqual(claims.slice(0, 2));
    expect(first.data[1]!.reviews[0]).toMatchObject({ reviewer: "Rita Reviewer", verdict: "accurate", verdictLabel: "Accurate", rating: 5, citations: [] });
    await expect(listClaimsPage(t.db, { slug: "no-such-article" })).rejects.toBeInstanceOf(AppError);
  });
});
