import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { Viewer } from "@/lib/auth/policy";
import { matchesOfClaim, matchingSettled, mostRepeatedClaims, refreshClaimMatches, seenBeforeCounts } from "@/lib/matching";
import { findCandidates, indexedText, isIndexed } from "@/lib/matching/search-index";
import { searchTerms } from "@/lib/matching/normalise";
import { dismissClaim } from "@/lib/review/dismiss-claim";
import { mergeClaims } from "@/lib/review/merge-claims";
import { restoreClaim } from "@/lib/review/restore-claim";
import { saveReview } from "@/lib/review/save-review";
import { splitClaim } from "@/lib/review/split-claim";
import { tempDatabase } from "../../support/temp-database";

/** The index and stored matches on a real migrated SQLite file, through the domain verbs that change claims. */

const CHECKED = `# Harbor City police

The number of participating departments grew from 36 to 149 between 2017 and 2021.

Harbor City spent $11 million on police overtime in 2023. Response times fell 12% in 2024.

The council approved a $412 million budget on Tuesday.
`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let articles = 0;

async function importText(text: string) {
  const { articleId } = await importArticle(t.db, { text, fileName: `matching-${++articles}.md` });
  const claims = await t.db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } });
  const byText = (start: string) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    if (!claim) throw new Error(`no claim starting "${start}" in ${claims.map((c) => c.text).join(" | ")}`);
    return claim;
  };
  return { articleId, claims, byText };
}

const review = (claimId: string, verdict: "accurate" | null = "accurate", expectedVersion: number | null = null) =>
  saveReview(t.db, { claimId, verdict, confidence: null, note: "Checked against the county's figures.", expectedVersion, viewer: rita });

/** A checked article: every claim reviewed with a verdict. */
async function checkedArticle(text = CHECKED) {
  const article = await importText(text);
  for (const claim of article.claims) await review(claim.id);
  return article;
}

beforeAll(async () => {
  t = tempDatabase();
  const user = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita Reviewer", role: "reviewer" } });
  rita = { id: user.id, email: user.email, name: user.name, role: "reviewer" };
});
afterAll(async () => {
  await t.dispose();
});

describe("the index of checked claims", () => {
  it("holds a claim only once it has a review with a verdict", async () => {
    const { byText } = await importText(CHECKED);
    const claim = byText("The number of participating");
    expect(await isIndexed(t.db, claim.id)).toBe(false);
    await review(claim.id, null);
    expect(await isIndexed(t.db, claim.id)).toBe(false);
    await review(claim.id, "accurate", 1);
    expect(await indexedText(t.db, claim.id)).toBe(claim.text);
  });

  it("follows a split: the claim kept is indexed with its new words, the new part (unreviewed) is not", async () => {
    const { byText } = await checkedArticle();
    const claim = byText("The number of participating");
    const at = claim.text.indexOf(" between");
    const { first, second } = await splitClaim(t.db, { claimId: claim.id, at, viewer: rita });
    expect(await indexedText(t.db, first.id)).toBe(claim.text.slice(0, at).trim());
    expect(await isIndexed(t.db, second.id)).toBe(false);
  });

  it("follows a merge (the kept claim's words) and a dismissal (out), and a restore (back in)", async () => {
    const { claims } = await checkedArticle("# Two\n\nHarbor City hired 40 officers in 2023. Overtime cost $11 million in 2023.\n");
    expect(claims.length).toBe(2);
    const { merged, dismissed } = await mergeClaims(t.db, { firstId: claims[0]!.id, secondId: claims[1]!.id, viewer: rita });
    expect(await indexedText(t.db, merged.id)).toBe(merged.text);
    expect(merged.text).toContain("Overtime");
    expect(await isIndexed(t.db, dismissed.id)).toBe(false);
    await dismissClaim(t.db, { claimId: merged.id, reason: "Not a claim to check", viewer: rita });
    expect(await isIndexed(t.db, merged.id)).toBe(false);
    await restoreClaim(t.db, { claimId: merged.id, viewer: rita });
    expect(await indexedText(t.db, merged.id)).toBe(merged.text);
  });

  it("follows re-anchoring: a claim whose words changed leaves until reviewed again, an orphaned claim leaves", async () => {
    const sentences = ["Harbor City hired 40 officers in 2023.", "The jail held 212 detainees in 2022.", "Overtime cost $11 million in 2023.", "Response times fell 12% in 2024."];
    const text = `# Re-anchor\n\n${sentences.join(" ")}\n`;
    const { articleId, byText } = await checkedArticle(text);
    const hired = byText("Harbor City hired");
    const jail = byText("The jail held");
    const revised = `# Re-anchor\n\n${["Harbor City hired 41 officers in 2023.", sentences[2], sentences[3]].join(" ")}\n`;
    const outcome = await importArticle(t.db, { text: revised, fileName: `matching-${articles}.md` });
    expect(outcome.reanchored).toMatchObject({ changed: 1, orphaned: 1 });
    const after = await t.db.claim.findMany({ where: { articleId }, select: { id: true, text: true, state: true } });
    const changed = after.find((c) => c.id === hired.id)!;
    expect(changed).toMatchObject({ text: "Harbor City hired 41 officers in 2023.", state: "in_review" });
    expect(await isIndexed(t.db, hired.id)).toBe(false);
    expect(after.find((c) => c.id === jail.id)!.state).toBe("orphaned");
    expect(await isIndexed(t.db, jail.id)).toBe(false);
    // Reviewed again on its new words, it is a candidate with them.
    await saveReview(t.db, { claimId: hired.id, verdict: "accurate", confidence: null, note: "Checked again: 41.", expectedVersion: 1, viewer: rita });
    expect(await indexedText(t.db, hired.id)).toBe(changed.text);
  });
});

