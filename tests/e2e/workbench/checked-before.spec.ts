import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { importFile, openWorkbench, runSeedScript, seedArticle, storageStateOf } from "../support";

test.use({ storageState: storageStateOf("reviewer") });

// Issue 16's must-show case: an article repeating a statistic of the seed, whose approved verdict
// comes back as "Checked before" and starts the new review.
const REPEATS = (title: string) => `---
title: "${title}"
---

# ${title}

The number of participating law enforcement departments increased from 36 to 149 between 2017 and 2021.

Several county sheriffs said the program strained their budgets and their jails.
`;
const REPEATED = "The number of participating law enforcement departments increased from 36 to 149 between 2017 and 2021.";

type Seeded = { claimId: string; text: string; note: string; source: { url: string; title: string; publisher: string } };

/** The seed article with an approved, cited verdict on its "from 36 to 149" statistic, published. */
function seedChecked(): { slug: string; seeded: Seeded } {
  const slug = seedArticle("before");
  const seeded = JSON.parse(runSeedScript("tests/e2e/workbench/checked-before-seed.ts", [slug], { stdio: "pipe" }).trim().split("\n").pop()!) as Seeded;
  return { slug, seeded };
}

/** Imports a second article through the real import command, so the matcher's on-import hook runs. */
function importRepeat(): { slug: string; title: string } {
  const slug = `again-${randomBytes(4).toString("hex")}`;
  const title = `Sheriffs weigh 287(g) again ${slug}`;
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-checked-before-"));
  try {
    const file = path.join(dir, `${slug}.md`);
    writeFileSync(file, REPEATS(title));
    importFile(file, slug);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { slug, title };
}

/** Every axe violation on the page, of any impact, one line each. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test("a repeated statistic shows the seed's approved verdict as Checked before; reusing it fills the review and the history says so", async ({ page, browser }) => {
  const { slug: seedSlug, seeded } = seedChecked();
  const repeat = importRepeat();

  await openWorkbench(page, repeat.slug);
  await page.locator(".claim-item").filter({ hasText: REPEATED }).click();
  const detail = page.getByTestId("claim-detail");
  await expect(detail.locator(".claim-quote").first()).toHaveText(REPEATED);

  const panel = detail.getByRole("region", { name: "Checked before" });
  await expect(panel).toBeVisible();
  // The seed copy this test checked (other copies of the seed may be in the database, unchecked).
  const earlierHref = `/a/${seedSlug}#claim-${seeded.claimId}`;
  const match = panel.getByTestId("checked-before-match").filter({ has: page.locator(`a[href="${earlierHref}"]`) });
  await expect(match).toContainText("The same claim");
  await expect(match.locator(".checked-before-quote")).toHaveText(seeded.text);
  await expect(match).toContainText("Approved verdict: Accurate");
  await expect(match.locator(".note strong")).toHaveText("149");
  await expect(match.getByRole("link", { name: seeded.source.title })).toHaveAttribute("href", seeded.source.url);
  // Published: the earlier claim is read in its reading view.
  await expect(match.locator(`a[href="${earlierHref}"]`)).toHaveText("ICE’s 287(g) Program Highly Effective in FY 2020");
  await expect(match.getByRole("list", { name: "Why it matches" })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await match.getByRole("button", { name: "Start my review from this" }).click();
  await expect(panel.getByTestId("checked-before-status")).toContainText("Your review now starts from the earlier claim: Accurate, its note and 1 source");
  const form = detail.getByRole("form", { name: "Your review" });
  await expect(form.getByRole("radio", { name: /^Accurate/ })).toBeChecked();
  await expect(form.getByLabel("Note (Markdown)")).toHaveValue(seeded.note);
  const citations = detail.getByRole("region", { name: "Your citations" });
  await expect(citations.getByTestId("citation")).toHaveCount(1);
  await expect(citations.getByRole("link", { name: seeded.source.title })).toBeVisible();

  const history = detail.locator("details.history");
  await history.locator("summary").click();
  // The history line quotes the earlier claim (a long one shortened).
  await expect(history).toContainText(`reused from claim “${seeded.text.slice(0, 60)}`);
  await expect(history).toContainText("Accurate, note and 1 source");

  // Once the review says something, nothing replaces it without asking.
  await form.getByLabel("Note (Markdown)").fill("My own words, not saved yet.");
  await match.getByRole("button", { name: "Start my review from this" }).click();
  const confirm = match.getByRole("group", { name: /Your review has changes not saved yet/ });
  await expect(confirm.getByRole("button", { name: "Replace my review" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep my review" }).click();
  await expect(panel.getByTestId("checked-before-status")).toHaveText("Nothing was changed.");
  await expect(form.getByLabel("Note (Markdown)")).toHaveValue("My own words, not saved yet.");

  // The API answers the same, with the workbench's permission.
  const api = await page.request.get(`/api/claims/${encodeURIComponent(seeded.claimId)}/matches`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { data: { claim: { id: string } } }).data.claim.id).toBe(seeded.claimId);
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/claims/${encodeURIComponent(seeded.claimId)}/matches`)).status()).toBe(401);
  } finally {
    await anonymous.close();
  }

  // The desk: the second article counts one claim seen before; /desk/repeated lists the statistic.
  const editor = await browser.newContext({ storageState: storageStateOf("editor") });
  try {
    const desk = await editor.newPage();
    await desk.goto("/desk");
    await expect(desk.locator(`tr[data-slug="${repeat.slug}"]`).getByTestId("seen-before")).toHaveText("1");
    await desk.getByRole("link", { name: "Claims repeated most across articles" }).click();
    await expect(desk.getByRole("heading", { level: 1, name: "Claims repeated most" })).toBeVisible();
    // Other specs' copies of the seed may repeat it too: the group is the one holding this import.
    const repeated = desk.getByTestId("repeated-claim").filter({ has: desk.getByRole("heading", { name: seeded.text }) }).filter({ has: desk.getByRole("link", { name: repeat.title }) });
    await expect(repeated).toContainText(/In \d+ articles/);
    await expect(repeated).toContainText("Approved: Accurate");
    await expect(repeated.getByRole("link", { name: repeat.title })).toHaveAttribute("href", /\/articles\/again-[0-9a-f]+\/review#claim-/);
    expect(await violations(desk)).toEqual([]);
  } finally {
    await editor.close();
  }
});
