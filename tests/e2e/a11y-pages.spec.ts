import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runSeedScript, seedArticle, storageStateOf } from "./support";

/**
 * Axe on every page the other accessibility specs do not open (issue 15: "0 violations of any
 * impact on every page"): revisions with their diff, the report and its HTML export, the desk and an
 * article's desk with a disagreement, API tokens with a token shown, the forbidden page, the 404
 * signed in and out, and sign-in showing its errors. Each page is checked in the states that add
 * markup (an alert, a status message, a shown-once secret), since that is where violations hide.
 * The sign-in page as it opens and the workbench are tests/e2e/accessibility.spec.ts's; home and
 * article page, import, accounts and the reading view are checked by their own specs.
 */

/** Every violation of any impact, minor included, one line each with its rule, help and targets. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Soft, so one run reports every page's violations rather than stopping at the first page. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect.soft(await violations(page), `axe on ${where}`).toEqual([]);
}

/** Revision 2 of the seed article: one figure changed, one sentence gone, so the diff has both an insertion and a deletion. */
const secondRevision = () =>
  readFileSync("content/ice-287g-fy2020.md", "utf8")
    .replace("from 36 to 149", "from 36 to 150")
    .replace(" These same officials made false claims of discrimination associated with the program.", "");

test.describe("signed out", () => {
  test("sign-in with its errors shown: the field errors of an empty form, then a refused password", async ({ page }) => {
    await page.goto("/sign-in");
    // Next's route announcer is an alert too: the form's own is the one meant.
    const alert = page.getByRole("main").getByRole("alert");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Check the highlighted fields.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expectNoViolations(page, "sign-in with field errors");

    // An address no account has, so the rate limit of the demo accounts is never touched.
    await page.getByLabel("Email").fill(`nobody-${Date.now()}@claimdesk.test`);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("That email and password do not match an account.");
    await expectNoViolations(page, "sign-in with a refused password");
  });

  test("the 404 pages: an unknown address, an unknown article and an unknown reading view", async ({ page }) => {
    for (const url of ["/no-such-page", "/articles/no-such-article-0000", "/a/no-such-article-0000"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expectNoViolations(page, `the 404 of ${url}, signed out`);
    }
  });
});

test.describe("signed in as a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("the forbidden page a reviewer gets for the desk, and the 404 signed in", async ({ page }) => {
    const slug = seedArticle("axe-forbidden");
    await page.goto(`/desk/${slug}`);
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    await expectNoViolations(page, "/forbidden");

    for (const url of ["/no-such-page", "/articles/no-such-article-0000"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expectNoViolations(page, `the 404 of ${url}, signed in`);
    }
  });

  test("API tokens with a token just created and shown once", async ({ page }) => {
    await page.goto("/settings/tokens");
    await expectNoViolations(page, "/settings/tokens");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.locator("#token-name-error")).toBeVisible();
    await expect(page.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
    await expectNoViolations(page, "/settings/tokens refusing a token without a name");
    await page.getByLabel("Token name").fill(`axe ${Date.now()}`);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toHaveValue(/.{20,}/);
    await expect(page.getByRole("status")).toContainText("Copy it now");
    await expectNoViolations(page, "/settings/tokens with a new token");
  });
});

