import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { importFile, openWorkbench, seedArticle, storageStateOf } from "../support";

// Revision 2 of the seed article: one number changed, one sentence deleted.
const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
const NUMBER_CLAIM = "increased from 36 to 149";
const DELETED = "These same officials made false claims of discrimination associated with the program.";
const edited = seed.replace("from 36 to 149", "from 36 to 150").replace(` ${DELETED}`, "");

/** Gives the claim containing `text` a verdict by keyboard (its number or letter key) and waits for the save. */
async function review(page: Page, text: string, key: string, note?: string): Promise<void> {
  await page.locator(".claim-item").filter({ hasText: text }).click();
  const detail = page.getByTestId("claim-detail");
  await page.keyboard.press(key);
  await expect(detail.getByRole("status")).toContainText("Saved");
  if (!note) return;
  await page.keyboard.press("n");
  await page.keyboard.type(note);
  await page.keyboard.press("Control+Enter");
  await expect(detail.getByRole("status")).toContainText("version 2");
}

/** Selects `phrase` in the rendered article as a mouse drag would. */
async function selectInArticle(page: Page, phrase: string): Promise<void> {
  await page.getByTestId("article-text").evaluate((root, phrase) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    const at = texts.map((t) => t.data).join("").indexOf(phrase);
    if (at < 0) throw new Error(`not in article: ${phrase}`);
    const locate = (offset: number): [Text, number] => {
      let seen = 0;
      for (const t of texts) {
        if (offset <= seen + t.data.length) return [t, offset - seen];
        seen += t.data.length;
      }
      throw new Error("offset past the end");
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + phrase.length));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, phrase);
}

test.describe("an editor", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("imports a revision: the changed claim shows both texts, the deleted one waits under Orphans with its review", async ({ page }) => {
    test.setTimeout(120_000);
    const slug = seedArticle("revision");
    await openWorkbench(page, slug);
    await review(page, NUMBER_CLAIM, "5");
    await review(page, DELETED, "u", "No source for the accusation.");

    // The article page leads to the import form; a refused import keeps the pasted text.
    await page.goto(`/articles/${slug}`);
    await page.getByRole("link", { name: "Import new revision" }).click();
    await expect(page.getByRole("heading", { name: "Import new revision" })).toBeVisible();
    const textArea = page.getByLabel("Article text");
    const broken = `---\ntitle: [not closed\n---\n\n${edited}`;
    await textArea.fill(broken);
    await page.getByRole("button", { name: "Import revision" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "front matter" })).toBeVisible();
    await expect(textArea).toHaveValue(broken);

    await textArea.fill(edited);
    await page.getByRole("button", { name: "Import revision" }).click();
    const status = page.getByRole("status").filter({ hasText: "Imported revision 2" });
    await expect(status).toContainText("1 changed");
    await expect(status).toContainText("1 orphaned");

    // The diff between revisions 1 and 2, with the claims of each.
    const diff = page.getByTestId("revision-diff");
    await expect(diff.getByRole("heading", { name: "Changes from revision 1 to revision 2" })).toBeVisible();
    await expect(diff.locator("del").filter({ hasText: "These same officials" })).toHaveCount(1);
    await expect(diff.locator("ins")).not.toHaveCount(0);
    const revisionRows = page.getByRole("table").getByRole("row");
    await expect(revisionRows).toHaveCount(3);
    await expect(revisionRows.nth(1)).toContainText("Eddie Editor");
    await expect(revisionRows.nth(2)).toContainText("command line");
    const oldClaims = diff.getByRole("list", { name: "Claims in revision 1" });
    await expect(oldClaims.getByRole("listitem").filter({ hasText: DELETED })).toContainText("not in revision 2");
    await expect(diff.getByRole("list", { name: "Claims in revision 2" }).getByRole("listitem").filter({ hasText: "from 36 to 150" })).toContainText("text changed");

    // In the workbench: old and new text side by side; the orphan with its review intact.
    await openWorkbench(page, slug);
    await page.locator(".claim-item").filter({ hasText: "increased from 36 to 150" }).click();
    const changed = page.getByTestId("changed-text");
    await expect(changed.getByTestId("previous-text")).toContainText("from 36 to 149");
    await expect(changed.getByTestId("current-text")).toContainText("from 36 to 150");
    await expect(changed.locator("del")).toHaveText("149");
    await expect(changed.locator("ins")).toHaveText("150");
    await expect(page.getByTestId("claim-detail")).toContainText("state: in review");

    const orphans = page.getByTestId("orphans-panel");
    await expect(orphans.getByRole("heading", { name: "Orphans (1)" })).toBeVisible();
    const orphan = orphans.getByTestId("orphan");
    await expect(orphan).toContainText(DELETED);
    await expect(orphan).toContainText("Unsupported");
    await expect(orphan).toContainText("No source for the accusation.");
    await expect(orphan).toContainText("was reviewed");

    // Re-attached to text selected in the article, it comes back reviewed.
    await selectInArticle(page, "Subsequently, the diminished cooperation with ICE");
    await expect(orphans).toContainText("Selected: “Subsequently, the diminished cooperation with ICE”");
    await orphan.getByRole("button", { name: "Re-attach to selection" }).click();
    await expect(orphans.getByRole("heading", { name: "Orphans (0)" })).toBeVisible();
    const item = page.locator(".claim-item").filter({ has: page.locator(".claim-item-text", { hasText: /^Subsequently, the diminished cooperation with ICE$/ }) });
    await expect(item).toContainText("reviewed");
    await expect(page.locator(".claim-item").filter({ hasText: DELETED })).toHaveCount(0);
  });
});

test.describe("a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("sees no Orphans panel: placing orphans is for editors", async ({ page }) => {
    const slug = seedArticle("revision-reviewer");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-e2e-")), "edited.md");
    writeFileSync(file, edited);
    importFile(file, slug);
    await openWorkbench(page, slug);
    await expect(page.getByTestId("orphans-panel")).toHaveCount(0);
    // The orphan is still listed among the claims, with its state.
    await expect(page.locator(".claim-item").filter({ hasText: DELETED })).toContainText("orphaned");
  });
});
