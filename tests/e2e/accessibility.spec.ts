import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "./support";

/** Every axe violation on the page, of any impact (minor and moderate too), one line each. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test("the sign-in page has no axe violations", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await violations(page)).toEqual([]);
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("the workbench has no axe violations: as it opens, with the citation form, a restored draft and the shortcuts dialog", async ({ page }) => {
    const slug = seedArticle("axe");
    await openWorkbench(page, slug);
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press("c");
    await expect(page.getByTestId("claim-detail").getByLabel("Source URL")).toBeFocused();
    expect(await violations(page)).toEqual([]);

    // A restored draft shows its notice and Discard button.
    await page.keyboard.type("https://example.org/source");
    page.on("dialog", (dialog) => dialog.accept());
    await page.reload();
    await expect(page.getByTestId("draft-notice")).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
