import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { addClaim } from "@/lib/review/add-claim";
import { changeClaimKind } from "@/lib/review/change-claim-kind";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { mergeClaims } from "@/lib/review/merge-claims";
import { restoreClaim } from "@/lib/review/restore-claim";
import { saveReview } from "@/lib/review/save-review";
import { DismissClaimInput } from "@/lib/review/schemas";
import { splitClaim } from "@/lib/review/split-claim";
import { tempDatabase } from "../../support/temp-database";

const ARTICLE = `# Harbor City budget

The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.

The mayor said the plan **cut waiting times** by half, and the police budget grew from $9.2 million to $10.1 million.

Residents packed the hall until midnight, and the vote came at 12:40 a.m.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let omar: NonNullable<Viewer>;
let articles = 0;

async function person(email: string, name: string, role: Role): Promise<NonNullable<Viewer>> {
  const user = await t.db.user.create({ data: { email, name, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}

async function seed() {
  const { articleId } = await importArticle(t.db, { text: ARTICLE, fileName: `harbor-${++articles}.md` });
  const revision = await t.db.revision.findFirstOrThrow({ where: { articleId } });
  const claims = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const byText = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`the extractor found no claim starting "${start}"`);
    return claim;
  };
  return { articleId, revision, claims, byText };
}

const positions = async (revisionId: string) =>
  (await t.db.claim.findMany({ where: { revisionId }, orderBy: { position: "asc" }, select: { id: true, sourceStart: true, position: true } }));

beforeAll(async () => {
  t = tempDatabase();
  rita = await person("rita@example.org", "Rita Reviewer", "reviewer");
  omar = await person("omar@example.org", "Omar Other", "reviewer");
});
afterAll(async () => {
  await t.dispose();
});

describe("addClaim", () => {
  it("anchors the claim to exactly the selected span, trimmed, and slots it into reading order", async () => {
    const { revision } = await seed();
    const quote = "Residents packed the hall until midnight";
    const at = ARTICLE.indexOf(quote);
    // A mouse selection often takes the space before and the comma-space after.
    const claim = await addClaim(t.db, { viewer: rita, revisionId: revision.id, sourceStart: at - 2, sourceEnd: at + quote.length });
    expect(claim).toMatchObject({ sourceStart: at, sourceEnd: at + quote.length, quoteExact: quote, text: quote, origin: "manual", state: "open", kind: "factual" });
    expect(revision.text.slice(claim.sourceStart, claim.sourceEnd)).toBe(quote);
    expect(claim.quotePrefix).toBe(revision.text.slice(at - 32, at));
    expect(claim.quoteSuffix).toBe(revision.text.slice(at + quote.length, at + quote.length + 32));
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.score).toBe(1);
    expect(JSON.parse(row.reasons)).toEqual(["added by Rita Reviewer"]);

    const ordered = await positions(revision.id);
    expect(ordered.map((c) => c.position)).toEqual(ordered.map((_, i) => i));
    expect([...ordered].sort((a, b) => a.sourceStart - b.sourceStart).map((c) => c.id)).toEqual(ordered.map((c) => c.id));
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityType: "claim", entityId: claim.id } });
    expect(audit).toMatchObject({ action: "claim.add", actorId: rita.id });
  });

  it("takes the kind given and extracts the span's quantities", async () => {
    const { revision } = await seed();
    const quote = "the police budget grew from $9.2 million to $10.1 million";
    const at = ARTICLE.indexOf(quote);
    const claim = await addClaim(t.db, { viewer: rita, revisionId: revision.id, sourceStart: at, sourceEnd: at + quote.length, kind: "statistic" });
    expect(claim.kind).toBe("statistic");
    const row = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(JSON.parse(row.quantities)).toEqual([expect.objectContaining({ change: { from: 9_200_000, to: 10_100_000 } })]);
  });

  it("refuses spans outside the text, blank spans, over-long spans and a span already claimed", async () => {
    const { revision, byText } = await seed();
    const refuse = (sourceStart: number, sourceEnd: number) => addClaim(t.db, { viewer: rita, revisionId: revision.id, sourceStart, sourceEnd });
    await expect(refuse(0, revision.text.length + 1)).rejects.toThrow(/not inside the article's text/);
    const blank = ARTICLE.indexOf("\n\n");
    await expect(refuse(blank, blank + 2)).rejects.toThrow(/only spaces/);
    await expect(refuse(5, 3)).rejects.toThrow(/Select some text first/);
    const existing = byText("Spending on parks");
    await expect(refuse(existing.sourceStart, existing.sourceEnd)).rejects.toThrow(/already covers exactly this text/);

    const long = await importArticle(t.db, { text: `${"Word ".repeat(500)}end.`, fileName: `long-${++articles}.md` });
    const longRevision = await t.db.revision.findFirstOrThrow({ where: { articleId: long.articleId } });
    await expect(addClaim(t.db, { viewer: rita, revisionId: longRevision.id, sourceStart: 0, sourceEnd: 2_001 })).rejects.toThrow(/at most 2,000 characters/);
  });
});

describe("splitClaim", () => {
  it("keeps the id and reviews on the first part and anchors both parts exactly", async () => {
    const { revision, byText } = await seed();
    const claim = byText("The mayor said");
    // The extracted text has no ** markup; the split point is an offset into that text.
    expect(claim.text).not.toContain("**");
    const review = await saveReview(t.db, { viewer: omar, claimId: claim.id, verdict: "misleading", confidence: "medium", note: "Half is spin.", expectedVersion: null });

    const at = claim.text.indexOf(" and the police");
    const { first, second } = await splitClaim(t.db, { viewer: rita, claimId: claim.id, at });
    expect(first.id).toBe(claim.id);
    expect(first.quoteExact).toBe("The mayor said the plan **cut waiting times** by half,");
    expect(second.quoteExact).toBe("and the police budget grew from $9.2 million to $10.1 million.");
    for (const part of [first, second]) {
      expect(revision.text.slice(part.sourceStart, part.sourceEnd)).toBe(part.quoteExact);
      expect(part.quotePrefix).toBe(revision.text.slice(Math.max(0, part.sourceStart - 32), part.sourceStart));
    }
    expect(first.sourceStart).toBe(claim.sourceStart);
    expect(second.sourceEnd).toBe(claim.sourceEnd);
    expect(second).toMatchObject({ origin: "manual", state: "open", kind: claim.kind, position: first.position + 1 });

    expect(await t.db.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ claimId: claim.id, verdict: "misleading", version: 1 });
    expect(await t.db.review.count({ where: { claimId: second.id } })).toBe(0);
    const secondRow = await t.db.claim.findUniqueOrThrow({ where: { id: second.id } });
    expect(JSON.parse(secondRow.quantities)).toHaveLength(1);
    const actions = await t.db.auditEvent.findMany({ where: { entityId: { in: [first.id, second.id] }, action: "claim.split" } });
    expect(actions).toHaveLength(2);
  });

  it("refuses a cut with no words on one side", async () => {
    const { byText } = await seed();
    const claim = byText("Spending on parks");
    await expect(splitClaim(t.db, { viewer: rita, claimId: claim.id, at: claim.text.length })).rejects.toThrow(/inside the claim's text/);
    await expect(splitClaim(t.db, { viewer: rita, claimId: claim.id, at: 0 })).rejects.toThrow();
  });
});

describe("mergeClaims", () => {
  it("grows the first claim over both and dismisses the second, keeping its reviews", async () => {
    const { revision, byText } = await seed();
    const first = byText("The council approved");
    const second = byText("Spending on parks");
    const kept = await saveReview(t.db, { viewer: omar, claimId: second.id, verdict: "accurate", confidence: "high", note: "Parks line checks out.", expectedVersion: null });

    // Given in either order, the earlier claim is kept.
    const { merged, dismissed } = await mergeClaims(t.db, { viewer: rita, firstId: second.id, secondId: first.id });
    expect(merged.id).toBe(first.id);
    expect(merged).toMatchObject({ sourceStart: first.sourceStart, sourceEnd: second.sourceEnd });
    expect(merged.quoteExact).toBe(revision.text.slice(first.sourceStart, second.sourceEnd));
    expect(merged.quoteExact).toBe("The council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.");
    expect(dismissed).toMatchObject({ id: second.id, state: "dismissed", dismissReason: `merged into ${first.id}` });
    expect(await t.db.review.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ claimId: second.id, note: "Parks line checks out.", verdict: "accurate" });
    const mergedRow = await t.db.claim.findUniqueOrThrow({ where: { id: first.id } });
    expect(JSON.parse(mergedRow.quantities)).toHaveLength(2);
    expect(await t.db.auditEvent.count({ where: { action: "claim.merge", entityId: { in: [first.id, second.id] } } })).toBe(2);
  });

  it("refuses claims that are not neighbours, and approved or dismissed ones", async () => {
    const { byText } = await seed();
    const first = byText("The council approved");
    const middle = byText("Spending on parks");
    const third = byText("The mayor said");
    const error = await mergeClaims(t.db, { viewer: rita, firstId: first.id, secondId: third.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/another claim lies between/);

    // Once the claim between them is dismissed, they are neighbours.
    await dismissClaim(t.db, { viewer: rita, claimId: middle.id, reason: "Covered by the budget claim" });
    await expect(mergeClaims(t.db, { viewer: rita, firstId: middle.id, secondId: third.id })).rejects.toThrow(/restore the claim first/);
    const { merged } = await mergeClaims(t.db, { viewer: rita, firstId: first.id, secondId: third.id });
    expect(merged.sourceEnd).toBe(third.sourceEnd);
  });
});

describe("kind, dismiss and restore", () => {
  it("retypes a claim with an audit event, and ignores a no-op", async () => {
    const { byText } = await seed();
    const claim = byText("Spending on parks");
    const retyped = await changeClaimKind(t.db, { viewer: rita, claimId: claim.id, kind: "policy_assertion" });
    expect(retyped.kind).toBe("policy_assertion");
    await changeClaimKind(t.db, { viewer: rita, claimId: claim.id, kind: "policy_assertion" });
    const events = await t.db.auditEvent.findMany({ where: { entityId: claim.id, action: "claim.kind" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.before!)).toEqual({ kind: claim.kind });
  });

  it("needs a reason of 3 to 500 characters to dismiss", () => {
    expect(DismissClaimInput.safeParse({ claimId: "c", reason: " no " }).success).toBe(false);
    expect(DismissClaimInput.safeParse({ claimId: "c", reason: "x".repeat(501) }).success).toBe(false);
    expect(DismissClaimInput.parse({ claimId: "c", reason: "  Not checkable  " }).reason).toBe("Not checkable");
  });

  it("dismisses with a reason and restores to the state the reviews warrant", async () => {
    const { byText } = await seed();
    const claim = byText("The council approved");
    await saveReview(t.db, { viewer: omar, claimId: claim.id, verdict: "accurate", confidence: null, note: "", expectedVersion: null });
    const dismissed = await dismissClaim(t.db, { viewer: rita, claimId: claim.id, reason: "Duplicate of the headline claim" });
    expect(dismissed).toMatchObject({ state: "dismissed", dismissReason: "Duplicate of the headline claim" });
    await expect(dismissClaim(t.db, { viewer: rita, claimId: claim.id, reason: "Again" })).rejects.toThrow(/already dismissed/);
    expect(await t.db.review.count({ where: { claimId: claim.id } })).toBe(1);

    const restored = await restoreClaim(t.db, { viewer: rita, claimId: claim.id });
    expect(restored).toMatchObject({ state: "reviewed", dismissReason: null });
    await expect(restoreClaim(t.db, { viewer: rita, claimId: claim.id })).rejects.toThrow(/not dismissed/);
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.action);
    expect(actions).toEqual(["claim.dismiss", "claim.restore"]);
  });
});
