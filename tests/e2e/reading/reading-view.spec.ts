import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticle, storageStateOf } from "../support";
import { publishSeed, seedApproved } from "./reading-support";

const claimMarks = (page: Page) => page.locator('[data-testid="article-text"] mark[data-claim-id]');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** Tabs from the top of the page until the mark of `claimId` has focus. */
async function tabTo(page: Page, claimId: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((id) => document.activeElement?.id === `claim-${id}`, claimId)) return;
  }
  throw new Error(`never reached the mark of claim ${claimId} with Tab`);
}

test.describe("reading view, signed out", () => {
  test("a reader opens the published seed article and sees its claims marked", async ({ page }) => {
    publishSeed();
    const response = await page.goto("/a/ice-287g-fy2020");
    expect(response?.status()).toBe(200);
    // The same page for every signed-out reader: a CDN may keep it for a minute, revalidating by ETag.
    expect(response?.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(response?.headers()["etag"]).toMatch(/^"[\w-]+"$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
    expect(await page.locator('[data-testid="article-text"] mark[id^="claim-"]').count()).toBeGreaterThanOrEqual(20);
    await expect(page.getByRole("img", { name: "Claims by verdict and by kind" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Claims by verdict" })).toBeVisible();
    await expect(page.getByText("Preview: not published")).toHaveCount(0);
  });

  test("a reader opens a claim by keyboard and reads its verdict and a source", async ({ page }) => {
    const slug = seedArticle("reading");
    const seeded = seedApproved(slug);
    await page.goto(`/a/${slug}`);
    await tabTo(page, seeded.headlineId);
    const mark = page.locator(`#claim-${seeded.headlineId}`);
    await expect(mark).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Enter");
    const popover = page.getByRole("dialog", { name: "Claim, verdict and sources" });
    await expect(popover).toBeVisible();
    await expect(popover).toBeFocused();
    await expect(popover).toContainText("Misleading");
    await expect(popover).toContainText("not effectiveness");
    const sourceLink = popover.getByRole("link", { name: `[1] ${seeded.sourceTitle}` });
    await expect(sourceLink).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#claim-${seeded.headlineId}$`));

    await page.keyboard.press("Escape");
    await expect(popover).toHaveCount(0);
    await expect(mark).toBeFocused();

    // The source link leads to the numbered source note, which links back to the claim.
    await page.keyboard.press("Enter");
    await popover.getByRole("link", { name: `[1] ${seeded.sourceTitle}` }).click();
    await expect(page).toHaveURL(/#source-1$/);
    const note = page.locator("#source-1");
    await expect(note.getByRole("link", { name: seeded.sourceTitle })).toHaveAttribute("href", "https://www.ice.gov/identify-and-arrest/287g");
    await expect(note.getByRole("link", { name: "Back to claim 1" })).toHaveAttribute("href", `#detail-${seeded.headlineId}`);
  });

  test("#claim-<id> in the address opens that claim, and filters unmark claims by kind", async ({ page }) => {
    const slug = seedArticle("reading-hash");
    const seeded = seedApproved(slug);
    await page.goto(`/a/${slug}#claim-${seeded.statisticId}`);
    const popover = page.getByRole("dialog", { name: "Claim, verdict and sources" });
    await expect(popover).toContainText("Accurate");
    await expect(popover).toContainText("1,261 for dangerous drugs");
    await page.keyboard.press("Escape");

    const filters = page.getByRole("group", { name: "Show claims" });
    const statistic = page.locator(`#claim-${seeded.statisticId}`);
    await expect(statistic).toHaveAttribute("tabindex", "0");
    await filters.getByRole("checkbox", { name: /^Statistic/ }).uncheck();
    await expect(statistic).toHaveAttribute("tabindex", "-1");
    await expect(statistic).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(page.locator(`#detail-${seeded.statisticId}`)).toBeHidden();
    await expect(page.locator(`#claim-${seeded.headlineId}`)).toHaveAttribute("tabindex", "0");
  });

  test("an unpublished article is a 404 for a reader", async ({ page }) => {
    const slug = seedArticle("reading-draft");
    seedApproved(slug, { draft: true });
    const response = await page.goto(`/a/${slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("ICE’s 287(g) Program")).toHaveCount(0);
  });

  test("the reading view has no serious or critical axe violations, with and without the popover", async ({ page }) => {
    const slug = seedArticle("reading-axe");
    const seeded = seedApproved(slug);
    await page.goto(`/a/${slug}`);
    await expect(page.getByRole("group", { name: "Show claims" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator(`#claim-${seeded.headlineId}`).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("reading view without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("marks, verdict labels, notes, sources and the ClaimReview JSON-LD are in the page", async ({ page }) => {
    const slug = seedArticle("reading-nojs");
    const seeded = seedApproved(slug);
    await page.goto(`/a/${slug}`);
    expect(await claimMarks(page).count()).toBeGreaterThanOrEqual(20);
    const tag = page.locator(`sup[data-tag-for="${seeded.headlineId}"]`);
    await expect(tag).toHaveText("Policy assertion, verdict: Misleading");
    await expect(tag).toHaveClass(/verdict-misleading/);
    await expect(page.locator(`sup[data-tag-for="${seeded.statisticId}"]`)).toContainText("Accurate");
    await expect(page.locator(".verdict-tag", { hasText: "Not yet rated" }).first()).toBeVisible();

    // The label links to the claim's entry: verdict, note and sources without any script.
    await tag.getByRole("link").click();
    const entry = page.locator(`#detail-${seeded.headlineId}`);
    await expect(entry).toContainText("Misleading");
    await expect(entry).toContainText("ICE's own report counts arrests, not effectiveness.");
    await expect(entry.getByRole("link", { name: `[1] ${seeded.sourceTitle}` })).toHaveAttribute("href", "#source-1");
    await expect(page.getByRole("group", { name: "Show claims" })).toHaveCount(0);

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "[]") as Record<string, unknown>[];
    expect(jsonLd).toHaveLength(2);
    expect(jsonLd[0]).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: "ICE’s 287(g) Program Highly Effective in FY 2020",
      reviewRating: { ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading" },
    });
    expect(String(jsonLd[0]!.url)).toMatch(new RegExp(`/a/${slug}#claim-${seeded.headlineId}$`));
  });
});

test.describe("reading view, signed in", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("staff may preview an unpublished article, under a banner", async ({ page }) => {
    const slug = seedArticle("reading-preview");
    seedApproved(slug, { draft: true });
    const response = await page.goto(`/a/${slug}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toBe("private, no-store");
    await expect(page.getByRole("banner")).toContainText("(reviewer)");
    await expect(page.getByRole("note")).toContainText("Preview: not published");
    expect(await claimMarks(page).count()).toBeGreaterThanOrEqual(20);
  });
});
