import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test("the sign-in page has no serious or critical axe violations", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("the workbench has no serious or critical axe violations", async ({ page }) => {
    const slug = seedArticle("axe");
    await openWorkbench(page, slug);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("c");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
