import { expect, test } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

test("two tabs edit the same review: the second save gets a conflict and both texts are recoverable", async ({ browser }) => {
  test.setTimeout(90_000);
  const slug = seedArticle("conflict");
  const first = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const second = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const a = await first.newPage();
  const b = await second.newPage();
  try {
    // A saves an initial review, B opens the claim at that version.
    await openWorkbench(a, slug);
    const detailA = a.getByTestId("claim-detail");
    await detailA.getByLabel("Note (Markdown)").fill("First draft.");
    await detailA.getByRole("button", { name: "Save review" }).click();
    await expect(detailA.getByRole("status")).toContainText("version 1");
    await openWorkbench(b, slug);
    const detailB = b.getByTestId("claim-detail");
    await expect(detailB.getByLabel("Note (Markdown)")).toHaveValue("First draft.");

    // A saves again (version 2); B, still at version 1, saves its own text.
    await detailA.getByLabel("Note (Markdown)").fill("Text from tab A: the figure is from ICE's FY2020 report.");
    await detailA.getByRole("button", { name: "Save review" }).click();
    await expect(detailA.getByRole("status")).toContainText("version 2");
    await detailB.getByLabel("Note (Markdown)").fill("Text from tab B: the number could not be confirmed.");
    await detailB.getByRole("button", { name: "Save review" }).click();

    const conflict = detailB.locator(".conflict");
    await expect(conflict).toContainText("Conflict");
    await expect(conflict.getByTestId("conflict-yours")).toHaveText("Text from tab B: the number could not be confirmed.");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Text from tab A: the figure is from ICE's FY2020 report.");
    // B's text is still in the field, nothing was overwritten on the server.
    await expect(detailB.getByLabel("Note (Markdown)")).toHaveValue("Text from tab B: the number could not be confirmed.");
    await a.reload();
    await expect(a.getByTestId("claim-detail").getByLabel("Note (Markdown)")).toHaveValue("Text from tab A: the figure is from ICE's FY2020 report.");

    // B chooses to keep its text: saved over version 2, nothing silent.
    await conflict.getByRole("button", { name: /Keep mine/ }).click();
    await expect(detailB.getByRole("status")).toContainText("version 3");
  } finally {
    await first.close();
    await second.close();
  }
});
