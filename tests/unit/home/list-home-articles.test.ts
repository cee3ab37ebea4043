import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { publishArticle } from "@/lib/articles/publish-article";
import type { Viewer } from "@/lib/auth/policy";
import { HOME_PAGE_SIZE } from "@/lib/home/home-query";
import { listHomeArticles } from "@/lib/home/list-home-articles";
import { tempDatabase } from "../../support/temp-database";

const text = (title: string, meta: string) => `---\ntitle: "${title}"\n${meta}---\n\n# ${title}\n\nThe council approved a $412 million budget on Tuesday. Spending on parks rose 12% in 2024.
The police budget grew from $80 million to $95 million. Libraries lost 3% of their funding.

The city hired 40 new teachers in 2023, according to the school board.\n`;

let t: ReturnType<typeof tempDatabase>;
let rita: NonNullable<Viewer>;
let ravi: NonNullable<Viewer>;
const slugs = (home: Awaited<ReturnType<typeof listHomeArticles>>) => home.articles.map((a) => a.slug);

// The front page's read model on a real SQLite file: who sees which articles, the progress and
// assignment counts, search, the status filter and paging.
beforeAll(async () => {
  t = tempDatabase();
  const person = async (email: string) => {
    const user = await t.db.user.create({ data: { email, name: email, role: "reviewer" } });
    return { id: user.id, email, name: email, role: "reviewer" as const };
  };
  rita = await person("rita@example.org");
  ravi = await person("ravi@example.org");
  await importArticle(t.db, { text: text("Harbor budget draft", "publisher: Harbor Gazette\nauthor: Ann Lee\n"), fileName: "a.md", slug: "harbor-draft" });
  await importArticle(t.db, { text: text("Parks in review", "publisher: City Times\n"), fileName: "b.md", slug: "parks-review" });
  await importArticle(t.db, { text: text("Teachers published", "author: Bo Strand\ndate: 2026-12-01\n"), fileName: "c.md", slug: "teachers-published" });
  await t.db.article.update({ where: { slug: "parks-review" }, data: { status: "in_review" } });
  await publishArticle(t.db, { slug: "teachers-published", viewer: null });

  // The draft's claims, in reading order: two approved, one reviewed, one in review, one dismissed;
  // Rita has three assigned (one of them dismissed), Ravi one.
  const claims = (await t.db.claim.findMany({ where: { article: { slug: "harbor-draft" } }, orderBy: { position: "asc" }, select: { id: true } })).map((c) => c.id);
  expect(claims.length).toBeGreaterThanOrEqual(5);
  const set = (i: number, data: { state?: string; assigneeId?: string }) => t.db.claim.update({ where: { id: claims[i]! }, data });
  await set(0, { state: "approved", assigneeId: rita.id });
  await set(1, { state: "approved", assigneeId: ravi.id });
  await set(2, { state: "reviewed", assigneeId: rita.id });
  await set(3, { state: "in_review" });
  await set(4, { state: "dismissed", assigneeId: rita.id });
});
afterAll(async () => t.dispose());

describe("who sees what", () => {
  it("shows a reader the published articles only, without progress", async () => {
    const home = await listHomeArticles(t.db, { viewer: null, query: {} });
    expect(slugs(home)).toEqual(["teachers-published"]);
    expect(home.total).toBe(1);
    expect(home.articles[0]).toMatchObject({ title: "Teachers published", author: "Bo Strand", publishedOn: "2026-12-01", status: "published", progress: null });
  });

  it("gives a reader nothing when they ask for drafts or articles in review", async () => {
    for (const status of ["draft", "in_review"]) {
      const home = await listHomeArticles(t.db, { viewer: null, query: { status } });
      expect(home.articles, status).toEqual([]);
      expect(home.total, status).toBe(0);
    }
    expect((await listHomeArticles(t.db, { viewer: null, query: { q: "Harbor" } })).total).toBe(0);
  });

  it("shows a reviewer every article, newest change first", async () => {
    const home = await listHomeArticles(t.db, { viewer: rita, query: {} });
    expect(slugs(home)).toEqual(["teachers-published", "parks-review", "harbor-draft"]);
  });
});

