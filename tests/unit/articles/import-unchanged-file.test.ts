import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { unchangedFile } from "@/lib/articles/unchanged-file";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

// The command line answers an identical file of any format before the pipeline loads; its answer
// must be importArticle's own, and null whenever importArticle would not say "unchanged".
const html = readFileSync("tests/fixtures/claims/articles/vaccine-exemptions.html", "utf8");
const text = readFileSync("tests/fixtures/claims/articles/unemployment-benefits-release.txt", "utf8");
const markdown = readFileSync("tests/fixtures/claims/articles/council-budget.md", "utf8");

let t: ReturnType<typeof tempDatabase>;
beforeAll(async () => {
  t = tempDatabase();
  await importArticle(t.db, { text: html, fileName: "vaccine-exemptions.html" });
  await importArticle(t.db, { text, fileName: "release.txt", slug: "release" });
  await importArticle(t.db, { text: markdown, fileName: "council-budget.md" });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

// The early answer reads a SQLite file before Prisma loads; on PostgreSQL the import itself answers.
describe.skipIf(onPostgres)("unchangedFile", () => {
  it("answers an identical HTML, plain-text or Markdown file as importArticle does", async () => {
    const cases = [
      { text: html, fileName: "elsewhere/vaccine-exemptions.html" },
      { text, fileName: "release.txt", slug: "release" },
      { text: markdown, fileName: "council-budget.md" },
    ];
    for (const input of cases) {
      const early = await unchangedFile(t.url, input);
      const { status, ...outcome } = await importArticle(t.db, input);
      expect(status).toBe("unchanged");
      expect(early).toEqual(outcome);
    }
  });

  it("says null (import it) for an edited page, another extension, another slug or no database", async () => {
    expect(await unchangedFile(t.url, { text: html.replace("</p>", " Edited.</p>"), fileName: "vaccine-exemptions.html" })).toBeNull();
    expect(await unchangedFile(t.url, { text: html, fileName: "vaccine-exemptions.txt", slug: "vaccine-exemptions" })).toBeNull();
    expect(await unchangedFile(t.url, { text, fileName: "release.txt", slug: "another" })).toBeNull();
    expect(await unchangedFile(`file:${t.dir}/missing.db`, { text: html, fileName: "vaccine-exemptions.html" })).toBeNull();
  });

  it("is right to say null for the edited page: importArticle makes a new revision of it", async () => {
    const outcome = await importArticle(t.db, { text: html.replace("</p>", " Edited.</p>"), fileName: "vaccine-exemptions.html" });
    expect(outcome.status).not.toBe("unchanged");
  });
});
