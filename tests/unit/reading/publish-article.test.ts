import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { publishArticle, unpublishArticle } from "@/lib/articles/publish-article";
import { publishSeedArticle, SEED_SLUG } from "@/lib/articles/publish-seed";
import { readingAccess } from "@/lib/reading/access";
import { tempDatabase } from "@/tests/support/temp-database";

describe("publishing an article", () => {
  const temp = tempDatabase();
  const { db } = temp;
  const editor = { id: "", role: "editor" as const, email: "ed@test", name: "Eddie" };

  beforeAll(async () => {
    const text = await readFile("content/ice-287g-fy2020.md", "utf8");
    await importArticle(db, { text, fileName: "ice-287g-fy2020.md" });
    await importArticle(db, { text, fileName: "x.md", slug: "second-copy" });
    editor.id = (await db.user.create({ data: { email: editor.email, name: editor.name, role: "editor" }, select: { id: true } })).id;
  });
  afterAll(async () => temp.dispose());

  it("publishes with a date and an audit event, and is idempotent", async () => {
    const first = await publishArticle(db, { slug: "second-copy", viewer: editor });
    expect(first).toMatchObject({ status: "published", changed: true });
    expect(first.publishedAt).toBeInstanceOf(Date);
    const again = await publishArticle(db, { slug: "second-copy", viewer: editor });
    expect(again).toMatchObject({ changed: false, publishedAt: first.publishedAt });
    const events = await db.auditEvent.findMany({ where: { action: "article.publish" }, select: { actorId: true, entityType: true, after: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: editor.id, entityType: "article" });
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ status: "published" });
  });

  it("unpublishes back to draft when nothing was reviewed", async () => {
    const outcome = await unpublishArticle(db, { slug: "second-copy", viewer: editor });
    expect(outcome).toMatchObject({ status: "draft", publishedAt: null, changed: true });
  });

  it("refuses an unknown slug with NOT_FOUND", async () => {
    await expect(publishArticle(db, { slug: "no-such-article", viewer: editor })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("setup publishes the seed article outside production only, and respects an unpublish", async () => {
    expect(await publishSeedArticle(db, "production")).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).status).toBe("draft");
    expect(await publishSeedArticle(db, "test")).toMatchObject({ status: "published", changed: true });
    await unpublishArticle(db, { slug: SEED_SLUG, viewer: editor });
    expect(await publishSeedArticle(db, "development")).toBeNull();
  });
});

describe("readingAccess", () => {
  it("is public once published; before that a preview for staff and hidden from readers", () => {
    const reviewer = { id: "u", role: "reviewer" as const, email: "r@test", name: null };
    expect(readingAccess("published", null)).toBe("public");
    expect(readingAccess("draft", null)).toBe("hidden");
    expect(readingAccess("in_review", null)).toBe("hidden");
    expect(readingAccess("draft", reviewer)).toBe("preview");
  });
});
