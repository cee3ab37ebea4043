/**
 * The save's answer (issue 13): what getClaimAfterSave reads in one statement, put into the claim
 * the workbench shows (saved-review.ts), must give what loading the claim's whole detail again
 * gives, in everything a save can change: the reviews, the viewer's review, the state, the history,
 * and the claim's list line.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toClaimView, toSavedReviewAnswer } from "@/app/articles/[slug]/review/claim-view";
import { entryWithSavedReview, withSavedReview } from "@/app/articles/[slug]/review/saved-review";
import type { WorkbenchClaim } from "@/app/articles/[slug]/review/types";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import type { Role } from "@/lib/domain/vocabulary";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { addCitation } from "@/lib/review/add-citation";
import { getClaimAfterSave, getClaimDetail } from "@/lib/review/get-claim-detail";
import { getClaimList } from "@/lib/review/get-claim-list";
import { saveReview } from "@/lib/review/save-review";
import type { SaveReviewInput } from "@/lib/review/schemas";
import { onPostgres } from "../../support/postgres";
import { tempDatabase } from "../../support/temp-database";

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let eve: NonNullable<Viewer>;
let slug: string;
let claimId: string;

async function person(email: string, name: string | null, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", null, "reviewer");
  eve = await person("eve@example.org", "Eve Editor", "editor");
  const { articleId } = await importArticle(t.db, { text: "# Dock budget\n\nThe dock authority spent $41 million in 2023, up 9% from 2022.\n", fileName: "dock.md" });
  slug = (await t.db.article.findUniqueOrThrow({ where: { id: articleId } })).slug;
  claimId = (await t.db.claim.findFirstOrThrow({ where: { articleId } })).id;
});
afterAll(async () => {
  await t.dispose();
});

/** The claim as the workbench shows it, loaded whole. */
const shown = async (viewer: NonNullable<Viewer>) => toClaimView(await getClaimDetail(t.db, { viewer, claimId }), viewer.id);
/** What a save can change, in the view: number checks and matches come only with a full load. */
const changeable = (view: WorkbenchClaim) => ({ state: view.state, reviews: view.reviews, myReview: view.myReview, history: view.history });
const listLine = async (viewer: NonNullable<Viewer>) => (await getClaimList(t.db, { viewer, slug }))!.claims.find((c) => c.id === claimId)!;

/** Saves as the action does, and checks the answer against a full load and the list. */
async function saveAndCompare(viewer: NonNullable<Viewer>, input: Omit<SaveReviewInput, "claimId">) {
  const before = await shown(viewer);
  const lineBefore = await listLine(viewer);
  const saved = await saveReview(t.db, { viewer, claimId, ...input });
  const answer = toSavedReviewAnswer(await getClaimAfterSave(t.db, { viewer, claimId, saved, expectedVersion: input.expectedVersion }));
  // Through JSON, as the action's answer reaches the browser.
  const wire = JSON.parse(JSON.stringify(answer)) as typeof answer;
  expect(changeable(withSavedReview(before, wire, viewer.id))).toEqual(changeable(await shown(viewer)));
  expect(entryWithSavedReview(lineBefore, wire, viewer.id)).toEqual(await listLine(viewer));
  return { saved, answer };
}

describe("a save's answer", () => {
  it("gives what a full load of the claim gives: a new review, an update, someone else's, an editor's edit, and a save that changed nothing", async () => {
    const first = await saveAndCompare(rita, { verdict: "accurate", confidence: "high", note: "The **annual report**, p. 4.", expectedVersion: null });
    expect(first.answer.event).toMatchObject({ action: "review.save", actorName: "Rita Reviewer", summary: "started a review: Accurate" });
    expect(first.answer.claim.state).toBe("reviewed");

    // A citation the save does not touch stays with the review.
    await addCitation(t.db, { viewer: rita, claimId, url: "https://dock.example/report", title: "Annual report", stance: "supports" });
    await saveAndCompare(omar, { verdict: "missing_context", confidence: null, note: "Excludes leases.", expectedVersion: null });
    const second = await saveAndCompare(rita, { verdict: "mostly_accurate", confidence: "medium", note: "Rounded: $40.8 million.", expectedVersion: first.saved.version });
    expect(second.answer.event?.summary).toBe("saved a review (version 2): Mostly accurate");
    expect((await shown(rita)).myReview?.citations).toHaveLength(1);

    // An editor edits Rita's review: the review stays Rita's, the history names Eve.
    const rivals = await t.db.review.findFirstOrThrow({ where: { claimId, reviewerId: rita.id } });
    const edited = await saveAndCompare(eve, { reviewId: rivals.id, verdict: "accurate", confidence: "high", note: "Corrected by the desk.", expectedVersion: second.saved.version });
    expect(edited.answer.review).toMatchObject({ reviewerId: rita.id, reviewerName: "Rita Reviewer" });
    expect(edited.answer.event).toMatchObject({ actorName: "Eve Editor" });

    const unchanged = await saveAndCompare(omar, { verdict: "missing_context", confidence: null, note: "Excludes leases.", expectedVersion: 1 });
    expect(unchanged.answer.event).toBeNull();
    expect(unchanged.answer.review.version).toBe(1);
  });

  // The statement count is SQLite's (Prisma's query log there); the SQL is the same on PostgreSQL.
  it.skipIf(onPostgres)("is read in one statement", async () => {
    const logged = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: t.url }), log: [{ emit: "event", level: "query" }] });
    const statements: string[] = [];
    logged.$on("query", (event) => statements.push(event.query));
    try {
      const saved = await saveReview(t.db, { viewer: omar, claimId, verdict: "false", confidence: "low", note: "Leases are 12%.", expectedVersion: 1 });
      statements.length = 0;
      const after = await getClaimAfterSave(logged as unknown as Database, { viewer: omar, claimId, saved, expectedVersion: 1 });
      expect(statements).toHaveLength(1);
      expect(after.event?.summary).toBe("saved a review (version 2): False");
    } finally {
      await logged.$disconnect();
    }
  });
});
