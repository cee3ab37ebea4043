import { expect, test, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

test.use({ storageState: storageStateOf("reviewer") });

/** Selects `phrase` inside the rendered article, as a mouse drag would, and releases the mouse. */
async function selectInArticle(page: Page, phrase: string): Promise<void> {
  await page.getByTestId("article-text").evaluate((root, phrase) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    const whole = texts.map((t) => t.data).join("");
    const at = whole.indexOf(phrase);
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
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, phrase);
}

test("a claim added from a text selection is anchored to exactly that text", async ({ page }) => {
  const slug = seedArticle("select");
  await openWorkbench(page, slug);
  const phrase = "selected peace officers receive specialized training";
  await selectInArticle(page, phrase);
  await page.getByRole("button", { name: "Add claim" }).click();
  const detail = page.getByTestId("claim-detail");
  await expect(detail.locator(".claim-quote")).toHaveText(phrase);
  await expect(detail).toContainText("added by hand");
  // The new claim's mark in the article covers the same words.
  const id = await page.locator('.claim-item[aria-current="true"]').getAttribute("id");
  const claimId = id!.replace("claim-item-", "");
  await expect(page.locator(`mark[data-claim-id="${claimId}"]`)).toHaveText(phrase);
  await page.reload();
  await expect(page.locator(".claim-item").filter({ hasText: phrase }).first()).toBeVisible();
});

test("a claim is split at the cursor and merged back", async ({ page }) => {
  const slug = seedArticle("split");
  await openWorkbench(page, slug);
  const sentence = "Agencies are permitted to detain aliens in their jails for up to 48 hours until ICE agents arrive to take custody.";
  await page.locator(".claim-item").filter({ hasText: sentence }).click();
  const detail = page.getByTestId("claim-detail");
  const before = await page.locator(".claim-item").count();

  await detail.getByRole("button", { name: "Split…" }).click();
  const cut = sentence.indexOf(" until ICE");
  await detail.getByTestId("split-text").evaluate((el, cut) => {
    const area = el as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(cut, cut);
  }, cut);
  await detail.getByRole("button", { name: "Split at cursor" }).click();
  await expect(page.locator(".claim-item")).toHaveCount(before + 1);
  await expect(detail.locator(".claim-quote")).toHaveText(sentence.slice(0, cut));
  const secondPart = page.locator(".claim-item").filter({ hasText: "until ICE agents arrive to take custody." });
  await expect(secondPart).toHaveCount(1);

  await detail.getByRole("button", { name: "Merge with next" }).click();
  await expect(detail.locator(".claim-quote")).toHaveText(sentence);
  await expect(page.locator(".claim-item.state-dismissed").filter({ hasText: "until ICE agents arrive" })).toHaveCount(1);

  await page.reload();
  await page.locator(".claim-item").filter({ hasText: sentence }).first().click();
  await expect(detail.locator(".claim-quote")).toHaveText(sentence);
});
