import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleSource } from "@/lib/articles/article-source";
import { createArticle } from "@/lib/articles/create-article";
import { importArticle } from "@/lib/articles/import-article";
import { previewArticle } from "@/lib/articles/preview-article";
import { AppError } from "@/lib/errors";
import { tempDatabase } from "../../support/temp-database";

// The browser's import (app/articles/new): preview and create, on a real SQLite file, read in the processing worker.
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
const NOTE = "# County hires inspectors\n\nThe county hired 12 new inspectors in 2024, up from 7 in 2023.\n\nThe program costs $4.2 million a year.\n";
const PAGE = `<!doctype html><html><head><title>Site | Water rates</title>
<meta property="og:title" content="Water rates rise 8 percent">
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://ledger.example/water-rates"></head>
<body><article><h1>Water rates rise</h1><p>The utility raised rates by 8 percent in 2024, the first rise since 2019.</p></article></body></html>`;

let t: ReturnType<typeof tempDatabase>;
let actorId: string;
beforeAll(async () => {
  t = tempDatabase();
  actorId = (await t.db.user.create({ data: { email: "r@example.com", name: "Rita", role: "reviewer" } })).id;
});
afterAll(() => t.dispose());

const counts = async () => ({ articles: await t.db.article.count(), claims: await t.db.claim.count(), events: await t.db.auditEvent.count() });
const noFields = {};

describe("previewArticle", () => {
  it("finds the front matter and claims of a Markdown file and writes nothing", async () => {
    const before = await counts();
    const text = `---\ntitle: The 287(g) report\nauthor: A. Writer\npublisher: Gazette\nurl: https://gazette.example/287g\ndate: 2020-12-01\n---\n\n${seed}`;
    const preview = await previewArticle(t.db, { text, fileName: "ICE report.md" });
    expect(preview.found).toEqual({
      title: "The 287(g) report",
      slug: "ice-report",
      author: "A. Writer",
      publisher: "Gazette",
      originalUrl: "https://gazette.example/287g",
      publishedOn: "2020-12-01",
    });
    expect(preview.format).toBe("markdown");
    expect(preview.claimCount).toBeGreaterThanOrEqual(20);
    expect(preview.claims).toHaveLength(preview.claimCount);
    expect(preview.claims.find((c) => c.text.includes("48 hours"))?.kind).toBe("program_rule");
    expect(await counts()).toEqual(before);
  });

  it("reads an HTML page's head for the title, author, publisher, address and day", async () => {
    const preview = await previewArticle(t.db, { text: PAGE, fileName: "rates.html" });
    expect(preview.format).toBe("html");
    expect(preview.found).toMatchObject({
      title: "Water rates rise 8 percent",
      author: "Jane Roe",
      publisher: "The Ledger",
      originalUrl: "https://ledger.example/water-rates",
      publishedOn: "2024-03-05",
      slug: "rates",
    });
    expect(preview.claims.map((c) => c.text)).toContainEqual(expect.stringContaining("8 percent in 2024"));
  });

  it("gives pasted text a slug from its title, and a free one when that is taken", async () => {
    expect((await previewArticle(t.db, { text: NOTE })).found.slug).toBe("county-hires-inspectors");
    await importArticle(t.db, { text: NOTE, fileName: "x.md", slug: "county-hires-inspectors" });
    const preview = await previewArticle(t.db, { text: NOTE });
    expect(preview).toMatchObject({ slugTaken: "county-hires-inspectors", found: { slug: "county-hires-inspectors-2" } });
  });

  it("refuses broken front matter with the command line's sentence", async () => {
    const error = await previewArticle(t.db, { text: "---\ntitle: [not closed\n---\n\nText with 12 numbers.", fileName: "bad.md" }).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/^The front matter of bad\.md is not valid YAML/);
  });

  it("finds claims in the processing worker, within its time limit", async () => {
    const error = await previewArticle(t.db, { text: seed, fileName: "seed.md" }, { timeLimitMs: 1 }).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/^This text is too complex to process/);
  });
});

