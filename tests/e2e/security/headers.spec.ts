import { expect, test, type Page, type Response } from "@playwright/test";
import { openWorkbench, seedArticle, storageStateOf } from "../support";
import { seedApproved } from "../reading/reading-support";

/**
 * Security headers on every kind of response (issue 11, finding 9): a Content-Security-Policy whose
 * scripts come from this site only (Next's per-request nonce on pages, none at all inline in the
 * prebuilt reading view), never `'unsafe-inline'` or `'unsafe-eval'` for scripts, `frame-ancestors
 * 'none'`, plus nosniff and a Referrer-Policy. Then the main pages are used in a browser and must
 * report no CSP violation at all.
 */
type Csp = Record<string, string[]>;

function parseCsp(header: string): Csp {
  const directives: Csp = {};
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = values;
  }
  return directives;
}

/** Asserts the headers every response carries; returns the page's nonce, if its policy has one. */
function expectSecurityHeaders(headers: Record<string, string>, where: string): string | null {
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toMatch(/^(strict-origin-when-cross-origin|same-origin|no-referrer)$/);
  const header = headers["content-security-policy"];
  expect(header, `${where}: Content-Security-Policy`).toBeTruthy();
  const csp = parseCsp(header!);
  expect(csp["frame-ancestors"], where).toEqual(["'none'"]);
  expect(csp["object-src"], where).toEqual(["'none'"]);
  expect(csp["base-uri"], where).toBeDefined();
  const scripts = csp["script-src"] ?? csp["default-src"] ?? [];
  expect(scripts.length, `${where}: script-src`).toBeGreaterThan(0);
  for (const source of scripts) {
    // Only this site, a nonce or a hash: no host lists, no unsafe-inline, unsafe-eval or unsafe-hashes.
    expect(source, `${where}: script-src ${source}`).toMatch(/^('self'|'none'|'strict-dynamic'|'nonce-[A-Za-z0-9+/=_-]{16,}'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/);
  }
  for (const directive of ["script-src-attr", "script-src-elem"]) expect(csp[directive] ?? [], where).not.toContain("'unsafe-inline'");
  return scripts.find((s) => s.startsWith("'nonce-"))?.slice("'nonce-".length, -1) ?? null;
}

/** Every <script> of a page built by Next carries this request's nonce; no element has an on…= handler. */
function expectScriptsNonced(html: string, nonce: string | null, where: string): void {
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  for (const tag of scripts) {
    if (/type="application\/(ld\+)?json"/.test(tag)) continue; // data blocks: never executed
    if (nonce === null) expect(tag, `${where}: a script without a nonce must load from a file`).toMatch(/\ssrc="\/[^/]/);
    else expect(tag, where).toContain(`nonce="${nonce}"`);
  }
  expect(html.match(/<[a-z][^>]*\son[a-z]+\s*=/gi) ?? [], `${where}: inline event handlers`).toEqual([]);
}

async function expectPage(response: Response | null, where: string, status = 200): Promise<string | null> {
  expect(response, where).not.toBeNull();
  expect(response!.status(), where).toBe(status);
  const nonce = expectSecurityHeaders(response!.headers(), where);
  if ((response!.headers()["content-type"] ?? "").startsWith("text/html")) expectScriptsNonced(await response!.text(), nonce, where);
  return nonce;
}

/** Collects CSP violations the page reports, both as console messages and as DOM events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test.describe("signed out", () => {
  test("the front page, sign-in, reading view (plain and brotli), 404s and an API route carry the headers", async ({ page, request }) => {
    const slug = seedArticle("headers");
    seedApproved(slug);
    const frontNonce = await expectPage(await page.goto("/"), "/");
    expect(frontNonce, "/ has a nonce").not.toBeNull();
    const again = await expectPage(await page.goto("/"), "/ again");
    expect(again, "a fresh nonce per request").not.toBe(frontNonce);
    await expectPage(await page.goto("/sign-in"), "/sign-in");
    await expectPage(await page.goto("/no-such-page/at-all"), "a 404 page", 404);

    // The reading view is a prebuilt (and precompressed) document: a policy without a nonce.
    const reading = await page.goto(`/a/${slug}`);
    expect(reading?.headers()["content-encoding"]).toBe("br");
    expect(await expectPage(reading, "reading view, brotli")).toBeNull();
    for (const acceptEncoding of ["identity", "gzip"]) {
      const plain = await request.get(`/a/${slug}`, { headers: { "Accept-Encoding": acceptEncoding } });
      expect(plain.status()).toBe(200);
      expectScriptsNonced(await plain.text(), expectSecurityHeaders(plain.headers(), `reading view, ${acceptEncoding}`), `reading view, ${acceptEncoding}`);
    }
    const direct = await request.get(`/a/${slug}/br`, { headers: { "Accept-Encoding": "br" } });
    expectSecurityHeaders(direct.headers(), "/a/<slug>/br");
    const missing = await request.get("/a/no-such-article-0000", { headers: { "Accept-Encoding": "br" } });
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing.headers(), "reading view 404");
    const revision = await request.get(`/a/${slug}/revisions/1`);
    expect(revision.status()).toBe(200);
    expectSecurityHeaders(revision.headers(), "revision text");

    for (const path of ["/api/health", "/api/articles", "/api/no-such-route"]) {
      const response = await request.get(path);
      expectSecurityHeaders(response.headers(), path);
    }
    // Static files: nosniff at least (a CSP on a script file means nothing).
    const script = await request.get("/reading/enhance.js");
    expect(script.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the reading view, with its popover and filters, reports no CSP violation", async ({ page }) => {
    const slug = seedArticle("headers-reading");
    const seeded = seedApproved(slug);
    const violations = await watchViolations(page);
    await page.goto(`/a/${slug}`);
    await page.locator(`#claim-${seeded.headlineId}`).click();
    const popover = page.getByRole("dialog", { name: "Claim, verdict and sources" });
    await expect(popover).toBeVisible();
    await expect(popover).toContainText("Misleading");
    await page.keyboard.press("Escape");
    await page.getByRole("group", { name: "Show claims" }).getByRole("checkbox", { name: /^Statistic/ }).uncheck();
    // The filter hides the statistic's check link (marks are plain highlights; the link after each claim is what a keyboard reaches).
    await expect(page.locator(`sup[data-tag-for="${seeded.statisticId}"]`)).toBeHidden();
    await page.goto("/sign-in");
    await expect(page.getByLabel("Email")).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});

test.describe("signed in as an editor", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("the workbench, desk, settings, article pages, the reading view and the API carry the headers", async ({ page, request }) => {
    const slug = seedArticle("headers-editor");
    seedApproved(slug);
    for (const path of ["/", `/articles/${slug}/review`, "/desk", `/desk/${slug}`, "/settings/tokens", `/articles/${slug}/revisions`, `/articles/${slug}/report`, "/forbidden"]) {
      const nonce = await expectPage(await page.goto(path), path);
      expect(nonce, `${path} has a nonce`).not.toBeNull();
    }
    // Signed in, the reading view is built per request around the name, still without inline script.
    const reading = await page.goto(`/a/${slug}`);
    expect(reading?.headers()["cache-control"]).toBe("private, no-store");
    await expectPage(reading, "reading view, signed in");
    const api = await request.get(`/api/articles/${slug}/claims`);
    expectSecurityHeaders(api.headers(), "/api/articles/<slug>/claims");
  });

  test("reviewing in the workbench and using the desk report no CSP violation", async ({ page }) => {
    test.setTimeout(90_000);
    const slug = seedArticle("headers-workbench");
    const violations = await watchViolations(page);
    await openWorkbench(page, slug);
    const detail = page.getByTestId("claim-detail");
    await page.keyboard.press("j");
    await page.keyboard.press("5");
    await expect(detail.getByRole("status")).toContainText("Saved");
    await page.keyboard.press("c");
    await expect(detail.getByLabel("Source URL")).toBeFocused();
    await page.keyboard.press("Escape");
    await page.goto("/desk");
    await page.goto(`/desk/${slug}`);
    await page.goto("/settings/tokens");
    await page.goto("/");
    expect(await violations()).toEqual([]);
  });
});
