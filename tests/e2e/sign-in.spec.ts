import { expect, test } from "@playwright/test";

test("a wrong password is refused with a clear message and the email stays", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("reviewer2@claimdesk.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue("reviewer2@claimdesk.test");
});

test("repeated failures for one account are rate limited", async ({ page }) => {
  const email = `nobody-${Date.now()}@claimdesk.test`;
  await page.goto("/sign-in");
  // Each attempt waits for its own answer: the message of the previous one reads the same.
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  for (let n = 0; n < 5; n++) {
    await attempt(`wrong-${n}`);
    await expect(page.locator("#sign-in-error")).toHaveText("That email and password do not match an account.");
  }
  await attempt("wrong-again");
  await expect(page.locator("#sign-in-error")).toContainText("Too many failed attempts");
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("editor@claimdesk.test");
  await page.getByLabel("Password").fill("claimdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
