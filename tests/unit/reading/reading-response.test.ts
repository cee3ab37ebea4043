import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseCoding, precompress } from "@/lib/reading/precompress";
import { matchesEtag, readingResponse, type ReadingOutcome } from "@/lib/reading/reading-response";

const encode = (s: string) => new TextEncoder().encode(s);
const page = (status: string): Extract<ReadingOutcome, { kind: "document" }> => ({
  kind: "document",
  status,
  before: encode("<!doctype html><header>"),
  after: encode("</header><main>Article ’</main>"),
  etag: '"v1"',
});
const editor = { id: "u1", email: "ed@x.test", name: "Ed <Editor>", role: "editor" as const };

describe("readingResponse", () => {
  it("gives a signed-out reader of a published article a shared, revalidatable page", async () => {
    const response = readingResponse(page("published"), null, { ifNoneMatch: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(response.headers.get("etag")).toBe('"v1"');
    expect(await response.text()).toBe('<!doctype html><header><a href="/sign-in" class="account-link">Sign in</a></header><main>Article ’</main>');
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    for (const header of ['"v1"', 'W/"v1"', '"v0", "v1"', "*"]) {
      const response = readingResponse(page("published"), null, { ifNoneMatch: header });
      expect(response.status).toBe(304);
      expect(response.headers.get("etag")).toBe('"v1"');
      expect(await response.text()).toBe("");
    }
    expect(readingResponse(page("published"), null, { ifNoneMatch: '"v0"' }).status).toBe(200);
  });

  it("never lets a shared cache keep a page with a name in it, nor a preview", async () => {
    const signedIn = readingResponse(page("published"), editor, { ifNoneMatch: '"v1"', acceptEncoding: "gzip, br" });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("etag")).toBeNull();
    expect(await signedIn.text()).toContain("Ed &#x3C;Editor> <span");

    const preview = readingResponse(page("draft"), editor, { ifNoneMatch: null, acceptEncoding: "gzip, br" });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect(preview.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(preview.headers.get("content-encoding")).toBeNull();
    expect(signedIn.headers.get("content-encoding")).toBeNull();
  });

  it("sends a published page's precompressed copy the client accepts, with an ETag per coding", async () => {
    const html = '<!doctype html><header><a href="/sign-in" class="account-link">Sign in</a></header><main>Article ’</main>';
    const shared = await precompress(encode(html));
    const outcome = { ...page("published"), shared };
    const br = readingResponse(outcome, null, { ifNoneMatch: null, acceptEncoding: "gzip, deflate, br, zstd" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("etag")).toBe('"v1-br"');
    expect(br.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())).toString("utf8")).toBe(html);
    const gz = readingResponse(outcome, null, { ifNoneMatch: null, acceptEncoding: "gzip;q=1, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString("utf8")).toBe(html);
    const plain = readingResponse(outcome, null, { ifNoneMatch: null, acceptEncoding: "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(html);
    expect(readingResponse(outcome, null, { ifNoneMatch: '"v1-gzip"', acceptEncoding: "gzip" }).status).toBe(304);
    expect(readingResponse(outcome, null, { ifNoneMatch: '"v1-gzip"', acceptEncoding: "br" }).status).toBe(200);
  });

  it("never hands a preview or a signed-in page the shared copies, even when the outcome has them", async () => {
    const shared = await precompress(encode("<!doctype html>shared copy"));
    for (const [status, viewer] of [["draft", editor], ["published", editor]] as const) {
      const response = readingResponse({ ...page(status), shared }, viewer, { ifNoneMatch: null, acceptEncoding: "br, gzip" });
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(response.headers.get("etag")).toBeNull();
      expect(await response.text()).toContain("Ed &#x3C;Editor>");
    }
  });

  it("is a 404 page for a reader of an unpublished article, or one unpublished since it was rendered", async () => {
    for (const [outcome, viewer] of [
      [page("draft"), null],
      [page("in_review"), null],
      [{ kind: "hidden" }, editor],
    ] as const) {
      const response = readingResponse(outcome, viewer, { ifNoneMatch: null });
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const html = await response.text();
      expect(html).toContain("Page not found");
      expect(html).not.toContain("Article");
    }
  });
});

describe("chooseCoding", () => {
  it("prefers brotli, then gzip, honours q=0 and *, and falls back to none", () => {
    expect(chooseCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseCoding("gzip, deflate")).toBe("gzip");
    expect(chooseCoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseCoding("*")).toBe("br");
    expect(chooseCoding("*;q=0, identity")).toBeNull();
    expect(chooseCoding("deflate")).toBeNull();
    expect(chooseCoding(null)).toBeNull();
  });
});

describe("matchesEtag", () => {
  it("compares weakly, over a list", () => {
    expect(matchesEtag('W/"a", "b"', '"a"')).toBe(true);
    expect(matchesEtag('"ab"', '"a"')).toBe(false);
  });
});
