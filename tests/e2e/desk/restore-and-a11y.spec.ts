import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedArticle, storageStateOf } from "../support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test.use({ storageState: storageStateOf("editor") });

test("the desk restores an uploaded backup, and explains a file that is not one", async ({ page }) => {
  const slug = seedArticle("desk-restore");
  const backup = await (await page.request.get(`/api/articles/${slug}/export/backup.json`)).text();
  await page.goto("/desk");
  const form = page.getByRole("form", { name: "Restore a backup" });
  const file = form.getByLabel("Backup file");

  await file.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await form.getByRole("button", { name: "Restore" }).click();
  await expect(form.getByRole("alert")).toContainText("This file is not JSON");

  await file.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"format":"something-else"}') });
  await form.getByRole("button", { name: "Restore" }).click();
  await expect(form.getByRole("alert")).toContainText("Not a valid Claimdesk backup");

  // The article is still there: restoring without "replace" is refused with a clear conflict.
  await file.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
  await form.getByRole("button", { name: "Restore" }).click();
  await expect(form.getByRole("alert")).toContainText(`"${slug}" already exists`);

  await form.getByLabel("Replace an article with the same slug").check();
  await form.getByRole("button", { name: "Restore" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Restored" })).toContainText(`Restored ${slug} (replaced)`);
  await expect(form.getByRole("alert")).toHaveCount(0);
});

test("the desk, an article's desk and the token settings have no serious axe violations", async ({ page }) => {
  const slug = seedArticle("desk-axe");
  await page.goto("/desk");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/desk/${slug}`);
  await expect(page.getByRole("table", { name: "Every reviewer's verdict on each claim" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/settings/tokens");
  expect(await seriousViolations(page)).toEqual([]);
});
