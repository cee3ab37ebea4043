import { expect, test, type Page } from "@playwright/test";
import { openWorkbench, seedArticle } from "../support";
import { newAccount, pinTo, servedBy, signedIn, type ServerName } from "./servers";

// Issue 14: reviews written through one app server are what the other one shows, at once; both
// read the one database, and neither keeps a copy of a review in memory.

/** Loads the workbench and says which server rendered it. */
async function workbenchFrom(page: Page, slug: string): Promise<ServerName> {
  const [document] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/articles/${slug}/review`) && r.request().method() === "GET"), openWorkbench(page, slug)]);
  return servedBy(document);
}

test("a reviewer signed in through one server saves a verdict that the other server shows at once", async ({ browser }) => {
  const slug = seedArticle("multi-save");
  const reviewer = await signedIn(browser, newAccount("reviewer"), "a");
  expect(reviewer.server).toBe("a");
  const { page, context } = reviewer;
  try {
    expect(await workbenchFrom(page, slug)).toBe("a");
    const detail = page.getByTestId("claim-detail");
    await detail.getByRole("radio", { name: /^Accurate/ }).check();
    const [save] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), detail.getByRole("button", { name: "Save review" }).click()]);
    expect(servedBy(save)).toBe("a");
    await expect(detail.getByRole("status")).toContainText("version 1");

    // The same session on server b: the page b renders has the verdict, with no wait.
    await pinTo(context, "b");
    expect(await workbenchFrom(page, slug)).toBe("b");
    await expect(page.getByTestId("claim-detail").getByRole("radio", { name: /^Accurate/ })).toBeChecked();
  } finally {
    await context.close();
  }
});

test("a save on one server against a version the other server changed gets the conflict", async ({ browser }) => {
  // Two browsers on two servers: half again the run's timeout (90 s on SQLite, 180 s on PostgreSQL,
  // where a loaded run once took longer than 90 s).
  test.setTimeout(test.info().timeout * 1.5);
  const slug = seedArticle("multi-conflict");
  const email = newAccount("reviewer");
  const onA = await signedIn(browser, email, "a");
  const onB = await signedIn(browser, email, "b");
  try {
    expect(await workbenchFrom(onA.page, slug)).toBe("a");
    expect(await workbenchFrom(onB.page, slug)).toBe("b");
    const detailA = onA.page.getByTestId("claim-detail");
    const detailB = onB.page.getByTestId("claim-detail");

    // b saves version 1 while a still has the claim unreviewed (version 0) on screen.
    await detailB.getByLabel("Note (Markdown)").fill("Saved through b: the figure is from ICE's FY2020 report.");
    const [saveB] = await Promise.all([onB.page.waitForResponse((r) => r.request().method() === "POST"), detailB.getByRole("button", { name: "Save review" }).click()]);
    expect(servedBy(saveB)).toBe("b");
    await expect(detailB.getByRole("status")).toContainText("version 1");

    await detailA.getByLabel("Note (Markdown)").fill("Saved through a: the number could not be confirmed.");
    const [saveA] = await Promise.all([onA.page.waitForResponse((r) => r.request().method() === "POST"), detailA.getByRole("button", { name: "Save review" }).click()]);
    expect(servedBy(saveA)).toBe("a");
    const conflict = detailA.locator(".conflict");
    await expect(conflict).toContainText("Conflict");
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Saved through b: the figure is from ICE's FY2020 report.");
    await expect(detailA.getByLabel("Note (Markdown)")).toHaveValue("Saved through a: the number could not be confirmed.");

    // Nothing was overwritten: b still has its own text.
    await onB.page.reload();
    await expect(onB.page.getByTestId("claim-detail").getByLabel("Note (Markdown)")).toHaveValue("Saved through b: the figure is from ICE's FY2020 report.");
  } finally {
    await onA.context.close();
    await onB.context.close();
  }
});

test("without a pin the proxy takes turns: successive requests reach both servers", async ({ request }) => {
  const seen = new Set<string>();
  for (let n = 0; n < 4; n++) {
    const response = await request.get("/api/health");
    expect(response.ok()).toBe(true);
    seen.add(response.headers()["x-claimdesk-server"] ?? "none");
  }
  expect([...seen].sort()).toEqual(["a", "b"]);
});
