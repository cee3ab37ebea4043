import { expect, test as setup } from "@playwright/test";
import { storageStateOf } from "./support";

// Signs in once per role through the real sign-in form and keeps the session for the other specs.
const accounts = [
  ["reviewer", "reviewer@claimdesk.test"],
  ["reviewer2", "reviewer2@claimdesk.test"],
  ["editor", "editor@claimdesk.test"],
  ["admin", "admin@claimdesk.test"],
] as const;

for (const [role, email] of accounts) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("claimdesk-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
