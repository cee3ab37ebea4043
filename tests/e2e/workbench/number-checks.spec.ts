import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { importFile, openWorkbench, storageStateOf } from "../support";

test.use({ storageState: storageStateOf("reviewer") });

// Issue 17's must-show case: 200 → 300 is +50%, not the 25% the sentence states.
const ARTICLE = `# Harbor ferry riders

Ferry ridership rose from 200 to 300 last year, a 25% increase.

The council approved a $412 million budget on Tuesday.
`;
const FERRY = "Ferry ridership rose from 200 to 300 last year, a 25% increase.";

/** Imports ARTICLE under a unique slug into the e2e server's database, as seedArticle does the seed. */
function seedFerryArticle(): string {
  const slug = `numbers-${randomBytes(4).toString("hex")}`;
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-numbers-"));
  try {
    const file = path.join(dir, `${slug}.md`);
    writeFileSync(file, ARTICLE);
    importFile(file, slug);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return slug;
}

/** Every axe violation on the page, of any impact, one line each. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

async function htmlReport(page: Page, slug: string): Promise<string> {
  const response = await page.request.get(`/api/articles/${slug}/export/report.html`);
  expect(response.status()).toBe(200);
  return response.text();
}

test("a wrong percentage shows as a number check in the workbench and the report; explaining it records the reason in the claim's history", async ({ page }) => {
  const slug = seedFerryArticle();
  await openWorkbench(page, slug);
  await page.locator(".claim-item").filter({ hasText: FERRY }).click();
  const detail = page.getByTestId("claim-detail");
  await expect(detail.locator(".claim-quote")).toHaveText(FERRY);

  const checks = detail.getByRole("region", { name: /Number checks/ });
  await expect(checks).toBeVisible();
  const check = checks.getByRole("listitem").filter({ hasText: "Check:" });
  await expect(check).toHaveCount(1);
  await expect(check).toContainText("25%");
  await check.getByText("How this was checked").click();
  await expect(check.getByText("Tolerance", { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const message = (await check.locator(".number-check-message").innerText()).replace(/^Check:\s*/, "");
  const before = await htmlReport(page, slug);
  expect(before).toContain("<h2>Number checks</h2>");
  expect(before).toContain("1 check, 0 explained.");
  expect(before).toContain(message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));

  // A blank reason is refused in the form, with the schema's message; then a real one is recorded.
  await check.getByRole("button", { name: "Explain…" }).click();
  const reason = check.getByLabel("Why the figures are right as they stand");
  await reason.fill("   ");
  await check.getByRole("button", { name: "Mark explained" }).click();
  await expect(check.getByRole("alert")).toHaveText("Say why the figures are right as they stand");
  expect(await violations(page)).toEqual([]);
  const why = "The 25% compares with 2022; 200 was last year's low, 240 the year before.";
  await reason.fill(why);
  await check.getByRole("button", { name: "Mark explained" }).click();
  await expect(check).toContainText(`Explained by`);
  await expect(check).toContainText(why);
  await expect(checks).toContainText("all explained");

  await detail.locator("details.history summary").click();
  await expect(detail.locator("details.history")).toContainText(`marked a number check explained: ${why}`);
  expect(await violations(page)).toEqual([]);

  const after = await htmlReport(page, slug);
  expect(after).toContain("1 check, 1 explained.");
  expect(after).toContain(why.replace(/'/g, "&#39;"));

  // After a reload the page's preloaded claim is fetched again for its checks: still explained.
  await page.reload();
  await page.locator(".claim-item").filter({ hasText: FERRY }).click();
  await expect(page.getByTestId("claim-detail").getByRole("region", { name: /Number checks/ })).toContainText(why);
});
