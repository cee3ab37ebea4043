import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { runSeedScript } from "../support";

/**
 * What the two-server specs share. The project's baseURL is nginx (scripts/proxy/nginx.ts) in
 * front of app servers "a" and "b" on one database; nginx names the server that answered in
 * X-Claimdesk-Server, and the test-only X-Claimdesk-Pin sends a browser's requests to one server.
 */
export const SERVERS = ["a", "b"] as const;
export type ServerName = (typeof SERVERS)[number];

/** A page's or an API request's response. */
type Answer = { headers(): Record<string, string>; url(): string };

/** The app server that answered, from the proxy's header; fails when the proxy did not say. */
export function servedBy(response: Answer | null): ServerName {
  const name = response?.headers()["x-claimdesk-server"];
  expect(SERVERS, `X-Claimdesk-Server of ${response?.url()}`).toContain(name);
  return name as ServerName;
}

/** The other server. */
export const other = (name: ServerName): ServerName => (name === "a" ? "b" : "a");

/** From now on, every request of this browser goes to `server` (still through the proxy). */
export async function pinTo(context: BrowserContext, server: ServerName): Promise<void> {
  await context.setExtraHTTPHeaders({ "x-claimdesk-pin": server });
}

/** Runs tests/e2e/security/accounts.ts (create, role, …) against the e2e database. */
export function accounts(...args: string[]): string {
  return runSeedScript("tests/e2e/security/accounts.ts", args);
}

/** A new account with the demo password and a unique address. */
export function newAccount(role: "reviewer" | "editor", prefix = "multi"): string {
  const email = `${prefix}-${role}-${randomBytes(4).toString("hex")}@claimdesk.test`;
  accounts("create", email, role);
  return email;
}

/**
 * A fresh browser signed in through the proxy's sign-in form, optionally pinned to one server;
 * returns the server that checked the password.
 */
export async function signedIn(browser: Browser, email: string, pin?: ServerName): Promise<{ context: BrowserContext; page: Page; server: ServerName }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  if (pin) await pinTo(context, pin);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("claimdesk-demo");
  const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { context, page, server: servedBy(post) };
}

/** The Origin a same-origin request through the proxy carries (route handlers check it). */
export const proxyOrigin = () => new URL(test.info().project.use.baseURL!).origin;
