/**
 * Re-importing an article whose claims hold inline Markdown: every stored quote is the Markdown at
 * the claim's offsets, so a paragraph added elsewhere leaves every claim exactly where it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteColumns } from "@/lib/anchoring";
import { importArticle } from "@/lib/articles/import-article";
import { addClaim } from "@/lib/review/add-claim";
import { mergeClaims } from "@/lib/review/merge-claims";
import { saveReview } from "@/lib/review/save-review";
import { splitClaim } from "@/lib/review/split-claim";
import { INLINE_ARTICLE, INLINE_CLAIMS, withParagraphAdded } from "../../support/inline-markdown-article";
import { tempDatabase } from "../../support/temp-database";

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(async () => {
  await t.dispose();
});

const claimsOf = (slug: string) =>
  t.db.claim.findMany({
    where: { article: { slug } },
    orderBy: { position: "asc" },
    include: { revision: { select: { number: true, text: true } }, reviews: { select: { id: true } } },
  });

describe("re-importing an article whose claims hold inline Markdown", () => {
  const slug = "inline-markdown";

  it("stores each claim's quote as the Markdown at its offsets, syntax and all", async () => {
    await importArticle(t.db, { text: INLINE_ARTICLE, fileName: "inline.md", slug });
    const claims = await claimsOf(slug);
    for (const c of claims) {
      expect(c.quoteExact).toBe(c.revision.text.slice(c.sourceStart, c.sourceEnd));
      expect({ quoteExact: c.quoteExact, quotePrefix: c.quotePrefix, quoteSuffix: c.quoteSuffix }).toEqual(quoteColumns(c.revision.text, c.sourceStart, c.sourceEnd));
    }
    // Every construct is in some claim's quote or context, and its syntax is not in the claim's words.
    const holding = (markdown: string) => claims.find((c) => `${c.quotePrefix}${c.quoteExact}${c.quoteSuffix}`.includes(markdown));
    for (const [construct, markdown] of Object.entries(INLINE_CLAIMS)) {
      expect(holding(markdown), construct).toBeDefined();
    }
    expect(holding(INLINE_CLAIMS.bold)!.quoteExact).toContain("**$12 million**");
    expect(holding(INLINE_CLAIMS.bold)!.text).toContain("$12 million on");
    expect(holding(INLINE_CLAIMS.link)!.quoteExact).toContain("](https://example.org/audit)");
    expect(holding(INLINE_CLAIMS.code)!.quoteExact).toContain("`roads_fund`");
    expect(holding(INLINE_CLAIMS.entity)!.quoteExact).toContain("&amp;");
    expect(holding(INLINE_CLAIMS.entity)!.text).toContain("bridges & 12");
    expect(holding(INLINE_CLAIMS.footnote)!.quoteSuffix).toMatch(/^\[\^jobs\]/);
    expect(holding(INLINE_CLAIMS.tableCell)!.quoteExact).toContain("| The city spent **$4 million**");
  });

  it("with one paragraph added, orphans none, duplicates none, changes none, and keeps every review on its claim", async () => {
    const reviewer = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita", role: "reviewer" } });
    const viewer = { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: "reviewer" as const };
    for (const c of await claimsOf(slug)) {
      await saveReview(t.db, { viewer, claimId: c.id, verdict: "accurate", confidence: "high", note: `on ${c.id}`, expectedVersion: null });
    }
    const before = await claimsOf(slug);
    expect(before.every((c) => c.reviews.length === 1)).toBe(true);

    const edited = withParagraphAdded(INLINE_ARTICLE);
    const outcome = await importArticle(t.db, { text: edited, fileName: "inline.md", slug });
    expect(outcome.reanchored).toEqual({ exact: before.length, changed: 0, orphaned: 0, restored: 0, added: 1 });

    const after = await claimsOf(slug);
    expect(after.filter((c) => c.state === "orphaned")).toEqual([]);
    expect(after).toHaveLength(before.length + 1);
    // No two claims of the new revision cover the same words.
    const spans = after.map((c) => [c.sourceStart, c.sourceEnd] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);

    // Offsets are into the stored revision texts (the Markdown the import keeps), not the files.
    const [oldText, newText] = [before[0]!.revision.text, after[0]!.revision.text];
    const shift = newText.length - oldText.length;
    const added = newText.indexOf("The mayor said");
    for (const old of before) {
      const now = after.find((c) => c.id === old.id)!;
      expect(now.revision.number).toBe(2);
      expect(now.anchorStatus).toBe("exact");
      expect(now.text).toBe(old.text);
      expect(now.quoteExact).toBe(old.quoteExact);
      // Same words at the same place: moved only by the paragraph inserted before it.
      expect(now.sourceStart).toBe(old.sourceStart + (old.sourceStart >= added ? shift : 0));
      expect(now.revision.text.slice(now.sourceStart, now.sourceEnd)).toBe(now.quoteExact);
      expect(now.reviews.map((r) => r.id)).toEqual(old.reviews.map((r) => r.id));
    }
    const reviews = await t.db.review.findMany({ where: { claim: { article: { slug } } }, select: { claimId: true, note: true } });
    expect(reviews).toHaveLength(before.length);
    for (const r of reviews) expect(r.note).toBe(`on ${r.claimId}`);
  });
});

describe("claims placed by hand on inline Markdown (add, split, merge)", () => {
  const slug = "hand-placed";

  it("quote the Markdown like extracted ones, and survive a re-import with a paragraph added", async () => {
    const editor = await t.db.user.create({ data: { email: "eddie@example.org", name: "Eddie", role: "editor" } });
    const viewer = { id: editor.id, email: editor.email, name: editor.name, role: "editor" as const };
    await importArticle(t.db, { text: INLINE_ARTICLE, fileName: "hand.md", slug });
    const claims = await claimsOf(slug);
    const find = (markdown: string) => claims.find((c) => c.quoteExact.includes(markdown))!;

    const bold = find("**$12 million**");
    await splitClaim(t.db, { viewer, claimId: bold.id, at: bold.text.indexOf(" on road") });
    await mergeClaims(t.db, { viewer, firstId: find("`roads_fund`").id, secondId: find("&amp;").id });
    const revision = claims[0]!.revision.text;
    const details = revision.indexOf("Read on for *the details*.");
    await addClaim(t.db, { viewer, revisionId: claims[0]!.revisionId, sourceStart: details, sourceEnd: details + "Read on for *the details*.".length });

    const placed = (await claimsOf(slug)).filter((c) => c.state !== "dismissed");
    for (const c of placed) {
      expect({ quoteExact: c.quoteExact, quotePrefix: c.quotePrefix, quoteSuffix: c.quoteSuffix }).toEqual(quoteColumns(c.revision.text, c.sourceStart, c.sourceEnd));
    }
    expect(placed.map((c) => c.quoteExact)).toEqual(
      expect.arrayContaining([
        "The county spent **$12 million**",
        "on road repairs in 2023.",
        "The `roads_fund` account grew by 15% in 2024.\n\nThe council approved 3 new bridges &amp; 12 crosswalks in 2024.",
        "Read on for *the details*.",
      ]),
    );

    const all = await claimsOf(slug);
    const outcome = await importArticle(t.db, { text: withParagraphAdded(INLINE_ARTICLE), fileName: "hand.md", slug });
    expect(outcome.reanchored).toMatchObject({ exact: all.length, changed: 0, orphaned: 0, added: 1 });
    const after = await claimsOf(slug);
    for (const old of all) {
      const now = after.find((c) => c.id === old.id)!;
      expect({ revision: now.revision.number, state: now.state, text: now.text, quote: now.quoteExact }).toEqual({ revision: 2, state: old.state, text: old.text, quote: old.quoteExact });
    }
  });
});
