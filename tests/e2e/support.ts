import { execFileSync, type StdioOptions } from "node:child_process";
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
  importFile("content/ice-287g-fy2020.md", slug);
  return slug;
}

/**
 * Imports `file` under `slug` into the e2e server's database with what `npm run import` runs (the
 * bundled command, scripts/import-cli.mjs), as a desk would. Not `tsx scripts/import.ts`: tsx
 * compiled the whole pipeline again on every call, about 2 s of CPU at each of some 60 call sites.
 */
export function importFile(file: string, slug: string): string {
  return execFileSync(process.execPath, ["scripts/import-cli.mjs", file, "--slug", slug], { env: e2eEnv(), encoding: "utf8", stdio: "pipe" });
}

/** Each seed script's bundle, once this worker has checked it is up to date. */
const seedBundles = new Map<string, string>();

/**
 * Runs a seed script (a TypeScript file under tests/e2e, given from the project's root) with `args`
 * against the e2e server's database and answers its stdout. It runs as a bundle that
 * tests/e2e/seed-bundle.mjs makes at its first use in a run, not under tsx, which compiled the
 * pipeline and Prisma's client again on every call (about 2 s of CPU). `stdio` as execFileSync's.
 */
export function runSeedScript(file: string, args: string[] = [], options: { stdio?: StdioOptions } = {}): string {
  const env = e2eEnv();
  let bundle = seedBundles.get(file);
  if (!bundle) {
    bundle = execFileSync(process.execPath, ["tests/e2e/seed-bundle.mjs", file], { encoding: "utf8" });
    seedBundles.set(file, bundle);
  }
  return execFileSync(process.execPath, [bundle, ...args], { env, encoding: "utf8", ...options });
}

/** This process's environment with DATABASE_URL set to the e2e server's database. */
function e2eEnv(): NodeJS.ProcessEnv {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the tests through playwright.config.ts");
  return { ...process.env, DATABASE_URL: databaseUrl };
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
