import { expect, test, type Page } from "@playwright/test";
import { runSeedScript, storageStateOf } from "../support";
import { PROXY_SOURCE_ADDRESS } from "@/scripts/proxy/nginx";
import { newAccount, pinTo, servedBy, signedIn, type ServerName } from "./servers";

// Issue 14: what guards sign-in and roles holds across app servers, because it lives in the one
// database: the attempt counts, the sessions and the roles they read on every request.

/** The account's recorded sign-in attempts (tests/e2e/security/sign-in-accounts.ts). */
function attemptsOf(email: string): Array<{ address: string; succeeded: boolean }> {
  const out = runSeedScript("tests/e2e/security/sign-in-accounts.ts", ["attempts", email]);
  return JSON.parse(out) as Array<{ address: string; succeeded: boolean }>;
}

/**
 * One attempt through the proxy's sign-in form, sent to `server`: the message shown and the server
 * that answered. Each carries a client-written X-Forwarded-For, which nginx keeps to the left of its
 * own entry and the app never reads.
 */
async function attempt(page: Page, email: string, password: string, server: ServerName): Promise<{ message: string; server: ServerName }> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}`, "x-claimdesk-pin": server });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  return { message: await page.locator("#sign-in-error").innerText(), server: servedBy(post) };
}

test("the sign-in limit counts attempts on both servers together, under the address the proxy saw", async ({ page }) => {
  const email = newAccount("reviewer", "multi-limit");
  await page.goto("/sign-in");
  // Turn about: a, b, a, b, a fail (5 allowed), then b, a, b are refused.
  const tries: Array<{ message: string; server: ServerName }> = [];
  for (let n = 0; n < 8; n++) tries.push(await attempt(page, email, `wrong-${n}`, n % 2 === 0 ? "a" : "b"));
  expect(tries.map((t) => t.server)).toEqual(["a", "b", "a", "b", "a", "b", "a", "b"]);
  expect(tries.slice(0, 5).map((t) => t.message)).toEqual(Array(5).fill("That email and password do not match an account."));
  for (const { message } of tries.slice(5)) expect(message).toContain("Too many failed attempts");
  // The right password is refused too, on either server.
  for (const server of ["a", "b"] as const) expect((await attempt(page, email, "claimdesk-demo", server)).message).toContain("Too many failed attempts");

  // Five checks in all, each counted under the browser's address as nginx appended it, not under
  // nginx's own (the app servers' socket) and not under the client's header.
  const attempts = attemptsOf(email);
  expect(attempts).toHaveLength(5);
  expect(new Set(attempts.map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
  expect(PROXY_SOURCE_ADDRESS).not.toBe("127.0.0.1");
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin's change of a user's role counts on both servers at the user's next request", async ({ page, browser }) => {
    const email = newAccount("reviewer", "multi-role");
    const user = await signedIn(browser, email);
    try {
      for (const server of ["a", "b"] as const) {
        await pinTo(user.context, server);
        expect(servedBy(await user.page.goto("/desk"))).toBe(server);
        await expect(user.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      }

      // The admin works through the proxy, on whichever server is next.
      await page.goto("/admin/accounts");
      const row = page.locator(`tr[data-account-email="${email}"]`);
      await row.getByLabel(`Role of ${email}`).selectOption("editor");
      const [change] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), row.getByRole("button", { name: `Save role for ${email}` }).click()]);
      servedBy(change);
      await expect(page.getByRole("status").filter({ hasText: `${email} is now an editor` })).toBeVisible();

      for (const server of ["a", "b"] as const) {
        await pinTo(user.context, server);
        expect(servedBy(await user.page.goto("/desk"))).toBe(server);
        await expect(user.page.getByRole("heading", { name: "Not allowed" })).toHaveCount(0);
        await expect(user.page.locator(".account-menu")).toContainText("(editor)");
      }
    } finally {
      await user.context.close();
    }
  });
});

// The servers read X-Forwarded-For only on connections from nginx's address
// (CLAIMDESK_TRUSTED_PROXY_ADDRESSES, scripts/multi-server.ts): a client that reaches a server
// directly (here: its loopback port) is counted under its own socket address, whatever it writes.
test("a request that goes round the proxy straight to a server cannot choose the address it is counted under", async ({ playwright }) => {
  const email = newAccount("reviewer", "multi-around");
  const [port] = (process.env.E2E_SERVER_PORTS ?? "").split(",");
  const direct = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const { csrfToken } = (await (await direct.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let n = 0; n < 3; n++) {
    await direct.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `wrong-${n}` },
      headers: { "x-forwarded-for": `198.51.100.${n + 1}` },
      maxRedirects: 0,
    });
  }
  await direct.dispose();
  expect(new Set(attemptsOf(email).map((a) => a.address))).toEqual(new Set(["127.0.0.1"]));
});
