import { expect, test, type Browser } from "@playwright/test";
import { krippendorffAlpha } from "@/lib/desk/krippendorff-alpha";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

/** A reviewer opens the workbench, selects the claim and presses a verdict key; waits for "Saved". */
async function giveVerdict(browser: Browser, role: "reviewer" | "reviewer2", slug: string, verdicts: [string, string][]): Promise<void> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  try {
    const page = await context.newPage();
    await openWorkbench(page, slug);
    for (const [claimId, key] of verdicts) {
      await page.locator(`#claim-item-${claimId}`).click();
      await expect(page.locator(`#claim-item-${claimId}`)).toHaveAttribute("aria-current", "true");
      await page.keyboard.press(key);
      await expect(page.getByTestId("claim-detail").getByRole("status")).toContainText("Saved");
    }
  } finally {
    await context.close();
  }
}

test("an editor assigns claims, two reviewers disagree, the editor approves one and publishes, and a reader sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  const slug = seedArticle("desk");
  const editorContext = await browser.newContext({ storageState: storageStateOf("editor") });
  const desk = await editorContext.newPage();
  let first = "";
  let second = "";
  try {
    await desk.goto("/desk");
    await expect(desk.locator(`tr[data-slug="${slug}"]`)).toContainText("Draft");
    await desk.locator(`tr[data-slug="${slug}"]`).getByRole("link").click();
    await expect(desk.getByRole("heading", { level: 1 })).toBeVisible();

    // Claims 1 and 2 to Rita; every other open claim to Ravi.
    const rows = desk.locator("tr[data-claim-id]");
    first = (await rows.nth(0).getAttribute("data-claim-id"))!;
    second = (await rows.nth(1).getAttribute("data-claim-id"))!;
    await desk.getByLabel("Select claim 1", { exact: true }).check();
    await desk.getByLabel("Select claim 2", { exact: true }).check();
    await desk.getByLabel("Assign to").selectOption({ label: "Rita Reviewer (reviewer)" });
    await desk.getByRole("button", { name: /Assign selected/ }).click();
    await expect(desk.getByTestId("assign-status")).toHaveText("Assigned 2 claims to Rita Reviewer.");
    await expect(rows.nth(0).getByTestId("assignee")).toHaveText("Rita Reviewer");
    await desk.getByLabel("Assign to").selectOption({ label: "Ravi Reviewer (reviewer)" });
    await desk.getByRole("button", { name: "Assign all unassigned" }).click();
    await expect(desk.getByTestId("assign-status")).toContainText("to Ravi Reviewer.");
    await expect(rows.nth(2).getByTestId("assignee")).toHaveText("Ravi Reviewer");
    await expect(rows.nth(1).getByTestId("assignee")).toHaveText("Rita Reviewer");

    // Rita: Accurate (5) and Misleading (2); Ravi: False (1) and Misleading (2).
    await giveVerdict(browser, "reviewer", slug, [[first, "5"], [second, "2"]]);
    await giveVerdict(browser, "reviewer2", slug, [[first, "1"], [second, "2"]]);

    await desk.reload();
    const claim1 = desk.locator(`#desk-claim-${first}`);
    const claim2 = desk.locator(`#desk-claim-${second}`);
    await expect(claim1.locator('td[data-reviewer="Rita Reviewer"]')).toContainText("Accurate");
    await expect(claim1.locator('td[data-reviewer="Ravi Reviewer"]')).toContainText("False");
    await expect(claim1).toContainText("Disagreement");
    await expect(claim2).toContainText("Agree");
    const alpha = krippendorffAlpha([[5, 1], [2, 2]])!.toFixed(3);
    await expect(desk.getByTestId("article-alpha")).toHaveText(`α = ${alpha}`);
    await expect(desk.getByRole("table", { name: "Agreement per pair of reviewers" })).toContainText(alpha);

    // The editor approves Rita's verdict on claim 1 and publishes.
    await claim1.getByRole("button", { name: "Approve Rita Reviewer's verdict on claim 1" }).click();
    await expect(claim1.getByTestId("final-verdict")).toHaveText("Accurate");
    await desk.getByRole("button", { name: "Publish" }).click();
    await expect(desk.getByTestId("article-status")).toHaveText("Published");
    await expect(desk.getByRole("link", { name: "Report and exports" })).toHaveAttribute("href", `/articles/${slug}/report`);
  } finally {
    await editorContext.close();
  }

  // A reader (signed out) sees the approved verdict, and no verdict for the claim not approved.
  const readerContext = await browser.newContext();
  try {
    const reader = await readerContext.newPage();
    await reader.goto(`/a/${slug}`);
    await expect(reader.locator(`sup[data-tag-for="${first}"]`)).toContainText("Accurate");
    await expect(reader.locator(`sup[data-tag-for="${second}"]`)).not.toContainText("Misleading");
  } finally {
    await readerContext.close();
  }
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("the desk is refused, and approving or publishing through the API gets 403", async ({ page }) => {
    const slug = seedArticle("desk-refused");
    await page.goto(`/desk/${slug}`);
    await expect(page).toHaveURL(/\/forbidden/);

    await openWorkbench(page, slug);
    await page.keyboard.press("5");
    await expect(page.getByTestId("claim-detail").getByRole("status")).toContainText("Saved");
    const claimId = (await page.locator('.claim-item[aria-current="true"]').getAttribute("id"))!.replace("claim-item-", "");
    const claims = await (await page.request.get(`/api/articles/${slug}/claims?pageSize=100`)).json();
    const reviewId = claims.data.find((c: { id: string }) => c.id === claimId).reviews[0].id;

    const approve = await page.request.post(`/api/claims/${claimId}/approve`, { data: { reviewId } });
    expect(approve.status()).toBe(403);
    expect((await approve.json()).error.code).toBe("FORBIDDEN");
    const publish = await page.request.post(`/api/articles/${slug}/publish`);
    expect(publish.status()).toBe(403);
    expect((await publish.json()).error.code).toBe("FORBIDDEN");

    const article = await (await page.request.get(`/api/articles/${slug}`)).json();
    expect(article.data.status).not.toBe("published");
    expect(article.data.claims.approved).toBe(0);
  });
});

