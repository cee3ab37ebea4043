import { expect, test, type Dialog, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

test.use({ storageState: storageStateOf("reviewer") });

/** Accepts every "leave this page?" question from now on and records each dialog's type. */
function acceptLeaving(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", async (dialog: Dialog) => {
    seen.push(dialog.type());
    await dialog.accept();
  });
  return seen;
}

test("a note typed and not saved survives moving between claims and a reload, and saving it clears the draft", async ({ page }) => {
  const slug = seedArticle("draft-note");
  await openWorkbench(page, slug);
  const detail = page.getByTestId("claim-detail");
  const note = detail.getByLabel("Note (Markdown)");
  const text = "Half-written: the count of 287(g) agreements needs its source.";
  await note.click();
  await page.keyboard.type(text);

  // j and k, within the page: the draft stays with its claim.
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(note).toHaveValue("");
  await page.keyboard.press("k");
  await expect(note).toHaveValue(text);

  const dialogs = acceptLeaving(page);
  await page.reload();
  await expect(note).toHaveValue(text);
  await expect(detail.getByTestId("draft-notice")).toContainText(/Restored your unsaved draft from \d/);
  expect(dialogs).toEqual(["beforeunload"]);

  await detail.getByRole("button", { name: "Save review" }).click();
  await expect(detail.getByRole("status")).toContainText("Saved (version 1)");
  await expect(detail.getByTestId("draft-notice")).toHaveCount(0);

  // Saved: nothing is left to lose, so leaving no longer asks, and no draft comes back.
  await page.reload();
  await expect(note).toHaveValue(text);
  await expect(detail.getByTestId("draft-notice")).toHaveCount(0);
  expect(dialogs).toEqual(["beforeunload"]);
});

test("an unsaved citation survives a reload and is added from the restored form", async ({ page }) => {
  const slug = seedArticle("draft-cite");
  await openWorkbench(page, slug);
  const detail = page.getByTestId("claim-detail");
  await page.keyboard.press("c");
  await expect(detail.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://www.ice.gov/identify-and-arrest/287g");
  await detail.getByLabel("Quoted excerpt").click();
  await page.keyboard.type("An excerpt typed before the reload.");
  await detail.getByLabel("Stance").selectOption("refutes");

  const dialogs = acceptLeaving(page);
  await page.reload();
  const form = detail.getByRole("form", { name: "Add citation" });
  await expect(form.getByLabel("Source URL")).toHaveValue("https://www.ice.gov/identify-and-arrest/287g");
  await expect(form.getByLabel("Quoted excerpt")).toHaveValue("An excerpt typed before the reload.");
  await expect(form.getByLabel("Stance")).toHaveValue("refutes");
  await expect(form.getByTestId("draft-notice")).toContainText("Restored your unsaved draft from");
  // The restored form does not take the focus: the keys still drive the workbench.
  await expect(form.getByLabel("Source URL")).not.toBeFocused();
  expect(dialogs).toEqual(["beforeunload"]);

  await form.getByRole("button", { name: "Add citation" }).click();
  await expect(detail.getByTestId("citation")).toContainText("An excerpt typed before the reload.");
  await page.reload();
  await expect(detail.getByTestId("citation")).toContainText("An excerpt typed before the reload.");
  await expect(detail.getByLabel("Source URL")).toHaveCount(0);
  expect(dialogs).toEqual(["beforeunload"]);
});

test("leaving with an unsaved note asks first; Discard draft drops it", async ({ page }) => {
  const slug = seedArticle("draft-leave");
  await openWorkbench(page, slug);
  const detail = page.getByTestId("claim-detail");
  const note = detail.getByLabel("Note (Markdown)");
  await note.click();
  await page.keyboard.type("Not sure about this yet.");

  // Closing the tab asks; answering "stay" keeps the page and the note.
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(note).toHaveValue("Not sure about this yet.");

  const dialogs = acceptLeaving(page);
  await page.reload();
  await expect(note).toHaveValue("Not sure about this yet.");
  await detail.getByTestId("draft-notice").getByRole("button", { name: "Discard draft" }).click();
  await expect(note).toHaveValue("");
  await expect(detail.getByTestId("draft-notice")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("claim-detail")).toBeVisible();
  await expect(note).toHaveValue("");
  expect(dialogs).toEqual(["beforeunload"]);
});

test("a draft of a review that was saved elsewhere since says so, and saving it opens the conflict instead of overwriting", async ({ browser }) => {
  test.setTimeout(90_000);
  const slug = seedArticle("draft-stale");
  const mine = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const elsewhere = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const a = await mine.newPage();
  const b = await elsewhere.newPage();
  try {
    await openWorkbench(a, slug);
    const detailA = a.getByTestId("claim-detail");
    await detailA.getByLabel("Note (Markdown)").click();
    await a.keyboard.type("My draft, begun before the other save.");

    await openWorkbench(b, slug);
    const detailB = b.getByTestId("claim-detail");
    await detailB.getByLabel("Note (Markdown)").fill("Saved in another tab.");
    await detailB.getByRole("button", { name: "Save review" }).click();
    await expect(detailB.getByRole("status")).toContainText("version 1");

    acceptLeaving(a);
    await a.reload();
    await expect(detailA.getByLabel("Note (Markdown)")).toHaveValue("My draft, begun before the other save.");
    await expect(detailA.getByTestId("draft-notice")).toContainText("The saved review changed since you began this draft");
    await detailA.getByRole("button", { name: "Save review" }).click();
    const conflict = detailA.locator(".conflict");
    await expect(conflict.getByTestId("conflict-yours")).toHaveText("My draft, begun before the other save.");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Saved in another tab.");
    await expect(detailA.getByRole("status")).toContainText("Not saved");
  } finally {
    await mine.close();
    await elsewhere.close();
  }
});
