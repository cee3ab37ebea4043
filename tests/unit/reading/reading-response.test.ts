import { describe, expect, it } from "vitest";
import { matchesEtag, readingResponse, type ReadingOutcome } from "@/lib/reading/reading-response";

const encode = (s: string) => new TextEncoder().encode(s);
const page = (status: string): ReadingOutcome => ({
  kind: "document",
  status,
  before: encode("<!doctype html><header>"),
  after: encode("</header><main>Article ’</main>"),
  etag: '"v1"',
});
const editor = { id: "u1", email: "ed@x.test", name: "Ed <Editor>", role: "editor" as const };

describe("readingResponse", () => {
  it("gives a signed-out reader of a published article a shared, revalidatable page", async () => {
    const response = readingResponse(page("published"), null, null);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(response.headers.get("etag")).toBe('"v1"');
    expect(await response.text()).toBe('<!doctype html><header><a href="/sign-in" class="account-link">Sign in</a></header><main>Article ’</main>');
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    for (const header of ['"v1"', 'W/"v1"', '"v0", "v1"', "*"]) {
      const response = readingResponse(page("published"), null, header);
      expect(response.status).toBe(304);
      expect(response.headers.get("etag")).toBe('"v1"');
      expect(await response.text()).toBe("");
    }
    expect(readingResponse(page("published"), null, '"v0"').status).toBe(200);
  });

  it("never lets a shared cache keep a page with a name in it, nor a preview", async () => {
    const signedIn = readingResponse(page("published"), editor, '"v1"');
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("etag")).toBeNull();
    expect(await signedIn.text()).toContain("Ed &#x3C;Editor> <span");

    const preview = readingResponse(page("draft"), editor, null);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect(preview.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  });

  it("is a 404 page for a reader of an unpublished article, or one unpublished since it was rendered", async () => {
    for (const [outcome, viewer] of [
      [page("draft"), null],
      [page("in_review"), null],
      [{ kind: "hidden" }, editor],
    ] as const) {
      const response = readingResponse(outcome, viewer, null);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const html = await response.text();
      expect(html).toContain("Page not found");
      expect(html).not.toContain("Article");
    }
  });
});

describe("matchesEtag", () => {
  it("compares weakly, over a list", () => {
    expect(matchesEtag('W/"a", "b"', '"a"')).toBe(true);
    expect(matchesEtag('"ab"', '"a"')).toBe(false);
  });
});
