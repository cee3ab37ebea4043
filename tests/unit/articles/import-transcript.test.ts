/**
 * A transcript's claims are stored with their speaker, kept out of the claim's text, on a first
 * import and on the new claims of a re-import.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { tempDatabase } from "../../support/temp-database";

const TRANSCRIPT = [
  "MODERATOR: Good evening and welcome to the forum on the county budget.",
  "",
  "COMMISSIONER HALE: The county cut property taxes by 4% in 2023 while adding 60 deputies.",
  "",
  "MODERATOR: Ms. Ortiz, your response?",
  "",
  "ORTIZ: Spending on the jail rose from $41 million to $58 million over those same two years.",
].join("\n");

describe("importing a transcript", () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    t = tempDatabase();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("stores who said each claim, and the label is never part of the claim's text", async () => {
    await importArticle(t.db, { text: TRANSCRIPT, fileName: "forum.txt", slug: "county-forum" });
    const claims = await t.db.claim.findMany({ where: { article: { slug: "county-forum" } }, select: { text: true, speaker: true, sourceStart: true, sourceEnd: true, revision: { select: { text: true } } } });
    const jail = claims.find((c) => c.text.includes("$41 million"));
    expect(jail).toMatchObject({ speaker: "ORTIZ", text: "Spending on the jail rose from $41 million to $58 million over those same two years." });
    for (const c of claims) {
      expect(c.text).not.toMatch(/^(?:MODERATOR|COMMISSIONER HALE|ORTIZ):/);
      expect(c.revision.text.slice(c.sourceStart, c.sourceEnd).replace(/\\/g, "")).toContain(c.text.slice(0, 20));
    }

    await importArticle(t.db, { text: `${TRANSCRIPT}\n\nHALE: The county paid off $12 million of debt last year.`, fileName: "forum.txt", slug: "county-forum" });
    const added = await t.db.claim.findFirstOrThrow({ where: { article: { slug: "county-forum" }, text: { contains: "$12 million" } }, select: { speaker: true } });
    expect(added.speaker).toBe("HALE");
  });
});
