import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticle, storageStateOf } from "../support";
import { publishSeed, seedApproved } from "./reading-support";

const claimMarks = (page: Page) => page.locator('[data-testid="article-text"] mark[data-claim-id]');

/** Axe's violations of any impact, minor included. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** The check link after a claim: the claim's role and name (lib/reading/verdict-tags.ts). */
const checkLink = (page: Page, claimId: string) => page.locator(`sup[data-tag-for="${claimId}"] a`);

/** Tabs from the top of the page until the check link of `claimId` has focus. */
async function tabTo(page: Page, claimId: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((id) => document.activeElement?.closest("sup")?.getAttribute("data-tag-for") === id, claimId)) return;
  }
  throw new Error(`never reached the check link of claim ${claimId} with Tab`);
}

/** Every element of the page whose computed text-decoration-line strikes through, by tag and text. */
const struckThrough = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => getComputedStyle(e).textDecorationLine.includes("line-through"))
      .map((e) => `${e.tagName}: ${(e.textContent ?? "").slice(0, 40)}`),
  );

/** Unrated claims' check links as a sighted reader sees them: their rendered widths. */
const unratedTagWidths = (page: Page) =>
  page.locator('[data-testid="article-text"] sup.verdict-none').evaluateAll((tags) => tags.map((t) => t.getBoundingClientRect().width));