describe("progress", () => {
  it("counts the claims to check, reviewed, approved and assigned to the viewer, leaving dismissed ones out", async () => {
    const total = await t.db.claim.count({ where: { article: { slug: "harbor-draft" }, state: { not: "dismissed" } } });
    const draft = (await listHomeArticles(t.db, { viewer: rita, query: { status: "draft" } })).articles[0]!;
    expect(draft.progress).toEqual({ total, reviewed: 3, approved: 2, assignedToMe: 2 });
    const forRavi = (await listHomeArticles(t.db, { viewer: ravi, query: { status: "draft" } })).articles[0]!;
    expect(forRavi.progress).toEqual({ total, reviewed: 3, approved: 2, assignedToMe: 1 });
  });

  it("says nothing is done on an article nobody has touched", async () => {
    const parks = (await listHomeArticles(t.db, { viewer: rita, query: { status: "in_review" } })).articles[0]!;
    const claims = await t.db.claim.count({ where: { article: { slug: "parks-review" } } });
    expect(parks.progress).toEqual({ total: claims, reviewed: 0, approved: 0, assignedToMe: 0 });
  });
});

describe("search and filter", () => {
  it("finds articles by title, publisher or author, ignoring case", async () => {
    const find = async (q: string) => slugs(await listHomeArticles(t.db, { viewer: rita, query: { q } }));
    expect(await find("budget")).toEqual(["harbor-draft"]);
    expect(await find("city times")).toEqual(["parks-review"]);
    expect(await find("STRAND")).toEqual(["teachers-published"]);
    expect(await find("no such words")).toEqual([]);
  });

  it("filters by status, together with the search", async () => {
    expect(slugs(await listHomeArticles(t.db, { viewer: rita, query: { status: "in_review" } }))).toEqual(["parks-review"]);
    expect(slugs(await listHomeArticles(t.db, { viewer: rita, query: { status: "published", q: "budget" } }))).toEqual([]);
  });

  it("reads a query as the URL gives it, and ignores what does not parse", async () => {
    const home = await listHomeArticles(t.db, { viewer: rita, query: { q: ["  harbor ", "x"], status: "bogus", page: "-3" } });
    expect(slugs(home)).toEqual(["harbor-draft"]);
    expect(home.query).toEqual({ q: "harbor", status: undefined, page: 1 });
  });
});

describe("paging", () => {
  it("lists a page at a time, and a page past the end shows the last one", async () => {
    await t.db.article.createMany({
      data: Array.from({ length: HOME_PAGE_SIZE + 2 }, (_, i) => ({ slug: `bulk-${i}`, title: `Bulk article ${i}`, status: "published" })),
    });
    const first = await listHomeArticles(t.db, { viewer: null, query: { q: "Bulk" } });
    expect(first).toMatchObject({ total: HOME_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first.articles).toHaveLength(HOME_PAGE_SIZE);
    const second = await listHomeArticles(t.db, { viewer: null, query: { q: "Bulk", page: "2" } });
    expect(second.articles).toHaveLength(2);
    expect(new Set([...slugs(first), ...slugs(second)]).size).toBe(HOME_PAGE_SIZE + 2);
    const past = await listHomeArticles(t.db, { viewer: null, query: { q: "Bulk", page: "9" } });
    expect(past.page).toBe(2);
    expect(slugs(past)).toEqual(slugs(second));
    // The bulk articles have no claims: staff see empty progress, not a missing one.
    const staff = await listHomeArticles(t.db, { viewer: rita, query: { q: "Bulk article 1" } });
    expect(staff.articles.every((a) => a.progress?.total === 0)).toBe(true);
  });
});
