import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";

/** Every axe violation on the page, of any impact, one line each. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** What `npm run import` says of `file`: its one-line refusal, less the "import failed: " prefix. */
function cliRefusal(name: string, bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-e2e-")), name);
  writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, ["scripts/import-cli.mjs", file], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    encoding: "utf8",
  });
  expect(run.status).not.toBe(0);
  return run.stderr.trim().replace(/^import failed: /, "");
}

const article = (title: string) => `---
title: ${title}
author: Jane Roe
publisher: The County Ledger
url: https://ledger.example/inspectors
date: 2024-06-30
---

# ${title}

The county hired 12 new building inspectors in 2024, up from 7 in 2023.

Inspections must be completed within 48 hours of a request, under the new rule.

The program costs $4.2 million a year, according to the budget office.
`;

test.describe("a reviewer", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  test("imports an uploaded file: the preview fills the fields and lists the claims, Import opens the workbench", async ({ page }) => {
    const title = unique("Inspectors report");
    const fileName = `${unique("inspectors")}.md`;
    await page.goto("/articles/new");
    const form = page.getByRole("form", { name: "Import an article" });
    expect(await violations(page)).toEqual([]);

    await form.getByLabel("Article file").setInputFiles({ name: fileName, mimeType: "text/markdown", buffer: Buffer.from(article(title)) });
    await expect(form.getByRole("status")).toContainText("Found 3 claims");
    await expect(form.getByLabel("Title")).toHaveValue(title);
    await expect(form.getByLabel("Slug", { exact: true })).toHaveValue(fileName.replace(/\.md$/, ""));
    await expect(form.getByLabel("Author")).toHaveValue("Jane Roe");
    await expect(form.getByLabel("Publisher")).toHaveValue("The County Ledger");
    await expect(form.getByLabel("Original URL")).toHaveValue("https://ledger.example/inspectors");
    await expect(form.getByLabel("Date published")).toHaveValue("2024-06-30");
    await expect(form.getByText(`Chosen file: ${fileName}`)).toBeVisible();
    const claims = form.getByRole("list", { name: "Claims found (3)" }).getByRole("listitem");
    await expect(claims).toHaveCount(3);
    await expect(claims.filter({ hasText: "within 48 hours" })).toContainText("Program rule");
    await expect(claims.filter({ hasText: "12 new building inspectors" })).toContainText("Statistic");
    expect(await violations(page)).toEqual([]);
    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, "import-form.png"), fullPage: true });
    }

    await form.getByRole("button", { name: "Import" }).click();
    const slug = fileName.replace(/\.md$/, "");
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/review$`));
    await openWorkbench(page, slug);
    await expect(page.locator(".claim-item")).toHaveCount(3);
    await expect(page.locator(".claim-item").filter({ hasText: "12 new building inspectors" })).toBeVisible();
    await expect(page.getByRole("heading", { name: new RegExp(title) }).first()).toBeAttached();
  });

  test("imports pasted text under the title and slug typed, and sees its claims in the workbench", async ({ page }) => {
    const slug = unique("pasted");
    await page.goto("/articles/new");
    const form = page.getByRole("form", { name: "Import an article" });
    await form.getByLabel("Title").fill("Typed title wins");
    await form.getByLabel("Slug", { exact: true }).fill(slug);
    await form.getByLabel("Article text").fill(article("Title from the text"));
    await form.getByRole("button", { name: "Find claims" }).click();
    await expect(form.getByRole("status")).toContainText("Found 3 claims");
    await expect(form.getByLabel("Title")).toHaveValue("Typed title wins");
    await expect(form.getByLabel("Author")).toHaveValue("Jane Roe");
    await expect(form.getByTestId("claims-preview")).toContainText("In the pasted text, read as Markdown.");

    await form.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/review$`));
    await openWorkbench(page, slug);
    await expect(page.getByRole("heading", { name: /Typed title wins/ })).toBeAttached();
    await expect(page.locator(".claim-item").filter({ hasText: "$4.2 million a year" })).toBeVisible();
  });

  test("the form's import answers its stages as they happen, then the outcome", async ({ page }) => {
    const slug = unique("streamed");
    await page.goto("/articles/new");
    const answer = await page.evaluate(async ({ slug, text }) => {
      const body = new FormData();
      body.append("text", text);
      body.append("slug", slug);
      const response = await fetch("/api/articles", { method: "POST", body, headers: { Accept: "application/x-ndjson" } });
      return { type: response.headers.get("content-type"), lines: (await response.text()).trim().split("\n") };
    }, { slug, text: article("Streamed") });
    expect(answer.type).toContain("application/x-ndjson");
    const events = answer.lines.map((line) => JSON.parse(line) as { waiting?: string; progress?: { stage: string; done: number; total: number }; data?: { slug: string; claimCount: number } });
    // On PostgreSQL the job may wait for a worker first: only its waiting sentences come before the
    // first stage, and from then on every stage is told (pushed by LISTEN/NOTIFY, not polled).
    const first = events.findIndex((event) => event.progress);
    expect(events.slice(0, first).filter((event) => !event.waiting)).toEqual([]);
    expect(events[first]).toEqual({ progress: { stage: "extracting", done: 0, total: 1 } });
    expect(events).toContainEqual({ progress: { stage: "writing", done: 0, total: 3 } });
    expect(events).toContainEqual({ progress: { stage: "writing", done: 3, total: 3 } });
    expect(events.at(-1)?.data).toMatchObject({ slug, claimCount: 3 });
  });

  test("a bad file gets the command line's sentence, the form keeps what was typed, and a taken slug is named", async ({ page }) => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0x00, 0xff, 0x10, 0x00]), Buffer.from("\n%%EOF\n")]);
    const binaryMessage = cliRefusal("scan.pdf", pdf);
    expect(binaryMessage).toBe("scan.pdf looks like a binary file (it holds NUL bytes), not an article.");

    await page.goto("/articles/new");
    const form = page.getByRole("form", { name: "Import an article" });
    await form.getByLabel("Title").fill("Kept title");
    await form.getByLabel("Author").fill("Kept Author");
    await form.getByLabel("Original URL").fill("https://kept.example/a");
    const file = form.getByLabel("Article file");
    await file.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: pdf });
    const summary = form.getByRole("alert").filter({ hasText: "The claims could not be found" });
    await expect(summary).toContainText(binaryMessage);
    await expect(summary).toBeFocused();
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Chosen file: scan.pdf")).toBeVisible();
    await expect(form.getByLabel("Title")).toHaveValue("Kept title");
    await expect(form.getByLabel("Author")).toHaveValue("Kept Author");
    expect(await violations(page)).toEqual([]);

    // Importing it anyway is refused the same way, by the server, and nothing is lost.
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "The article was not imported" })).toContainText(binaryMessage);
    await expect(page).toHaveURL(/\/articles\/new$/);

    // Over the limit: the command line's sentence, checked before the upload.
    const huge = Buffer.from("word ".repeat((5 * 1024 * 1024) / 5 + 10));
    await file.setInputFiles({ name: "huge.md", mimeType: "text/markdown", buffer: huge });
    await expect(form.getByRole("alert")).toContainText(cliRefusal("huge.md", huge));
    await expect(form.getByRole("alert")).toContainText("huge.md is 5.0 MiB; the limit is 5.0 MiB.");

    // Pasted text under another article's slug: refused on the slug field, the text kept.
    await form.getByRole("button", { name: "Clear the file" }).click();
    const taken = seedArticle("import-taken");
    const text = "The county hired 12 new inspectors in 2024.\n\nThe budget rose by 8 percent.\n";
    await form.getByLabel("Article text").fill(text);
    await form.getByLabel("Slug", { exact: true }).fill(taken);
    await form.getByLabel("Original URL").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Import" }).click();
    const refusal = form.getByRole("alert").filter({ hasText: "The article was not imported" });
    await expect(refusal.getByRole("link", { name: /Original URL: Use an http or https address/ })).toBeVisible();
    await expect(refusal).toBeFocused();
    await expect(form.getByLabel("Original URL")).toHaveAttribute("aria-invalid", "true");
    expect(await violations(page)).toEqual([]);
    await form.getByLabel("Original URL").fill("https://kept.example/a");
    await form.getByRole("button", { name: "Import" }).click();
    const link = refusal.getByRole("link", { name: new RegExp(`Slug: An article with the slug "${taken}" already exists`) });
    await expect(link).toBeVisible();
    await link.click();
    await expect(form.getByLabel("Slug", { exact: true })).toBeFocused();
    await expect(form.getByLabel("Slug", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Article text")).toHaveValue(text);
    await expect(form.getByLabel("Title")).toHaveValue("Kept title");
    expect(await violations(page)).toEqual([]);
  });
});

test.describe("a signed-out visitor", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("is sent to sign in, not shown the form, and cannot import through the API", async ({ page }) => {
    await page.goto("/articles/new");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Farticles%2Fnew$/);
    await expect(page.getByRole("form", { name: "Import an article" })).toHaveCount(0);
    const response = await page.request.post("/api/articles", { multipart: { text: "The county hired 12 inspectors.", slug: unique("anon") } });
    expect(response.status()).toBe(401);
    const preview = await page.request.post("/articles/new/preview", { multipart: { text: "The county hired 12 inspectors." } });
    expect(preview.status()).toBe(401);
  });
});
