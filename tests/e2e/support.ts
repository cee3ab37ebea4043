import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/**
 * Where the setup project keeps each role's signed-in browser state: one folder per run (per port),
 * so two runs on one machine never hand each other sessions signed with another server's secret.
 */
export const storageStateOf = (role: "reviewer" | "reviewer2" | "editor" | "admin") =>
  path.join("data", "e2e-auth", process.env.E2E_PORT ?? "default", `${role}.json`);

/**
 * Imports a fresh copy of the seed article under a unique slug into the e2e server's database, so a
 * test's changes never meet another test's.
 */
export function seedArticle(prefix = "seed"): string {
  const slug = `${prefix}-${randomBytes(4).toString("hex")}`;
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/import.ts", "content/ice-287g-fy2020.md", "--slug", slug], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  return slug;
}

/** Opens the workbench of an article and waits until the claim list is interactive. */
export async function openWorkbench(page: Page, slug: string): Promise<void> {
  await page.goto(`/articles/${slug}/review`);
  await expect(page.getByRole("list", { name: /Claims \(\d+ shown\)/ })).toBeVisible();
  await expect(page.getByTestId("claim-detail")).toBeVisible();
  // The shortcuts are attached after hydration; a key pressed before is lost (a CI run lost a "5").
  await expect(page.locator('html[data-shortcuts="on"]')).toBeAttached();
}

/** The claim list item that is selected. */
export const currentClaim = (page: Page) => page.locator('.claim-item[aria-current="true"]');
