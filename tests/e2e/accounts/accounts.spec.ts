import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { runSeedScript, storageStateOf } from "../support";

// Issue 15, items 4 and 5, in the browser: an admin manages accounts through /admin/accounts, a
// user edits their own profile, and "Sign out" works from every page at 127.0.0.1. Accounts that
// sign out or change are made here with unique addresses; the shared admin session only acts.

const CLAIMS_API = "/api/articles/ice-287g-fy2020/claims?pageSize=5";

const unique = (who: string) => `${who}-${randomBytes(4).toString("hex")}@claimdesk.test`;

/** An account with the demo password, written straight to the e2e database (tests/e2e/security/accounts.ts). */
function accountWithDemoPassword(role: "reviewer" | "editor"): string {
  const email = unique(`acct-${role}`);
  runSeedScript("tests/e2e/security/accounts.ts", ["create", email, role], { stdio: "pipe" });
  return email;
}

/** A fresh browser signed in through the real sign-in form (never the admin state the describe block uses). */
async function signedIn(browser: Browser, email: string, password = "claimdesk-demo"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { context, page };
}

/** Creates an account on the admin page and reads its one-time password off the page. */
async function createOnPage(admin: Page, role: "reviewer" | "editor", email = unique(`new-${role}`)): Promise<{ email: string; password: string }> {
  await admin.goto("/admin/accounts");
  const form = admin.getByRole("form", { name: "New account" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill(`New ${role}`);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Create account" }).click();
  const secret = admin.getByTestId("one-time-password");
  await expect(secret).toBeVisible();
  await expect(admin.locator(`tr[data-account-email="${email}"]`)).toContainText(role);
  return { email, password: await secret.inputValue() };
}

/** The header's "Sign in": what a signed-out page shows where the account menu was. */
const signInLink = (page: Page) => page.locator(".site-header").getByRole("link", { name: "Sign in", exact: true });

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

test.describe("as the admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a reviewer who signs in with the one-time password; disabling ends their open session and API token at once", async ({ page, browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const { email, password } = await createOnPage(page, "reviewer");
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await page.reload();
    await expect(page.getByTestId("one-time-password")).toHaveCount(0); // shown once

    const reviewer = await signedIn(browser, email, password);
    await expect(reviewer.page.locator(".account-menu")).toContainText("(reviewer)");
    await reviewer.page.goto("/settings/tokens");
    await reviewer.page.getByLabel("Token name").fill("script");
    await reviewer.page.getByRole("button", { name: "Create token" }).click();
    const token = await reviewer.page.getByTestId("new-token").inputValue();
    const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await script.get(CLAIMS_API, { headers: bearer })).status()).toBe(200);
    await reviewer.page.goto("/settings/profile");
    await reviewer.page.getByLabel("Your name").fill("Renamed before the end");

    const row = page.locator(`tr[data-account-email="${email}"]`);
    await row.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Disabled ${email}` })).toContainText("signed out everywhere (1 session), 1 API token revoked");
    await expect(row).toContainText("Disabled");

    // The reviewer's open page: the next save is refused, the next navigation reads as signed out.
    await reviewer.page.getByRole("button", { name: "Save name" }).click();
    await expect(reviewer.page.getByRole("form", { name: "Name" }).getByRole("alert")).toContainText("Your session has ended");
    await reviewer.page.goto("/");
    await expect(signInLink(reviewer.page)).toBeVisible();
    const refused = await script.get(CLAIMS_API, { headers: bearer });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");

    // Enabled again, the old token stays revoked; the password signs in again.
    await row.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(row).toContainText("Active");
    expect((await script.get(CLAIMS_API, { headers: bearer })).status()).toBe(401);
    await (await signedIn(browser, email, password)).context.close();
    await script.dispose();
    await reviewer.context.close();
  });

  test("a role change counts on the account's next request", async ({ page, browser }) => {
    const { email, password } = await createOnPage(page, "reviewer");
    const other = await signedIn(browser, email, password);
    await other.page.goto("/desk");
    await expect(other.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

    const row = page.locator(`tr[data-account-email="${email}"]`);
    await row.getByLabel(`Role of ${email}`).selectOption("editor");
    await row.getByRole("button", { name: `Save role for ${email}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${email} is now an editor` })).toBeVisible();

    await other.page.goto("/desk");
    await expect(other.page.getByRole("heading", { name: "Not allowed" })).toHaveCount(0);
    await expect(other.page.locator(".account-menu")).toContainText("(editor)");
    await expect(other.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Desk" })).toBeVisible();
    await other.context.close();
  });

  test("the last admin cannot demote or disable themself", async ({ page }) => {
    await page.goto("/admin/accounts");
    const alert = page.getByRole("region", { name: "All accounts" }).getByRole("alert");
    const admins = page.locator("tbody tr").filter({ has: page.locator("select") }).filter({ hasNotText: "Disabled" });
    const activeAdmins = await admins.evaluateAll((rows) => rows.filter((r) => (r.querySelector("select") as HTMLSelectElement).value === "admin").length);
    // Only meaningful (and only safe) while the demo admin is the one active admin of this database.
    expect(activeAdmins).toBe(1);
    const me = page.locator('tr[data-account-email="admin@claimdesk.test"]');
    await me.getByLabel("Role of admin@claimdesk.test").selectOption("editor");
    await me.getByRole("button", { name: "Save role for admin@claimdesk.test" }).click();
    await expect(alert).toHaveText("You are the last active admin: make another account an admin before you give yourself another role.");
    await me.getByRole("button", { name: "Disable admin@claimdesk.test" }).click();
    await expect(alert).toHaveText("You are the last active admin: make another account an admin before you disable your own account.");
    await page.reload();
    await expect(me.getByLabel("Role of admin@claimdesk.test")).toHaveValue("admin");
    await expect(me).toContainText("Active");
    await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible(); // still signed in, still admin
  });

  test("a taken email is refused on its field and the form keeps what was typed", async ({ page }) => {
    await page.goto("/admin/accounts");
    const form = page.getByRole("form", { name: "New account" });
    await form.getByLabel("Email").fill("Reviewer@Claimdesk.test");
    await form.getByLabel("Name").fill("A second Rita");
    await form.getByLabel("Role").selectOption("editor");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByText("An account with the email reviewer@claimdesk.test already exists.")).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Email")).toHaveValue("Reviewer@Claimdesk.test");
    await expect(form.getByLabel("Name")).toHaveValue("A second Rita");
    await expect(form.getByLabel("Role")).toHaveValue("editor");
    await expect(page.getByTestId("one-time-password")).toHaveCount(0);

    await form.getByLabel("Email").fill("not an address");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByText("Enter an email address like name@example.org")).toBeVisible();
  });

  test("the accounts page has no axe violations of any impact, with a one-time password shown too", async ({ page }) => {
    await page.goto("/admin/accounts");
    expect(await violations(page)).toEqual([]);
    await createOnPage(page, "reviewer");
    expect(await violations(page)).toEqual([]);
  });
});

test("a reviewer gets the 403 page at /admin/accounts and no Accounts link", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("reviewer") });
  const page = await context.newPage();
  await page.goto("/admin/accounts");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  const menu = page.getByRole("navigation", { name: "Account" });
  await expect(menu.getByRole("link", { name: "Profile" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "API tokens" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await context.close();
});

test("the profile page renames, and a password change ends the other sessions but not this one", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = accountWithDemoPassword("reviewer");
  const here = await signedIn(browser, email);
  const elsewhere = await signedIn(browser, email);
  await here.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Profile" }).click();
  await expect(here.page).toHaveURL(/\/settings\/profile$/);
  expect(await violations(here.page)).toEqual([]);

  await here.page.getByLabel("Your name").fill("Paula Profile");
  await here.page.getByRole("button", { name: "Save name" }).click();
  await expect(here.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(here.page.locator(".account-menu")).toContainText("Paula Profile");

  await here.page.getByLabel("Current password").fill("wrong password");
  await here.page.getByLabel("New password", { exact: true }).fill("a fresh passphrase");
  await here.page.getByLabel("New password again").fill("a fresh passphrase");
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByText("That is not your current password.")).toBeVisible();
  await expect(here.page.getByLabel("New password", { exact: true })).toHaveValue("a fresh passphrase");
  expect(await violations(here.page)).toEqual([]);

  await here.page.getByLabel("Current password").fill("claimdesk-demo");
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByRole("status").filter({ hasText: "Changed your password" })).toContainText("Signed out 1 other session");

  await here.page.reload();
  await expect(here.page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await elsewhere.page.goto("/");
  await expect(signInLink(elsewhere.page)).toBeVisible();
  await (await signedIn(browser, email, "a fresh passphrase")).context.close();
  await here.context.close();
  await elsewhere.context.close();
});

for (const start of ["/", "/settings/profile"]) {
  test(`signing out from ${start} at 127.0.0.1 signs out, with no Auth.js page, and the old cookie no longer counts`, async ({ browser }) => {
    expect(new URL(test.info().project.use.baseURL!).hostname).toBe("127.0.0.1");
    const { context, page } = await signedIn(browser, accountWithDemoPassword("reviewer"));
    const saved = await context.storageState();
    await page.goto(start);
    const answers: string[] = [];
    page.on("request", (request) => answers.push(new URL(request.url()).pathname));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(signInLink(page)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(page.url()).not.toContain("error=");
    expect(answers).toContain("/sign-out");
    expect(answers.some((p) => p.startsWith("/api/auth"))).toBe(false);
    await context.close();

    const replay = await browser.newContext({ storageState: saved });
    const again = await replay.newPage();
    await again.goto("/settings/profile");
    await expect(again).toHaveURL(/\/sign-in\?callbackUrl=/);
    await replay.close();
  });
}
