import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle, slugFromFileName } from "@/lib/articles/import-article";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");

describe("importArticle", () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeAll(() => {
    t = tempDatabase();
  });
  afterAll(async () => {
    await t.dispose();
  });

  // Reads sqlite_master; tests/unit/db/round-trip.test.ts covers every table on PostgreSQL.
  it.skipIf(onPostgres)("migrations create every table of the domain on an empty database", async () => {
    const rows = await t.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table'");
    const tables = rows.map((r) => r.name);
    for (const table of ["User", "Account", "Session", "VerificationToken", "Article", "Revision", "Claim", "Review", "Citation", "Source", "AuditEvent"]) {
      expect(tables).toContain(table);
    }
  });

  it("imports the seed once, and a second import of the same text changes nothing", async () => {
    const first = await importArticle(t.db, { text: seed, fileName: "ice-287g-fy2020.md" });
    expect(first).toMatchObject({ status: "created", slug: "ice-287g-fy2020", revisionNumber: 1 });
    expect(first.claimCount).toBeGreaterThanOrEqual(20);

    const again = await importArticle(t.db, { text: seed, fileName: "ice-287g-fy2020.md" });
    expect(again).toMatchObject({ status: "unchanged", revisionNumber: 1, claimCount: first.claimCount });

    expect(await t.db.article.count()).toBe(1);
    expect(await t.db.revision.count()).toBe(1);
    expect(await t.db.claim.count()).toBe(first.claimCount);
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: "ice-287g-fy2020" } });
    expect(article.title).toBe("ICE’s 287(g) Program Highly Effective in FY 2020");
    expect(article.publisher).toBeNull();
  });

  it("stores claims anchored to the revision text, extracted and open", async () => {
    const revision = await t.db.revision.findFirstOrThrow({ include: { claims: true } });
    expect(revision.text).toBe(seed);
    for (const claim of revision.claims) {
      expect(claim.origin).toBe("extracted");
      expect(claim.state).toBe("open");
      expect(revision.text.slice(claim.sourceStart, claim.sourceEnd)).toBe(claim.quoteExact);
    }
    const rule = revision.claims.find((c) => c.text.includes("48 hours"));
    expect(rule?.kind).toBe("program_rule");
  });

  it("makes a second revision when the text changed, keeping the first intact", async () => {
    const changed = seed.replace("from 36 to 149", "from 35 to 150");
    const outcome = await importArticle(t.db, { text: changed, fileName: "ice-287g-fy2020.md" });
    expect(outcome).toMatchObject({ status: "revised", revisionNumber: 2 });
    const revisions = await t.db.revision.findMany({ orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(revisions[0]?.text).toBe(seed);
    expect(revisions[1]?.text).toBe(changed);
    expect(revisions[0]?.contentHash).not.toBe(revisions[1]?.contentHash);
    // Claim events of the re-anchoring (tests/unit/revisions) go with it; here, the revision events.
    const audit = await t.db.auditEvent.findMany({ where: { entityType: "revision" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["article.import", "revision.import"]);
  });

  it("converts plain text and HTML to Markdown revisions", async () => {
    const text = await importArticle(t.db, {
      text: "Budget Report\n\nThe city spent $4.2 million on road repairs in 2023.\n",
      fileName: "budget.txt",
    });
    expect(text.status).toBe("created");
    const html = await importArticle(t.db, {
      text: "<html><head><title>Water</title></head><body><h1>Water rates</h1><p>Rates rose 12% in 2024.</p></body></html>",
      fileName: "water.html",
    });
    const revision = await t.db.revision.findFirstOrThrow({ where: { article: { slug: html.slug } } });
    expect(revision.sourceFormat).toBe("html");
    expect(revision.text).toContain("# Water rates");
    expect(revision.text).toContain("Rates rose 12% in 2024.");
    expect(revision.text).not.toContain("<p>");
  });

  it("refuses a malformed slug and writes nothing", async () => {
    const before = await t.db.article.count();
    await expect(importArticle(t.db, { text: "Some text.", fileName: "x.md", slug: "Not A Slug!" })).rejects.toThrow(/slug/);
    expect(await t.db.article.count()).toBe(before);
  });
});

describe("slugFromFileName", () => {
  it("makes a URL-safe slug from a file name", () => {
    expect(slugFromFileName("content/ICE 287(g) FY2020.md")).toBe("ice-287-g-fy2020");
    expect(slugFromFileName("Café déjà vu.html")).toBe("cafe-deja-vu");
  });
});
