import { expect, test } from "@playwright/test";
import { currentClaim, openWorkbench, seedArticle, storageStateOf } from "../support";
import { humanDate } from "@/lib/export/human-date";

test.use({ storageState: storageStateOf("reviewer") });

test("a reviewer reviews three claims with the keyboard alone, cites a source, and it all persists", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = seedArticle("keyboard");
  await openWorkbench(page, slug);
  const detail = page.getByTestId("claim-detail");

  // Claim 1 → j moves to the second claim; 5 = Accurate; n focuses the note; Ctrl+Enter saves.
  await page.keyboard.press("j");
  const first = (await currentClaim(page).locator(".claim-item-text").innerText()).trim();
  await page.keyboard.press("5");
  await expect(detail.getByRole("status")).toContainText("Saved");
  await page.keyboard.press("n");
  await expect(detail.getByLabel("Note (Markdown)")).toBeFocused();
  await page.keyboard.type("Checked against the agency's annual report.");
  await page.keyboard.press("Control+Enter");
  await expect(detail.getByRole("status")).toContainText("version 2");

  // Claim 2: 2 = Misleading. Claim 3: u = Unsupported.
  await page.keyboard.press("Escape");
  await expect(currentClaim(page)).toBeFocused();
  await page.keyboard.press("j");
  const second = (await currentClaim(page).locator(".claim-item-text").innerText()).trim();
  await page.keyboard.press("2");
  await expect(detail.getByRole("status")).toContainText("Saved");
  await page.keyboard.press("j");
  const third = (await currentClaim(page).locator(".claim-item-text").innerText()).trim();
  await page.keyboard.press("u");
  await expect(detail.getByRole("status")).toContainText("Saved");
  expect(new Set([first, second, third]).size).toBe(3);

  // c opens the citation form with focus in the URL field; fill it by typing and Tab.
  await page.keyboard.press("c");
  await expect(detail.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://www.ice.gov/287g?utm_source=test");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Delegation of Immigration Authority Section 287(g)");
  await detail.getByLabel("Quoted excerpt").focus();
  await page.keyboard.type("ICE has 287(g) agreements with law enforcement agencies in many states.");
  await detail.getByLabel("Stance").selectOption("context");
  await detail.getByLabel("Quoted excerpt").focus();
  await page.keyboard.press("Tab"); // stance
  await page.keyboard.press("Tab"); // archive URL
  await page.keyboard.press("Enter"); // submits the form
  await expect(detail.getByTestId("citation")).toContainText("ICE has 287(g) agreements");

  await page.reload();
  await expect(page.getByRole("list", { name: /Claims/ })).toBeVisible();
  const items = page.locator(".claim-item");
  await expect(items.filter({ hasText: first })).toContainText("you: Accurate");
  await expect(items.filter({ hasText: second })).toContainText("you: Misleading");
  await expect(items.filter({ hasText: third })).toContainText("you: Unsupported");
  await items.filter({ hasText: first }).click();
  await expect(detail.getByLabel("Note (Markdown)")).toHaveValue("Checked against the agency's annual report.");
  await items.filter({ hasText: third }).click();
  const citation = detail.getByTestId("citation");
  await expect(citation).toContainText("Delegation of Immigration Authority Section 287(g)");
  await expect(citation).toContainText("context");
  await expect(citation).toContainText(`accessed ${humanDate(new Date().toISOString().slice(0, 10))}`);
  await expect(page.getByText(/3 of \d+ claims reviewed/)).toBeVisible();
});