test.describe("signed in as an editor", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("revisions: one, a refused import, revision 2 imported with the diff open, and a comparison that finds no revision", async ({ page }) => {
    const slug = seedArticle("axe-revisions");
    await page.goto(`/articles/${slug}/revisions`);
    await expect(page.getByText("Only one revision so far")).toBeVisible();
    await expectNoViolations(page, "revisions with one revision");

    const form = page.getByRole("form", { name: "Import new revision" });
    await form.getByLabel("Article text").fill(`---\ntitle: [not closed\n---\n\n${secondRevision()}`);
    await form.getByRole("button", { name: "Import revision" }).click();
    await expect(form.getByRole("alert")).toContainText("front matter");
    await expectNoViolations(page, "revisions with a refused import");

    await form.getByLabel("Article text").fill(secondRevision());
    await form.getByRole("button", { name: "Import revision" }).click();
    await expect(form.getByRole("status")).toContainText("Imported revision 2");
    await expect(page.getByTestId("revision-diff").getByRole("heading", { name: "Changes from revision 1 to revision 2" })).toBeVisible();
    await expect(page.getByTestId("revision-diff").locator("del")).not.toHaveCount(0);
    await expectNoViolations(page, "revisions with revision 2 imported and the diff");

    await page.goto(`/articles/${slug}/revisions?from=1&to=9`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("There is no such revision to compare.");
    await expectNoViolations(page, "revisions comparing a missing revision");

    // The revision's text for annotation targets is plain text, not a page: nothing for axe to read.
    const text = await page.request.get(`/a/${slug}/revisions/2`);
    expect(text.status()).toBe(200);
    expect(text.headers()["content-type"]).toMatch(/^text\/plain/);
  });

  test("the report page and the HTML report it links to", async ({ page }) => {
    const slug = seedArticle("axe-report");
    runSeedScript("tests/e2e/reading/seed-approved.ts", [slug, "--draft"], { stdio: "pipe" });
    await page.goto(`/articles/${slug}/report`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report and exports");
    await expectNoViolations(page, "the report page");

    // The link downloads (Content-Disposition: attachment); served inline, the browser renders the very bytes.
    const href = await page.getByRole("link", { name: "HTML report" }).getAttribute("href");
    expect(href).toBe(`/api/articles/${slug}/export/report.html`);
    await page.route(`**${href}`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-disposition"];
      await route.fulfill({ response, headers });
    });
    const response = await page.goto(href!);
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
    await expect(page.getByRole("banner").getByRole("heading", { level: 1 })).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
    await expectNoViolations(page, "the HTML report export");
  });

  test("the desk, and an article's desk with a disagreement, before and after publishing", async ({ page }) => {
    const slug = seedArticle("axe-desk");
    runSeedScript("tests/e2e/a11y/seed-disagreement.ts", [slug], { stdio: "pipe" });
    await page.goto("/desk");
    await expect(page.locator(`tr[data-slug="${slug}"]`)).toBeVisible();
    await expectNoViolations(page, "/desk");
    const restore = page.getByRole("form", { name: "Restore a backup" });
    await restore.getByLabel("Backup file").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await restore.getByRole("button", { name: "Restore" }).click();
    await expect(restore.getByRole("alert")).toContainText("This file is not JSON");
    await expectNoViolations(page, "/desk with a refused backup");

    await page.goto(`/desk/${slug}`);
    await expect(page.getByRole("table", { name: "Every reviewer's verdict on each claim" })).toBeVisible();
    await expect(page.locator("tr[data-claim-id]").first()).toContainText("Disagreement");
    await expect(page.getByRole("table", { name: "Agreement per pair of reviewers" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
    await expectNoViolations(page, `/desk/${slug}`);

    // Claim 2 approved (its Reopen form open), claim 1's own-verdict form open, claim 1 selected to
    // assign, then the article published: each adds a status message or a form.
    const claim2 = page.locator("tr[data-claim-id]").nth(1);
    await claim2.getByRole("button", { name: "Approve Rita Reviewer's verdict on claim 2" }).click();
    await expect(claim2.getByTestId("final-verdict")).toHaveText("Misleading");
    await claim2.getByText("Reopen claim 2…").click();
    await page.locator("tr[data-claim-id]").first().getByText("Write your own verdict on claim 1…").click();
    await page.getByLabel("Select claim 1", { exact: true }).check();
    await expectNoViolations(page, `/desk/${slug} with a claim approved and the claim forms open`);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("article-status")).toHaveText("Published");
    await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
    await expectNoViolations(page, `/desk/${slug}, published`);
  });
});