test("an API token reads the claims API; revoked, it gets 401 even next to a session", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const page = await context.newPage();
  try {
    await page.goto("/settings/tokens");
    const name = `e2e script ${Date.now()}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-token").inputValue();
    expect(token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);
    const row = page.locator(`tr[data-token-name="${name}"]`);
    await expect(row).toContainText("never");

    const url = "/api/articles/ice-287g-fy2020/claims";
    const bearer = { Authorization: `Bearer ${token}` };
    const ok = await request.get(`${url}?pageSize=5`, { headers: bearer });
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ page: 1, pageSize: 5 });
    expect(body.data).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    expect(Array.isArray(body.data[0].reviews)).toBe(true);
    expect((await request.get(url)).status()).toBe(401);
    const tooBig = await request.get(`${url}?pageSize=500`, { headers: bearer });
    expect(tooBig.status()).toBe(422);
    expect((await tooBig.json()).error).toMatchObject({ code: "INVALID", fields: { pageSize: ["pageSize can be at most 100"] } });

    await page.reload();
    await expect(row).not.toContainText("never");
    await row.getByRole("button", { name: `Revoke the token ${name}` }).click();
    await expect(row).toContainText("Revoked");

    const revoked = await request.get(url, { headers: bearer });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.code).toBe("UNAUTHENTICATED");
    // The page's own request carries the reviewer's session cookie: the bad token still wins.
    const withSession = await page.request.get(url, { headers: bearer });
    expect(withSession.status()).toBe(401);
    expect((await page.request.get(url)).status()).toBe(200);
  } finally {
    await context.close();
  }
});
