import { expect, test } from "@playwright/test";
import { seedArticle, storageStateOf } from "../support";
import { seedApproved } from "./reading-support";

/**
 * The reading view's precompressed brotli copy (next.config.js labels it, app/a/[slug]/br sends it):
 * the label must match the bytes, or a browser shows garbage or nothing. The last sentence of the
 * seed article is looked for, so a page cut short by a bad decode fails too.
 */
const LAST_SENTENCE = "To cast aside this program would only lead to additional avoidable crimes that harm Americans.";

test.describe("reading view over brotli", () => {
  let slug: string;
  test.beforeAll(() => {
    slug = seedArticle("brotli");
    seedApproved(slug);
  });

  test("a signed-out browser gets the shared brotli copy, decoded to the whole article", async ({ page }) => {
    const response = await page.goto(`/a/${slug}`);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["content-encoding"]).toBe("br");
    expect(headers["etag"]).toMatch(/^"[\w-]+-br"$/);
    expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
    await expect(page.getByTestId("article-text")).toContainText(LAST_SENTENCE);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("the brotli copy revalidates by its own ETag", async ({ request }) => {
    const first = await request.get(`/a/${slug}`, { headers: { "Accept-Encoding": "br" } });
    expect(first.headers()["content-encoding"]).toBe("br");
    const etag = first.headers()["etag"]!;
    const again = await request.get(`/a/${slug}`, { headers: { "Accept-Encoding": "br", "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    // The identity copy's tag does not match the brotli one.
    const plain = await request.get(`/a/${slug}`, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect(plain.headers()["etag"]).toBe(etag.replace(/-br"$/, '"'));
    expect(await plain.text()).toContain(LAST_SENTENCE);
  });

  test("a client without brotli, and /a/<slug>/br opened directly without it, get the page uncompressed or gzipped", async ({ request }) => {
    for (const url of [`/a/${slug}`, `/a/${slug}/br`]) {
      for (const acceptEncoding of ["identity", "gzip"]) {
        const response = await request.get(url, { headers: { "Accept-Encoding": acceptEncoding } });
        expect(response.status(), `${url} ${acceptEncoding}`).toBe(200);
        expect(response.headers()["content-encoding"] ?? "identity", `${url} ${acceptEncoding}`).toBe(acceptEncoding);
        expect(await response.text(), `${url} ${acceptEncoding}`).toContain(LAST_SENTENCE);
      }
    }
  });

  test("a missing article's 404 under the brotli label is brotli too", async ({ request }) => {
    const response = await request.get("/a/no-such-article-0000", { headers: { "Accept-Encoding": "br" } });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-encoding"]).toBe("br");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    expect(await response.text()).toContain("Page not found");
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStateOf("reviewer") });

    test("the page with the reader's name in it is private and never the shared brotli copy", async ({ page }) => {
      for (const url of [`/a/${slug}`, `/a/${slug}/br`]) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(200);
        expect(response?.headers()["content-encoding"], url).not.toBe("br");
        expect(response?.headers()["cache-control"], url).toBe("private, no-store");
        await expect(page.getByTestId("article-text")).toContainText(LAST_SENTENCE);
        await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveCount(0);
      }
    });
  });
});
