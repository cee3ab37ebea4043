import { expect, request as apiRequest, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";
import { autoSubmittingForm, noCorsTextPost, startAttacker, type Attacker } from "./csrf-attacker";

// Issue 11, finding 2: a page on another port of the same host sends the editor's session cookie
// along (same site), so route handlers must tell our own pages from it (lib/auth/same-origin.ts).

const app = `http://127.0.0.1:${process.env.E2E_PORT}`;
const CROSS_SITE = "This request came from another site; use Claimdesk's own pages, or an API token.";

test.use({ storageState: storageStateOf("editor") });

let attacker: Attacker | undefined;
test.afterEach(async () => {
  await attacker?.close();
  attacker = undefined;
});

/**
 * A client without cookies: it sees what a reader sees (a draft's reading view is a 404). The empty
 * storageState matters: otherwise the context inherits the editor's from test.use.
 */
async function reader(): Promise<APIRequestContext> {
  return apiRequest.newContext({ baseURL: app, storageState: { cookies: [], origins: [] } });
}

/** The reviewer gives the article's first claim a verdict in the workbench; its ids come back. */
async function reviewFirstClaim(browser: Browser, slug: string): Promise<{ claimId: string; reviewId: string }> {
  const context = await browser.newContext({ storageState: storageStateOf("reviewer") });
  try {
    const page = await context.newPage();
    await openWorkbench(page, slug);
    await page.keyboard.press("5");
    await expect(page.getByTestId("claim-detail").getByRole("status")).toContainText("Saved");
    const claimId = (await page.locator('.claim-item[aria-current="true"]').getAttribute("id"))!.replace("claim-item-", "");
    const claims = await (await page.request.get(`/api/articles/${slug}/claims?pageSize=100`)).json();
    const reviewId: string = claims.data.find((c: { id: string }) => c.id === claimId).reviews[0].id;
    return { claimId, reviewId };
  } finally {
    await context.close();
  }
}

async function claimState(page: Page, slug: string, claimId: string): Promise<string> {
  const claims = await (await page.request.get(`/api/articles/${slug}/claims?pageSize=100`)).json();
  return claims.data.find((c: { id: string }) => c.id === claimId).state;
}

async function articleStatus(page: Page, slug: string): Promise<string> {
  return (await (await page.request.get(`/api/articles/${slug}`)).json()).data.status;
}

test("an auto-submitted form on another port cannot publish with the editor's cookie", async ({ page }) => {
  const slug = seedArticle("csrf-form");
  const publishUrl = `${app}/api/articles/${slug}/publish`;
  attacker = await startAttacker({ "/prize": autoSubmittingForm(publishUrl, { reason: "csrf" }) });

  const answered = page.waitForResponse((response) => response.url() === publishUrl && response.request().method() === "POST");
  await page.goto(`${attacker.origin}/prize`);
  const response = await answered;
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toMatchObject({ code: "FORBIDDEN", message: CROSS_SITE });

  expect(await articleStatus(page, slug)).not.toBe("published");
  const readers = await reader();
  expect((await readers.get(`/a/${slug}`)).status()).toBe(404);
  await readers.dispose();
});

test("a no-cors text/plain fetch on another port cannot approve a review with the editor's cookie", async ({ page, browser }) => {
  const slug = seedArticle("csrf-fetch");
  const { claimId, reviewId } = await reviewFirstClaim(browser, slug);
  const approveUrl = `${app}/api/claims/${claimId}/approve`;
  attacker = await startAttacker({ "/loading": noCorsTextPost(approveUrl, JSON.stringify({ reviewId })) });

  const answered = page.waitForResponse((response) => response.url() === approveUrl && response.request().method() === "POST");
  await page.goto(`${attacker.origin}/loading`);
  const response = await answered;
  expect(response.status()).toBe(403);
  await expect(page).toHaveTitle("sent");

  expect(await claimState(page, slug, claimId)).not.toBe("approved");
  const summary = (await (await page.request.get(`/api/articles/${slug}`)).json()).data;
  expect(summary.claims.approved).toBe(0);
});

test("our own pages, and an API token without Origin, still write; a bare cookie without Origin does not", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const slug = seedArticle("csrf-own");
  const { claimId, reviewId } = await reviewFirstClaim(browser, slug);

  // The desk's own page calls the approve route with fetch: same origin, so it goes through.
  await page.goto(`/desk/${slug}`);
  const status = await page.evaluate(
    async ([url, body]) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).status,
    [`/api/claims/${claimId}/approve`, JSON.stringify({ reviewId })] as const,
  );
  expect(status).toBe(200);
  expect(await claimState(page, slug, claimId)).toBe("approved");

  // The editor's cookie sent by a script (no Origin, no Sec-Fetch-Site, like curl) is refused...
  const bare = await page.request.post(`/api/articles/${slug}/publish`);
  expect(bare.status()).toBe(403);
  expect((await bare.json()).error.message).toBe(CROSS_SITE);
  expect(await articleStatus(page, slug)).not.toBe("published");

  // ...while the editor's API token, sent the same way, publishes.
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(`csrf spec ${Date.now()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  const script = await reader();
  try {
    const published = await script.post(`/api/articles/${slug}/publish`, { headers: { authorization: `Bearer ${token}` } });
    expect(published.status()).toBe(200);
    expect((await published.json()).data).toMatchObject({ status: "published", changed: true });
    expect((await script.get(`/a/${slug}`)).status()).toBe(200);
  } finally {
    await script.dispose();
  }
});

test("Auth.js refuses a sign-out posted from another port without its CSRF token", async ({ page }) => {
  const signoutUrl = `${app}/api/auth/signout`;
  attacker = await startAttacker({ "/bye": autoSubmittingForm(signoutUrl) });
  const before = await (await page.request.get("/api/auth/session")).json();
  expect(before?.user?.email).toBe("editor@claimdesk.test");

  const answered = page.waitForResponse((response) => response.url().startsWith(signoutUrl) && response.request().method() === "POST");
  await page.goto(`${attacker.origin}/bye`);
  await answered;
  await page.waitForLoadState();

  const after = await (await page.request.get("/api/auth/session")).json();
  expect(after?.user?.email).toBe("editor@claimdesk.test");
});
