import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleWithLatestRevision } from "@/lib/articles/get-article";
import { importArticle } from "@/lib/articles/import-article";
import { listArticles } from "@/lib/articles/list-articles";
import { publishArticle } from "@/lib/articles/publish-article";
import type { Viewer } from "@/lib/auth/policy";
import { tempDatabase } from "../../support/temp-database";

const article = (title: string, sentence: string) => `---\ntitle: "${title}"\n---\n\n# ${title}\n\n${sentence}\n`;
const reviewer: Viewer = { id: "u-reviewer", role: "reviewer", email: "r@test", name: null };

// The reads behind the home page and /articles/<slug>, on a real database: a reader is shown
// published articles only, staff every one (canSeeArticle in lib/auth/policy.ts).
describe("drafts stay private in the article reads", () => {
  const t = tempDatabase();

  beforeAll(async () => {
    await importArticle(t.db, { text: article("Secret draft title", "The draft says 41 percent of budgets rose in 2023."), fileName: "x.md", slug: "the-draft" });
    await importArticle(t.db, { text: article("Open published title", "The published piece says 12 ships left in 2021."), fileName: "y.md", slug: "the-published" });
    await importArticle(t.db, { text: article("Reviewed title", "In review, 7 of 9 judges agreed in 2020."), fileName: "z.md", slug: "in-review" });
    await publishArticle(t.db, { slug: "the-published", viewer: null });
    await t.db.article.update({ where: { slug: "in-review" }, data: { status: "in_review" } });
  });
  afterAll(async () => t.dispose());

  it("lists only published articles to a reader", async () => {
    const listed = await listArticles(t.db, { viewer: null });
    expect(listed.map((a) => a.title)).toEqual(["Open published title"]);
  });

  it("lists every article to a reviewer", async () => {
    const listed = await listArticles(t.db, { viewer: reviewer });
    expect(listed.map((a) => a.slug).sort()).toEqual(["in-review", "the-draft", "the-published"]);
  });

  it("gives a reader no draft or article in review, exactly as for a missing slug", async () => {
    expect(await getArticleWithLatestRevision(t.db, { slug: "the-draft", viewer: null })).toBeNull();
    expect(await getArticleWithLatestRevision(t.db, { slug: "in-review", viewer: null })).toBeNull();
    expect(await getArticleWithLatestRevision(t.db, { slug: "no-such-article", viewer: null })).toBeNull();
  });

  it("gives a reader a published article with its text", async () => {
    const published = await getArticleWithLatestRevision(t.db, { slug: "the-published", viewer: null });
    expect(published?.title).toBe("Open published title");
    expect(published?.revision?.text).toContain("12 ships left");
  });

  it("gives a reviewer the draft with its text and claims", async () => {
    const draft = await getArticleWithLatestRevision(t.db, { slug: "the-draft", viewer: reviewer });
    expect(draft).toMatchObject({ title: "Secret draft title", status: "draft" });
    expect(draft?.revision?.text).toContain("41 percent");
  });
});
