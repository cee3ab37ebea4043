import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { storageStateOf } from "../support";
import { missingSlugLike, sameDocument, seedHomeArticle, type HomeArticle, type Progress } from "./home-support";

/**
 * The front page as the desk's home (issue 15, items 2 and 3). Signed out: published articles only,
 * each one click from its reading view, and a draft nowhere (home, its article page, the API, a 404
 * that would tell it apart). Signed in: status, progress, claims assigned to me and the article's
 * pages per row, search and filter in the URL, and a breadcrumb on the article pages.
 */

/** Every axe violation, of any impact. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Saved only when SCREENSHOTS_DIR is set, so CI writes nothing outside the checkout. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

async function expectNoDraft(response: APIResponse, draft: HomeArticle, what: string): Promise<string> {
  const body = await response.text();
  expect(body.toLowerCase(), `${what} must not name the draft`).not.toContain(draft.marker.toLowerCase());
  expect(body, `${what} must not show the draft's text`).not.toContain(draft.figure);
  expect(body, `${what} must not show the draft's publisher`).not.toContain(draft.publisher);
  return body;
}

test.describe("signed out", () => {
  let draft: HomeArticle;
  let published: HomeArticle;
  test.beforeAll(() => {
    draft = seedHomeArticle("draft");
    published = seedHomeArticle("published");
  });

  test("one click leads from / to a published reading view, and the home page shows no draft", async ({ page, request }) => {
    await expectNoDraft(await request.get("/"), draft, "GET /");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
    expect((await page.content()).toLowerCase()).not.toContain(draft.marker.toLowerCase());
    // Every article link goes to a reading view; none to the staff pages.
    await expect(page.locator('main a[href^="/articles/"]')).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Import article" })).toHaveCount(0);
    const link = page.getByRole("link", { name: published.title, exact: true });
    await expect(link).toHaveAttribute("href", `/a/${published.slug}`);
    await expect(page.getByText(published.publisher)).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/a/${published.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(published.marker);
  });

  test("searching for a draft, or asking for drafts, finds nothing", async ({ request }) => {
    for (const query of [`q=${draft.marker}`, `q=${encodeURIComponent(draft.publisher)}`, "status=draft", "status=in_review", `status=draft&q=${draft.marker}`]) {
      const response = await request.get(`/?${query}`);
      expect(response.status(), query).toBe(200);
      const body = await response.text();
      expect(body, query).toContain("No articles match.");
      expect(body, query).not.toContain(draft.figure);
      expect(body, query).not.toContain(`/a/${draft.slug}`);
      expect(body, query).not.toContain(draft.title);
    }
    const found = await (await request.get(`/?q=${published.marker}`)).text();
    expect(found).toContain(`/a/${published.slug}`);
  });

  test("the draft's article page is the very 404 of a slug that does not exist", async ({ request }) => {
    const missing = missingSlugLike(draft.slug);
    expect(missing).toHaveLength(draft.slug.length);
    const draftPage = await request.get(`/articles/${draft.slug}`);
    const missingPage = await request.get(`/articles/${missing}`);
    expect(draftPage.status()).toBe(404);
    expect(missingPage.status()).toBe(404);
    const draftBody = await expectNoDraft(draftPage, draft, "the draft's article page");
    expect(draftBody).toContain("Page not found");
    // Same document once the address itself (and each page's own nonce) is set aside.
    expect(sameDocument(draftBody.replaceAll(draft.slug, "SLUG"))).toEqual(sameDocument((await missingPage.text()).replaceAll(missing, "SLUG")));
  });

  test("the API answers for a draft exactly as for a slug that does not exist", async ({ request }) => {
    const missing = missingSlugLike(draft.slug);
    for (const route of ["/api/articles/SLUG", "/api/articles/SLUG/claims", "/api/articles/SLUG/claims?page=1&pageSize=100"]) {
      const ofDraft = await request.get(route.replace("SLUG", draft.slug));
      const ofMissing = await request.get(route.replace("SLUG", missing));
      const body = await expectNoDraft(ofDraft, draft, route);
      expect(ofDraft.status(), route).toBe(ofMissing.status());
      expect(ofDraft.status(), route).not.toBe(200);
      expect(body.replaceAll(draft.slug, "SLUG"), route).toBe((await ofMissing.text()).replaceAll(missing, "SLUG"));
    }
    for (const route of ["/api/articles", "/api/articles?page=1&pageSize=100"]) {
      const list = await request.get(route);
      expect(list.status(), route).not.toBe(200);
      await expectNoDraft(list, draft, route);
    }
  });

  test("the home page and a published article page have no axe violations", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: published.title, exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "home-signed-out.png");

    await page.goto(`/articles/${published.slug}`);
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", published.title]);
    // A reader is offered the reading view, and none of the staff pages.
    const links = page.getByRole("navigation", { name: "This article" });
    await expect(links.getByRole("link", { name: "Reading view" })).toHaveAttribute("href", `/a/${published.slug}`);
    await expect(links.getByRole("link", { name: "Workbench" })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("signed in as a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });
  let mine: HomeArticle & { progress?: Progress };
  let published: HomeArticle;
  test.beforeAll(() => {
    mine = seedHomeArticle("draft", { assign: true });
    published = seedHomeArticle("published");
  });

  test("each article shows its status, progress, claims assigned to me and its pages", async ({ page }) => {
    const progress = mine.progress!;
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Import article" })).toHaveAttribute("href", "/articles/new");

    const row = page.locator(`tr[data-slug="${mine.slug}"]`);
    await expect(row.getByRole("rowheader").getByRole("link", { name: mine.title, exact: true })).toHaveAttribute("href", `/articles/${mine.slug}`);
    await expect(row.getByRole("cell").nth(0)).toHaveText("Draft");
    await expect(row.getByRole("cell").nth(1)).toHaveText(`${progress.reviewed} of ${progress.total} reviewed, ${progress.approved} approved`);
    await expect(row.getByRole("cell").nth(2)).toHaveText(String(progress.assigned));
    await expect(row.getByRole("link", { name: "Workbench" })).toHaveAttribute("href", `/articles/${mine.slug}/review`);
    await expect(row.getByRole("link", { name: "Revisions" })).toHaveAttribute("href", `/articles/${mine.slug}/revisions`);
    await expect(row.getByRole("link", { name: "Report and exports" })).toHaveAttribute("href", `/articles/${mine.slug}/report`);
    await expect(row.getByRole("link", { name: "Reading view" })).toHaveCount(0);
    await expect(row.getByRole("link", { name: "Desk" })).toHaveCount(0);

    const other = page.locator(`tr[data-slug="${published.slug}"]`);
    await expect(other.getByRole("cell").nth(0)).toHaveText("Published");
    await expect(other.getByRole("cell").nth(2)).toHaveText("0");
    await expect(other.getByRole("link", { name: "Reading view" })).toHaveAttribute("href", `/a/${published.slug}`);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "home-signed-in.png");

    await row.getByRole("link", { name: "Workbench" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${mine.slug}/review$`));
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", mine.title, "Workbench"]);
    await expect(breadcrumb.getByText("Workbench")).toHaveAttribute("aria-current", "page");
  });

  test("search and the status filter work through the URL, and a reload keeps them", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("search", { name: "Articles" });
    await search.getByLabel("Search").fill(mine.publisher.toUpperCase());
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\?q=GAZETTE/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator(`tr[data-slug="${mine.slug}"]`)).toBeVisible();

    // Every article seeded by this spec carries the marker's prefix; only the published ones remain.
    await search.getByLabel("Search").fill("Lanternwick");
    await search.getByLabel("Status").selectOption({ label: "Published" });
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=Lanternwick&status=published/);
    await expect(page.locator(`tr[data-slug="${published.slug}"]`)).toBeVisible();
    await expect(page.locator(`tr[data-slug="${mine.slug}"]`)).toHaveCount(0);
    const statuses = await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelector("td")?.textContent));
    expect(new Set(statuses)).toEqual(new Set(["Published"]));

    await page.reload();
    await expect(search.getByLabel("Search")).toHaveValue("Lanternwick");
    await expect(search.getByLabel("Status")).toHaveValue("published");
    await expect(page.locator(`tr[data-slug="${mine.slug}"]`)).toHaveCount(0);

    await page.getByRole("link", { name: "Show all" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator(`tr[data-slug="${mine.slug}"]`)).toBeVisible();
  });

  test("the article pages carry the breadcrumb and each other's links, with human dates and no axe violations", async ({ page }) => {
    await page.goto(`/articles/${mine.slug}`);
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", mine.title]);
    await expect(breadcrumb.getByText(mine.title)).toHaveAttribute("aria-current", "page");
    const links = page.getByRole("navigation", { name: "This article" });
    await expect(links.getByRole("link")).toHaveText(["Workbench", "Revisions", "Report and exports"]);
    await expect(page.locator("main")).toContainText(/imported \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(await axeViolations(page)).toEqual([]);

    await links.getByRole("link", { name: "Revisions" }).click();
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", mine.title, "Revisions"]);
    await expect(page.getByRole("table").getByRole("cell").nth(1)).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC$/);

    await links.getByRole("link", { name: "Report and exports" }).click();
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", mine.title, "Report and exports"]);
    await breadcrumb.getByRole("link", { name: "Articles" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("the reading view has the breadcrumb too, and gives a reviewer the article's other pages", async ({ page }) => {
    await page.goto(`/a/${published.slug}`);
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Articles", published.title]);
    const links = page.getByRole("navigation", { name: "This article" });
    await expect(links.getByRole("link")).toHaveText(["Workbench", "Revisions", "Report and exports"]);
    await links.getByRole("link", { name: "Workbench" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${published.slug}/review$`));
  });
});