const KINDS = "(Statistic|Program rule|Policy assertion|Factual)";

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

  test("verdicts stand out by their label, unrated claims are quiet until the legend's toggle, nothing is struck through", async ({ page }) => {
    const slug = seedArticle("reading-readers");
    const seeded = seedApproved(slug, { rateFalse: true });
    await page.goto(`/a/${slug}`);
    const text = page.getByTestId("article-text");

    // A published verdict: its label after the claim, a link named with the kind and the verdict.
    const headline = page.getByRole("link", { name: "Policy assertion, rated Misleading: see the check" });
    await expect(headline).toBeVisible();
    await expect(headline).toHaveText("Misleading");
    await expect(page.getByRole("link", { name: "Statistic, rated Accurate: see the check" })).toBeVisible();
    const falseLink = checkLink(page, seeded.falseId!);
    await expect(falseLink).toBeVisible();
    await expect(falseLink).toHaveText("False");
    await expect(falseLink).toHaveAccessibleName(new RegExp(`^${KINDS}, rated False: see the check$`));

    // Every mark's kind and verdict are in the accessibility tree, the unrated ones' too.
    const marks = await text.locator("mark[id^=claim-]").count();
    const unrated = page.getByRole("link", { name: new RegExp(`^${KINDS}, not yet rated: see the claim$`) });
    expect(await unrated.count()).toBe(marks - 3);
    expect(await text.getByRole("link", { name: new RegExp(`^${KINDS}, rated .+: see the check$`) }).count()).toBe(3);
    expect(await text.ariaSnapshot()).toContain(`link "Policy assertion, rated Misleading: see the check"`);

    // Unrated claims: no badge after each sentence, a quiet dotted underline and no highlight.
    expect((await unratedTagWidths(page)).every((w) => w <= 1)).toBe(true);
    const quiet = text.locator("mark.verdict-none[id^=claim-]").first();
    await expect(quiet).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(quiet).toHaveCSS("border-bottom-style", "dotted");
    expect(await struckThrough(page)).toEqual([]);

    // The legend explains the marks and holds the toggle, a checkbox worked from the keyboard.
    const legend = page.getByRole("region", { name: "How to read the marks" });
    await expect(legend).toContainText("A highlighted passage is a claim an editor has checked.");
    await expect(legend.getByRole("term")).toHaveText(["Accurate", "Mostly accurate", "Missing context", "Misleading", "False", "Unsupported", "Opinion"]);
    const toggle = legend.getByRole("checkbox", { name: "Highlight the claims not yet rated" });
    await expect(toggle).not.toBeChecked();
    await toggle.focus();
    await page.keyboard.press("Space");
    await expect(toggle).toBeChecked();
    await expect(quiet).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    expect((await unratedTagWidths(page)).every((w) => w <= 1)).toBe(true);
    expect(await struckThrough(page)).toEqual([]);
    await page.keyboard.press("Space");
    await expect(toggle).not.toBeChecked();
    await expect(quiet).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");

    // An unrated claim's link shows itself when it has keyboard focus.
    const firstUnrated = unrated.first();
    await firstUnrated.focus();
    expect(await firstUnrated.evaluate((a) => a.closest("sup")!.getBoundingClientRect().width)).toBeGreaterThan(20);
    await firstUnrated.blur();

    // Dates as people write them: the header's, and no ISO date anywhere a reader sees.
    await expect(page.locator(".reading-header")).toContainText(/published \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\./);
    expect(await page.locator("main").innerText()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    await expect(page.locator(`#detail-${seeded.headlineId}`)).toContainText(/approved \d{1,2} [A-Z][a-z]+ \d{4}\./);

    if (process.env.SCREENSHOTS_DIR) {
      // Tall enough to show the legend and the marked article below it in one picture.
      await page.setViewportSize({ width: 1280, height: 1400 });
      await legend.evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, "reading-view.png"), fullPage: false });
    }
  });

  test("a reader opens a claim by keyboard and reads its verdict and a source", async ({ page }) => {
    const slug = seedArticle("reading");
    const seeded = seedApproved(slug);
    await page.goto(`/a/${slug}`);
    await tabTo(page, seeded.headlineId);
    const link = checkLink(page, seeded.headlineId);
    await expect(link).toHaveAttribute("aria-expanded", "false");
    await expect(link).toHaveAttribute("aria-haspopup", "dialog");
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
    await expect(link).toBeFocused();
    await expect(link).toHaveAttribute("aria-expanded", "false");

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
    await expect(checkLink(page, seeded.statisticId)).toBeVisible();
    await expect(filters.getByRole("checkbox", { name: /^Not yet rated/ })).toHaveCount(0);
    await filters.getByRole("checkbox", { name: /^Statistic/ }).uncheck();
    await expect(checkLink(page, seeded.statisticId)).toBeHidden();
    await expect(statistic).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(page.locator(`#detail-${seeded.statisticId}`)).toBeHidden();
    await expect(checkLink(page, seeded.headlineId)).toBeVisible();
    // A click on a claim's words opens it too.
    await page.locator(`#claim-${seeded.headlineId}`).click();
    await expect(popover).toContainText("Misleading");
  });

  test("an unpublished article is a 404 for a reader", async ({ page }) => {
    const slug = seedArticle("reading-draft");
    seedApproved(slug, { draft: true });
    const response = await page.goto(`/a/${slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("ICE’s 287(g) Program")).toHaveCount(0);
  });

  test("axe finds no violation of any impact, with the unrated claims shown and not, and with the popover", async ({ page }) => {
    const slug = seedArticle("reading-axe");
    const seeded = seedApproved(slug, { rateFalse: true });
    await page.goto(`/a/${slug}`);
    await expect(page.getByRole("group", { name: "Show claims" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("checkbox", { name: "Highlight the claims not yet rated" }).check();
    expect(await axeViolations(page)).toEqual([]);
    await checkLink(page, seeded.headlineId).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
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
    await expect(tag).toHaveText("Misleading");
    await expect(tag.getByRole("link")).toHaveAccessibleName("Policy assertion, rated Misleading: see the check");
    await expect(tag).toHaveClass(/verdict-misleading/);
    await expect(page.locator(`sup[data-tag-for="${seeded.statisticId}"]`)).toContainText("Accurate");
    expect((await unratedTagWidths(page)).every((w) => w <= 1)).toBe(true);

    // The toggle is CSS only (:has()), so it works without JavaScript.
    const quiet = claimMarks(page).and(page.locator(".verdict-none[id^=claim-]")).first();
    await expect(quiet).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await page.getByRole("checkbox", { name: "Highlight the claims not yet rated" }).check();
    await expect(quiet).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");

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
