import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import { publishArticle } from "@/lib/articles/publish-article";
import { readingAccess } from "@/lib/reading/access";
import { readingDocuments } from "@/lib/reading/reading-documents";
import { readingResponse } from "@/lib/reading/reading-response";
import { approveClaim } from "@/lib/review/approve-claim";
import { saveReview } from "@/lib/review/save-review";
import { tempDatabase } from "@/tests/support/temp-database";

/** The reading view end to end over a real SQLite file: stamp, cache, render, compression, response. */
describe("reading documents", () => {
  const temp = tempDatabase();
  const { db } = temp;
  const documents = readingDocuments(db, { maxSize: 64 * 1024 * 1024, ttlMs: 60_000, precompress: true });
  const editor = { id: "", role: "editor" as const, email: "ed@test", name: "Eddie" };
  const pageUrl = "http://reader.test/a/";
  let slug = "";

  /** What the route handler does for one request. */
  const get = async (viewer: typeof editor | null, headers: { ifNoneMatch?: string; acceptEncoding?: string } = {}) => {
    const stamp = await documents.stamp(slug);
    if (!stamp || readingAccess(stamp.status, viewer) === "hidden") return readingResponse({ kind: "hidden" }, viewer, { ifNoneMatch: null });
    const document = await documents.document(stamp, pageUrl + slug);
    return readingResponse(document ? { kind: "document", ...document } : { kind: "hidden" }, viewer, {
      ifNoneMatch: headers.ifNoneMatch ?? null,
      acceptEncoding: headers.acceptEncoding ?? null,
    });
  };

  beforeAll(async () => {
    const text = await readFile("content/ice-287g-fy2020.md", "utf8");
    slug = (await importArticle(db, { text, fileName: "ice-287g-fy2020.md" })).slug;
    editor.id = (await db.user.create({ data: { email: editor.email, name: editor.name, role: "editor" }, select: { id: true } })).id;
  });
  afterAll(async () => temp.dispose());

  it("never compresses, tags or shares a draft preview, and hides the draft from readers", async () => {
    const stamp = (await documents.stamp(slug))!;
    expect(stamp.status).toBe("draft");
    expect((await documents.document(stamp, pageUrl + slug))!.shared).toBeNull();
    const preview = await get(editor, { acceptEncoding: "gzip, deflate, br, zstd" });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect(preview.headers.get("content-encoding")).toBeNull();
    expect(preview.headers.get("etag")).toBeNull();
    expect(await preview.text()).toContain("Eddie");
    const reader = await get(null, { acceptEncoding: "gzip" });
    expect(reader.status).toBe(404);
    expect(reader.headers.get("cache-control")).toBe("private, no-store");
  });

  it("serves a published page gzip-compressed, decoding to the same HTML, and 304 on its ETag", async () => {
    await publishArticle(db, { slug, viewer: editor });
    const plain = await get(null);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const html = await plain.text();
    expect(html).toContain("Sign in");
    const gzipped = await get(null, { acceptEncoding: "gzip" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    const bytes = new Uint8Array(await gzipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(html.length / 3);
    expect(gunzipSync(bytes).toString("utf8")).toBe(html);

    const etag = gzipped.headers.get("etag")!;
    expect(etag).not.toBe(plain.headers.get("etag"));
    const notModified = await get(null, { acceptEncoding: "gzip", ifNoneMatch: etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    // The gzip copy's tag does not validate the uncompressed one.
    expect((await get(null, { ifNoneMatch: etag })).status).toBe(200);
  });

  it("changes the ETag when a verdict is approved, and when the article is published again", async () => {
    const before = (await get(null, { acceptEncoding: "br" })).headers.get("etag")!;
    const claim = await db.claim.findFirstOrThrow({ where: { article: { slug } }, orderBy: { position: "asc" }, select: { id: true } });
    const review = await saveReview(db, { claimId: claim.id, verdict: "false", confidence: "high", note: "Checked.", expectedVersion: null, viewer: editor });
    await approveClaim(db, { claimId: claim.id, reviewId: review.id, viewer: editor });
    const approved = await get(null, { acceptEncoding: "br", ifNoneMatch: before });
    expect(approved.status).toBe(200);
    const afterApproval = approved.headers.get("etag")!;
    expect(afterApproval).not.toBe(before);

    const stampBefore = (await documents.stamp(slug))!.version;
    // Unpublishing is refused once verdicts are approved; take it back to draft directly.
    await db.article.update({ where: { slug }, data: { status: "draft", publishedAt: null } });
    expect((await get(null, { acceptEncoding: "br" })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later publishedAt
    await publishArticle(db, { slug, viewer: editor });
    expect((await documents.stamp(slug))!.version).not.toBe(stampBefore);
    const republished = await get(null, { acceptEncoding: "br", ifNoneMatch: afterApproval });
    expect(republished.status).toBe(200);
    expect(republished.headers.get("etag")).not.toBe(afterApproval);
  });
});
