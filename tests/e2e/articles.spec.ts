import { expect, test } from "@playwright/test";

test.describe("articles", () => {
  test("the home page lists the published seed article, linking readers straight to its reading view", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
    // Other specs publish copies of the seed under other slugs: this is the seed's own row.
    await expect(page.locator('a[href="/a/ice-287g-fy2020"]')).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
    // A signed-out visitor is never sent to the staff pages of an article.
    await expect(page.locator('a[href^="/articles/"]')).toHaveCount(0);
  });

  test("the article page shows the article's text and its claims", async ({ page }) => {
    await page.goto("/articles/ice-287g-fy2020");
    const text = page.getByTestId("article-text");
    await expect(text.getByRole("heading", { level: 1 })).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
    await expect(text).toContainText("Agencies are permitted to detain aliens in their jails for up to 48 hours");
    await expect(text.getByRole("listitem")).toHaveCount(6);
    await expect(text.getByRole("listitem").first()).toHaveText("1,261 for dangerous drugs;");
    const claims = page.getByRole("region", { name: /Claims/ }).getByRole("listitem");
    expect(await claims.count()).toBeGreaterThanOrEqual(20);
    await expect(claims.filter({ hasText: "1,261 for dangerous drugs" })).toContainText("Statistic");
  });

  test("an unknown slug shows the 404 page", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const malformed = await page.goto("/articles/..%2Fetc");
    expect(malformed?.status()).toBe(404);
  });
});