describe("createArticle", () => {
  it("creates a pasted article with the metadata given, over what the text says, and records who", async () => {
    const fields = { title: "Inspectors, counted", publisher: "County Desk", originalUrl: "https://county.example/a", publishedOn: "2024-06-30", slug: "inspectors" };
    const outcome = await createArticle(t.db, { source: { text: NOTE }, fields, actorId });
    expect(outcome).toMatchObject({ status: "created", slug: "inspectors", revisionNumber: 1 });
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: "inspectors" }, include: { revisions: true, claims: true } });
    expect(article).toMatchObject({ title: "Inspectors, counted", publisher: "County Desk", author: null, originalUrl: "https://county.example/a", publishedOn: "2024-06-30" });
    expect(article.claims.length).toBe(outcome.claimCount);
    expect(article.claims.map((c) => c.text)).toContainEqual(expect.stringContaining("12 new inspectors"));
    expect(article.revisions[0]).toMatchObject({ importedById: actorId, text: NOTE });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { articleId: article.id } });
    expect(event).toMatchObject({ action: "article.import", actorId });
  });

  it("fills empty fields from the HTML page's head", async () => {
    await createArticle(t.db, { source: { text: PAGE, fileName: "water.html" }, fields: noFields, actorId });
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: "water" } });
    expect(article).toMatchObject({ title: "Water rates rise 8 percent", author: "Jane Roe", publisher: "The Ledger", publishedOn: "2024-03-05" });
  });

  it("refuses a slug that is taken, on the slug field, and never adds a revision to that article", async () => {
    const before = await counts();
    const error = await createArticle(t.db, { source: { text: `${NOTE}\nAnother 3 sentences.` }, fields: { slug: "inspectors" }, actorId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).fieldErrors.slug?.[0]).toMatch(/^An article with the slug "inspectors" already exists/);
    expect(await counts()).toEqual(before);
    expect(await t.db.revision.count({ where: { article: { slug: "inspectors" } } })).toBe(1);
  });

  it("refuses the same text under its taken slug rather than answering 'unchanged'", async () => {
    const error = await createArticle(t.db, { source: { text: NOTE }, fields: { slug: "inspectors" }, actorId }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("CONFLICT");
  });

  it("refuses the slug of the import page itself", async () => {
    const error = await createArticle(t.db, { source: { text: NOTE, fileName: "new.md" }, fields: noFields, actorId }).catch((e: unknown) => e);
    expect((error as AppError).fieldErrors.slug?.[0]).toMatch(/"new" is the import page's address/);
    expect(await t.db.article.count({ where: { slug: "new" } })).toBe(0);
  });
});

describe("readArticleSource", () => {
  const file = (name: string, bytes: Uint8Array<ArrayBuffer> | string) => new File([bytes], name);

  it("refuses what the command line refuses, with its sentences, on the field concerned", async () => {
    const cases: Array<[File, RegExp]> = [
      [file("scan.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), /^scan\.pdf looks like a binary file \(it holds NUL bytes\), not an article\.$/],
      [file("latin1.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9])), /^latin1\.txt is not valid UTF-8 text/],
      [file("huge.md", "word ".repeat((5 * 1024 * 1024) / 5 + 10)), /^huge\.md is 5\.0 MiB; the limit is 5\.0 MiB\.$/],
      [file("blank.md", "  \n\n "), /^blank\.md holds only white space\.$/],
    ];
    for (const [chosen, message] of cases) {
      const error = await readArticleSource({ file: chosen }).catch((e: unknown) => e);
      expect((error as AppError).message).toMatch(message);
      expect((error as AppError).fieldErrors.file?.[0]).toMatch(message);
    }
    const pasted = await readArticleSource({ text: "a\u0000b" }).catch((e: unknown) => e);
    expect((pasted as AppError).fieldErrors.text?.[0]).toBe("The pasted text looks like a binary file (it holds NUL bytes), not an article.");
  });

  it("prefers the file, and drops a byte-order mark as the command line does", async () => {
    expect(await readArticleSource({ file: file("a.md", "\uFEFF# A\n\nText."), text: "ignored" })).toEqual({ text: "# A\n\nText.", fileName: "a.md" });
  });
});
