import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { addCitation } from "@/lib/review/add-citation";
import { approveClaim } from "@/lib/review/approve-claim";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { saveReview } from "@/lib/review/save-review";
import { splitClaim } from "@/lib/review/split-claim";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.

The mayor said the plan **cut waiting times** by half, and the police budget grew from $9.2 million to $10.1 million.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let edna: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

/** A fresh copy of the article (its own slug), so every test starts from open claims. */
async function seedClaims() {
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: `harbor-${++articles}.md` });
  return t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", "Omar Other", "reviewer");
  edna = await person("edna@example.org", "Edna Editor", "editor");
});
afterAll(async () => {
  await t.dispose();
});

describe("saveReview", () => {
  it("creates the viewer's review at version 1, then updates it only from the version read", async () => {
    const [claim] = await seedClaims();
    const created = await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: null, confidence: null, note: "Checking the minutes.", expectedVersion: null });
    expect(created).toMatchObject({ version: 1, verdict: null, note: "Checking the minutes." });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim!.id } })).state).toBe("in_review");

    const updated = await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "accurate", confidence: "high", note: "Matches the minutes.", expectedVersion: 1 });
    expect(updated).toMatchObject({ id: created.id, version: 2, verdict: "accurate", confidence: "high" });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim!.id } })).state).toBe("reviewed");

    const events = await t.db.auditEvent.findMany({ where: { entityType: "review", entityId: created.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.action)).toEqual(["review.save", "review.save"]);
    expect(events[0]?.before).toBeNull();
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ claimId: claim!.id, verdict: null, version: 1 });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ verdict: "accurate", version: 2, note: "Matches the minutes." });
    expect(events[1]?.actorId).toBe(rita.id);
  });

  it("refuses a stale version with both versions in the details, and overwrites nothing", async () => {
    const [claim] = await seedClaims();
    await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "false", confidence: "low", note: "First tab.", expectedVersion: null });
    await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "misleading", confidence: "medium", note: "Second tab.", expectedVersion: 1 });

    const error = await thrown(
      saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "accurate", confidence: "high", note: "Stale tab.", expectedVersion: 1 }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/Someone else saved this review first/);
    expect(error.details).toMatchObject({
      yours: { verdict: "accurate", confidence: "high", note: "Stale tab." },
      theirs: { verdict: "misleading", confidence: "medium", note: "Second tab.", version: 2, reviewerName: "Rita Reviewer" },
    });
    const stored = await t.db.review.findFirstOrThrow({ where: { claimId: claim!.id } });
    expect(stored).toMatchObject({ verdict: "misleading", note: "Second tab.", version: 2 });
    expect(await t.db.auditEvent.count({ where: { entityId: stored.id } })).toBe(2);
  });

  it("treats a first save when a review already exists as a conflict too", async () => {
    const [claim] = await seedClaims();
    await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "opinion", confidence: null, note: "Other window.", expectedVersion: null });
    const error = await thrown(saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "accurate", confidence: null, note: "", expectedVersion: null }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toMatchObject({ theirs: { note: "Other window.", version: 1 } });
  });

  it("lets a reviewer edit only their own review; an editor may edit any", async () => {
    const [claim] = await seedClaims();
    const omars = await saveReview(t.db, { viewer: omar, claimId: claim!.id, verdict: "accurate", confidence: "high", note: "Omar's.", expectedVersion: null });

    const error = await thrown(
      saveReview(t.db, { viewer: rita, claimId: claim!.id, reviewId: omars.id, verdict: "false", confidence: "high", note: "Rita's.", expectedVersion: 1 }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(await t.db.review.findUniqueOrThrow({ where: { id: omars.id } })).toMatchObject({ note: "Omar's.", version: 1, verdict: "accurate" });

    // Without reviewId a reviewer writes their own, separate review.
    const ritas = await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "false", confidence: null, note: "Rita's.", expectedVersion: null });
    expect(ritas.id).not.toBe(omars.id);

    const edited = await saveReview(t.db, { viewer: edna, claimId: claim!.id, reviewId: omars.id, verdict: "accurate", confidence: "high", note: "Omar's, typo fixed.", expectedVersion: 1 });
    expect(edited).toMatchObject({ id: omars.id, version: 2 });
    expect((await t.db.review.findUniqueOrThrow({ where: { id: omars.id } })).reviewerId).toBe(omar.id);
  });

  it("refuses notes over 20,000 characters with a readable message", async () => {
    const [claim] = await seedClaims();
    await expect(
      saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: null, confidence: null, note: "x".repeat(20_001), expectedVersion: null }),
    ).rejects.toThrow(/note is longer than 20,000 characters/);
    expect(await t.db.review.count({ where: { claimId: claim!.id } })).toBe(0);
  });

  it("refuses review edits on a dismissed claim until it is restored", async () => {
    const [claim] = await seedClaims();
    await dismissClaim(t.db, { viewer: rita, claimId: claim!.id, reason: "A heading, not a claim" });
    const error = await thrown(saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "accurate", confidence: null, note: "", expectedVersion: null }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/restore the claim first/);
  });
});

describe("approveClaim", () => {
  it("refuses a review of another claim and a review without a verdict", async () => {
    const [first, second] = await seedClaims();
    const elsewhere = await saveReview(t.db, { viewer: rita, claimId: second!.id, verdict: "accurate", confidence: null, note: "", expectedVersion: null });
    expect((await thrown(approveClaim(t.db, { viewer: edna, claimId: first!.id, reviewId: elsewhere.id }))).code).toBe("BAD_INPUT");

    const undecided = await saveReview(t.db, { viewer: rita, claimId: first!.id, verdict: null, confidence: null, note: "Still looking.", expectedVersion: null });
    const error = await thrown(approveClaim(t.db, { viewer: edna, claimId: first!.id, reviewId: undecided.id }));
    expect(error.message).toMatch(/no verdict/);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: first!.id } })).state).toBe("in_review");
  });

  it("approves one review as final and locks the claim until an editor reopens it", async () => {
    const [claim] = await seedClaims();
    const review = await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "mostly_accurate", confidence: "medium", note: "Close.", expectedVersion: null });
    const approved = await approveClaim(t.db, { viewer: edna, claimId: claim!.id, reviewId: review.id });
    expect(approved).toMatchObject({ state: "approved", approvedReviewId: review.id, approvedById: edna.id, verdict: "mostly_accurate" });
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claim!.id } })).toMatchObject({ state: "approved", approvedReviewId: review.id, approvedById: edna.id });

    const locked = await thrown(saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "false", confidence: "high", note: "Changed my mind.", expectedVersion: 1 }));
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toMatch(/approved claims are locked until an editor reopens them/);
    await expect(addCitation(t.db, { viewer: rita, claimId: claim!.id, url: "https://example.org/minutes", stance: "supports" })).rejects.toThrow(/locked/);
    await expect(splitClaim(t.db, { viewer: rita, claimId: claim!.id, at: 10 })).rejects.toThrow(/locked/);
    expect(await t.db.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ verdict: "mostly_accurate", version: 1 });

    const reopened = await reopenClaim(t.db, { viewer: edna, claimId: claim!.id, reason: "new evidence" });
    expect(reopened.state).toBe("reviewed");
    const saved = await saveReview(t.db, { viewer: rita, claimId: claim!.id, verdict: "false", confidence: "high", note: "Changed my mind.", expectedVersion: 1 });
    expect(saved.version).toBe(2);

    const actions = (await t.db.auditEvent.findMany({ where: { entityType: "claim", entityId: claim!.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.action);
    expect(actions).toEqual(["claim.approve", "claim.reopen"]);
  });
});