describe("matches", () => {
  it("are stored on import, against checked claims of other articles only, best first with reasons", async () => {
    const earlier = await checkedArticle("# Earlier\n\nThe number of participating law enforcement agencies grew from 36 to 149 in FY 2020.\n\nThe number of participating law enforcement agencies grew from 36 to 150 in FY 2020.\n");
    const later = await importText("# Later\n\nIn FY 2020, participating law enforcement agencies went from 36 to 149.\n");
    const matches = await matchesOfClaim(t.db, later.claims[0]!.id);
    expect(matches[0]).toMatchObject({ matchedClaimId: earlier.claims[0]!.id, relation: "same" });
    expect(matches[0]!.reasons[0]).toBe("same figures: 36, 149, 2020");
    const wrongNumber = matches.find((m) => m.matchedClaimId === earlier.claims[1]!.id);
    expect(wrongNumber?.relation).toBe("related");
    expect(wrongNumber?.reasons).toContain("different number: 149 vs 150");
    for (const m of matches) expect(earlier.claims.map((c) => c.id).concat(await otherCheckedIds(later.articleId))).toContain(m.matchedClaimId);

    // The earlier article's own claims never match each other.
    await refreshClaimMatches(t.db, { claimIds: earlier.claims.map((c) => c.id) });
    const own = await matchesOfClaim(t.db, earlier.claims[0]!.id);
    expect(own.map((m) => m.matchedClaimId)).not.toContain(earlier.claims[1]!.id);

    expect((await seenBeforeCounts(t.db, [later.articleId])).get(later.articleId)).toBe(1);
    const repeated = await mostRepeatedClaims(t.db, { limit: 50 });
    expect(repeated.find((r) => r.claimId === earlier.claims[0]!.id)).toMatchObject({ articleCount: 2, matchedClaimIds: [later.claims[0]!.id] });

    // A matched claim that is dismissed no longer offers its verdict.
    await dismissClaim(t.db, { claimId: earlier.claims[0]!.id, reason: "Duplicate of another claim", viewer: rita });
    expect((await matchesOfClaim(t.db, later.claims[0]!.id)).map((m) => m.matchedClaimId)).not.toContain(earlier.claims[0]!.id);
  });

  it("finds the same candidates on the connection's own statement and, inside a transaction, through Prisma", async () => {
    const earlier = await checkedArticle("# Earlier ferry\n\nThe Orlen ferry carried 412,000 riders in 2023.\n");
    const later = await importText("# Later ferry\n\nIn 2023 the Orlen ferry carried 412,000 riders.\n");
    const query = [{ key: "q", articleId: later.articleId, terms: searchTerms(later.claims[0]!.text) }];
    const outside = (await findCandidates(t.db, query)).get("q")!;
    expect(outside.map((c) => c.claimId)).toContain(earlier.claims[0]!.id);
    const inside = await t.db.$transaction(async (tx) => (await findCandidates(tx, query)).get("q")!);
    expect(inside.map((c) => [c.claimId, Math.round(c.bm25 * 1e6)])).toEqual(outside.map((c) => [c.claimId, Math.round(c.bm25 * 1e6)]));
  });

  it("can be left to go on after the import returns, and are stored when it ends", async () => {
    const earlier = await checkedArticle("# Earlier jail\n\nThe Dunmore jail held 318 people on average in 2023.\n");
    const { articleId } = await importArticle(t.db, { text: "# Later jail\n\nIn 2023, the Dunmore jail held an average of 318 people.\n", fileName: `matching-${++articles}.md`, matching: "later" });
    await matchingSettled();
    const [claim] = await t.db.claim.findMany({ where: { articleId }, select: { id: true } });
    expect((await matchesOfClaim(t.db, claim!.id))[0]).toMatchObject({ matchedClaimId: earlier.claims[0]!.id, relation: "same" });
  });

  it("are not offered from an unreviewed claim, and are made on import only when matching is on", async () => {
    await importText("# Unreviewed\n\nThe Marlow County jail honored 221 ICE detainers in 2022.\n");
    process.env.CLAIMDESK_MATCH_ON_IMPORT = "0";
    try {
      const later = await importText("# Quiet\n\nIn 2022, the Marlow County jail honored 221 ICE detainers.\n");
      expect(await t.db.claimMatch.count({ where: { claimId: later.claims[0]!.id } })).toBe(0);
      await refreshClaimMatches(t.db, { claimIds: [later.claims[0]!.id] });
      expect(await matchesOfClaim(t.db, later.claims[0]!.id)).toEqual([]);
    } finally {
      delete process.env.CLAIMDESK_MATCH_ON_IMPORT;
    }
  });
});

async function otherCheckedIds(articleId: string): Promise<string[]> {
  const rows = await t.db.claim.findMany({ where: { articleId: { not: articleId } }, select: { id: true } });
  return rows.map((r) => r.id);
}
