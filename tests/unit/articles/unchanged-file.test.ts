import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { unchangedMarkdownFile } from "@/lib/articles/unchanged-file";
import { tempDatabase } from "../../support/temp-database";
import { onPostgres } from "../../support/postgres";

// The command line's early answer must be importArticle's own: same outcome, and null whenever
// importArticle would not say "unchanged".
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
const withSlug = "---\nslug: county-report\ntitle: County report\n---\n\nThe sheriff reported 310 arrests in 2023.\n";
const plain = "The county hired 12 new inspectors in 2024. The state paid $4.1 million for them.\n";

let t: ReturnType<typeof tempDatabase>;
beforeAll(async () => {
  t = tempDatabase();
  await importArticle(t.db, { text: seed, fileName: "content/ice-287g-fy2020.md" });
  await importArticle(t.db, { text: plain, fileName: "notes/County Hires.md" });
  await importArticle(t.db, { text: withSlug, fileName: "draft.md" });
  await importArticle(t.db, { text: plain, fileName: "notes/county.txt", slug: "county-text" });
});
afterAll(async () => {
  await t.dispose();
});

// The early answer reads a SQLite file before Prisma loads; on PostgreSQL the import itself answers.
describe.skipIf(onPostgres)("unchangedMarkdownFile", () => {
  it("answers an identical Markdown file as importArticle does, slug from the front matter or the file name", async () => {
    for (const [text, fileName] of [[seed, "elsewhere/ice-287g-fy2020.md"], [`\uFEFF${plain}`, "County Hires.md"], [withSlug, "renamed.markdown"]] as const) {
      const early = await unchangedMarkdownFile(t.url, { text, fileName });
      const { status, ...outcome } = await importArticle(t.db, { text, fileName });
      expect(status).toBe("unchanged");
      expect(early).toEqual(outcome);
    }
  });

  it("says null (import it) for edited text, another slug, a non-Markdown file or no database", async () => {
    expect(await unchangedMarkdownFile(t.url, { text: seed.replace("from 36 to 149", "from 36 to 150"), fileName: "a.md" })).toBeNull();
    expect(await unchangedMarkdownFile(t.url, { text: plain, fileName: "County Hires.md", slug: "another-slug" })).toBeNull();
    expect(await unchangedMarkdownFile(t.url, { text: plain, fileName: "county.txt", slug: "county-text" })).toBeNull();
    expect(await unchangedMarkdownFile(`file:${t.dir}/missing.db`, { text: plain, fileName: "County Hires.md" })).toBeNull();
  });
});
