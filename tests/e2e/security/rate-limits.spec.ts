import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runSeedScript } from "../support";

// Issue 11, finding 4: a client-sent X-Forwarded-For must not reset the limits. The e2e server trusts
// no proxy (CLAIMDESK_TRUSTED_PROXIES unset), so every attempt counts under the socket's address.

function accounts(...args: string[]): string {
  return runSeedScript("tests/e2e/security/sign-in-accounts.ts", args);
}

async function signIn(page: Page, email: string, password: string, forwardedFor: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": forwardedFor });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  return page.locator("#sign-in-error").innerText();
}

test("30 wrong passwords with a new X-Forwarded-For each are rate limited after 5, and the right one then too", async ({ page }) => {
  const email = `ratelimit-${randomBytes(4).toString("hex")}@claimdesk.test`;
  const password = `right-${randomBytes(8).toString("hex")}`;
  accounts("create", email, password);
  await page.goto("/sign-in");
  const messages: string[] = [];
  for (let n = 0; n < 30; n++) messages.push(await signIn(page, email, `wrong-${n}`, `10.${n}.${n}.${n}`));
  expect(messages.slice(0, 5)).toEqual(Array(5).fill("That email and password do not match an account."));
  for (const message of messages.slice(5)) expect(message).toContain("Too many failed attempts");
  expect(await signIn(page, email, password, "10.99.99.99")).toContain("Too many failed attempts");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  // Only 5 checks were made, all counted under the socket's address, none under a client's header.
  const attempts = JSON.parse(accounts("attempts", email)) as Array<{ address: string; succeeded: boolean }>;
  expect(attempts).toHaveLength(5);
  expect(new Set(attempts.map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
});
