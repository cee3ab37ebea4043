import { expect, test } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

test.describe("signed out", () => {
  test("the workbench sends a reader to sign in and back", async ({ page }) => {
    const slug = seedArticle("signedout");
    await page.goto(`/articles/${slug}/review`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=%2Farticles%2F${slug}%2Freview`));
    await page.getByLabel("Email").fill("reviewer@claimdesk.test");
    await page.getByLabel("Password").fill("claimdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/review$`));
    await expect(page.getByTestId("claim-detail")).toBeVisible();
  });

  test("the approve API refuses a reader with 401", async ({ request }) => {
    const response = await request.post("/api/claims/anything/approve", { data: { reviewId: "x" } });
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("approving, an editor's action, is refused with 403 and nothing changes", async ({ page }) => {
    const slug = seedArticle("approve");
    await openWorkbench(page, slug);
    const detail = page.getByTestId("claim-detail");
    await page.keyboard.press("5");
    await expect(detail.getByRole("status")).toContainText("Saved");
    const claimId = (await page.locator('.claim-item[aria-current="true"]').getAttribute("id"))!.replace("claim-item-", "");
    const state = page.locator(`#claim-item-${claimId} .claim-item-state`);
    await expect(state).toHaveText("reviewed · you: Accurate");
    const stateBefore = await state.innerText();

    const response = await page.request.post(`/api/claims/${claimId}/approve`, { data: { reviewId: "any-review" } });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN");

    await page.reload();
    await expect(state).toHaveText(stateBefore);
    expect(stateBefore).not.toContain("approved");
  });

  test("a javascript: citation URL is refused and what was typed stays", async ({ page }) => {
    const slug = seedArticle("jsurl");
    await openWorkbench(page, slug);
    const detail = page.getByTestId("claim-detail");
    await page.keyboard.press("c");
    await detail.getByLabel("Source URL").fill("javascript:alert(1)");
    await detail.getByLabel("Quoted excerpt").fill("An excerpt I do not want to lose.");
    await detail.getByRole("button", { name: "Add citation" }).click();
    await expect(detail.getByRole("alert")).toContainText(/http and https/);
    await expect(detail.getByLabel("Source URL")).toHaveValue("javascript:alert(1)");
    await expect(detail.getByLabel("Quoted excerpt")).toHaveValue("An excerpt I do not want to lose.");
    // The refused citation is an unsaved draft: leaving asks first (drafts.spec.ts).
    page.on("dialog", (dialog) => dialog.accept());
    await page.reload();
    await expect(page.getByTestId("claim-detail").getByTestId("citation")).toHaveCount(0);
  });

  test("a note with an <img onerror> renders inert", async ({ browser }) => {
    const slug = seedArticle("xss");
    const context = await browser.newContext({ storageState: storageStateOf("reviewer") });
    const page = await context.newPage();
    await openWorkbench(page, slug);
    await page.getByTestId("claim-detail").getByLabel("Note (Markdown)").fill('Look: <img src=x onerror=alert(1)> and <script>alert(2)</script>');
    await page.getByTestId("claim-detail").getByRole("button", { name: "Save review" }).click();
    await expect(page.getByTestId("claim-detail").getByRole("status")).toContainText("Saved");
    await context.close();

    // Another reviewer sees the note rendered; no dialog may fire.
    const other = await browser.newContext({ storageState: storageStateOf("reviewer2") });
    const view = await other.newPage();
    const dialogs: string[] = [];
    view.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await openWorkbench(view, slug);
    const review = view.getByRole("article", { name: /Review by/ });
    await expect(review).toContainText("Look:");
    await expect(review.locator("img, script")).toHaveCount(0);
    await view.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await other.close();
  });
});
