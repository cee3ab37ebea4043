import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { importFile, storageStateOf } from "../support";
import { seedApproved, type SeededReading } from "./reading-support";

/**
 * Who may not read a draft: a signed-out visitor, on every page and route handler that shows an
 * article. Drafts are private (canSeeArticle in lib/auth/policy.ts): a reader gets the same 404 as
 * for a slug that does not exist, or the sign-in redirect / 401 of a staff-only address, and never
 * the draft's title or text. The published article next to it stays readable, and a signed-in
 * reviewer still sees the draft.
 */

const EXPORT_FORMATS = ["report.html", "report.md", "claims.csv", "claimreview.jsonld", "annotations.jsonld", "backup.json"];

type Seeded = SeededReading & { slug: string; title: string; marker: string; sentence: string; figure: string };

/**
 * Imports the seed article under a unique slug with a unique title and one unique sentence, then
 * approves two claims (one with a note and a citation) so the exports and claims would have
 * something to leak; publishes it unless `draft`.
 */
function seedMarkedArticle(kind: "draft" | "published"): Seeded {
  const id = randomBytes(4).toString("hex");
  const marker = `Quillfeather${id}`;
  const title = `${marker} ${kind} report on the 287(g) program`;
  // A figure of its own, so "the draft's text" is checked apart from the marker in its title.
  const figure = kind === "draft" ? "4,321 transfers" : "5,432 transfers";
  const sentence = `The ${marker} county counted ${figure} in 2020.`;
  const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
  const text = seed
    .replace(/^title: ".*"$/m, `title: "${title}"`)
    .replace(/^# .*$/m, `# ${title}\n\n${sentence}`);
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-e2e-"));
  const file = path.join(dir, "article.md");
  writeFileSync(file, text);
  // The slug must not carry the marker: it is in the URL, which redirects echo back.
  const slug = `anon-${kind}-${id}`;
  try {
    importFile(file, slug);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...seedApproved(slug, { draft: kind === "draft" }), slug, title, marker, sentence, figure };
}

/** The response says nothing of the draft: neither its title nor its text. */
async function expectNoDraft(response: APIResponse, draft: Seeded, what: string): Promise<string> {
  const body = await response.text();
  expect(body.toLowerCase(), `${what} must not show the draft`).not.toContain(draft.marker.toLowerCase());
  expect(body, `${what} must not show the draft's text`).not.toContain(draft.figure);
  return body;
}

/**
 * A Next page as HTML outside its flight payload plus the payload's rows as a set: React streams the
 * rows (keyed by id) in whichever order their promises settle, so two identical pages can differ
 * only in that order (seen on about 1 run in 6).
 */
function sameDocument(page: string): { html: string; rows: string[] } {
  // Each page carries its own CSP nonce (proxy.ts), in its tags and in the flight rows, so two
  // documents differ there by design.
  const nonce = / nonce="([^"]+)"/.exec(page)?.[1];
  const body = nonce ? page.replaceAll(nonce, "NONCE") : page;
  const flight = /<script>self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)<\/script>/g;
  const rows = [...body.matchAll(flight)].flatMap((m) => m[1]!.split("\\n")).sort();
  return { html: body.replace(flight, ""), rows };
}

/** A page with the same slug length as the draft's, so the two 404 documents can be compared byte for byte. */
const missingSlugLike = (slug: string) => slug.replace(/[0-9a-f]{8}$/, "00000000").replace(/^anon-draft/, "anon-gone0");

test.describe("signed out, a draft is nowhere", () => {
  let draft: Seeded;
  let published: Seeded;
  test.beforeAll(() => {
    draft = seedMarkedArticle("draft");
    published = seedMarkedArticle("published");
  });

  test("the home page lists the published article and not the draft", async ({ page, request }) => {
    await expectNoDraft(await request.get("/"), draft, "GET /");
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    // A signed-out visitor's link goes straight to the reading view (issue 15, item 2).
    await expect(page.getByRole("link", { name: published.title })).toHaveAttribute("href", `/a/${published.slug}`);
    await expect(page.locator(`a[href="/articles/${draft.slug}"], a[href="/a/${draft.slug}"]`)).toHaveCount(0);
  });

  test("/articles/<draft> is the very 404 of a missing slug, as HTML and as an RSC request", async ({ page, request }) => {
    const missing = missingSlugLike(draft.slug);
    expect(missing).toHaveLength(draft.slug.length);
    const draftPage = await request.get(`/articles/${draft.slug}`);
    const missingPage = await request.get(`/articles/${missing}`);
    expect(draftPage.status()).toBe(404);
    expect(missingPage.status()).toBe(404);
    const draftBody = await expectNoDraft(draftPage, draft, "the draft's article page");
    // Only the address differs: same status, same document once the slug itself is set aside.
    expect(sameDocument(draftBody.replaceAll(draft.slug, "SLUG"))).toEqual(sameDocument((await missingPage.text()).replaceAll(missing, "SLUG")));

    // What client-side navigation fetches: the flight payload, answered as for a missing slug.
    const flight = await request.get(`/articles/${draft.slug}`, { headers: { RSC: "1" } });
    const missingFlight = await request.get(`/articles/${missing}`, { headers: { RSC: "1" } });
    expect(flight.status()).toBe(missingFlight.status());
    await expectNoDraft(flight, draft, "the draft's article page as an RSC payload");

    await page.goto(`/articles/${missing}`);
    const missingTitle = await page.title();
    await page.goto(`/articles/${draft.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(missingTitle);
  });

  test("the reading view /a/<draft> is the same 404 as a missing slug", async ({ request }) => {
    const draftView = await request.get(`/a/${draft.slug}`);
    const missingView = await request.get(`/a/${missingSlugLike(draft.slug)}`);
    expect(draftView.status()).toBe(404);
    expect(await expectNoDraft(draftView, draft, "the draft's reading view")).toBe(await missingView.text());
  });

  for (const suffix of ["/review", "/revisions", "/report"]) {
    test(`/articles/<draft>${suffix} sends the reader to sign in and shows nothing`, async ({ request }) => {
      await expectStaffOnlyPage(request.get(`/articles/${draft.slug}${suffix}`, { maxRedirects: 0 }), draft);
    });
  }

  test("the desk and the draft's desk page send the reader to sign in", async ({ request }) => {
    await expectStaffOnlyPage(request.get("/desk", { maxRedirects: 0 }), draft);
    await expectStaffOnlyPage(request.get(`/desk/${draft.slug}`, { maxRedirects: 0 }), draft);
    await expectStaffOnlyPage(request.get("/settings/tokens", { maxRedirects: 0 }), draft);
  });

  test("every article API route answers 401 and nothing of the draft", async ({ request }) => {
    const gets = [
      "/api/articles",
      "/api/articles?page=1&pageSize=100",
      `/api/articles/${draft.slug}`,
      `/api/articles/${draft.slug}/claims`,
      `/api/articles/${draft.slug}/claims?page=1&pageSize=100`,
      ...EXPORT_FORMATS.map((format) => `/api/articles/${draft.slug}/export/${format}`),
      `/api/articles/${draft.slug}/export/no-such-format`,
    ];
    for (const url of gets) {
      const response = await request.get(url);
      expect(response.status(), `GET ${url}`).toBe(401);
      await expectNoDraft(response, draft, `GET ${url}`);
      expect((await response.json()).error.code, `GET ${url}`).toBe("UNAUTHENTICATED");
    }
  });

  test("the publish and claims write routes refuse the reader, and the draft stays unpublished", async ({ request }) => {
    const writes = [
      request.post(`/api/articles/${draft.slug}/publish`),
      request.delete(`/api/articles/${published.slug}/publish`),
      request.post(`/api/claims/${draft.headlineId}/approve`, { data: { reviewId: "any" } }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status(), response.url()).toBe(401);
      await expectNoDraft(response, draft, response.url());
    }
    expect((await request.get(`/a/${draft.slug}`)).status()).toBe(404);
    expect((await request.get(`/a/${published.slug}`)).status()).toBe(200);
  });

  test("there is no sitemap to list drafts in", async ({ request }) => {
    for (const url of ["/sitemap.xml", "/robots.txt"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      await expectNoDraft(response, draft, url);
    }
  });

  test("the published article stays readable: its page and its reading view", async ({ page, request }) => {
    const articlePage = await page.goto(`/articles/${published.slug}`);
    expect(articlePage?.status()).toBe(200);
    await expect(page.getByTestId("article-text").getByRole("heading", { level: 1 })).toHaveText(published.title);
    await expect(page.getByTestId("article-text")).toContainText(published.sentence);
    await expectNoDraft(await request.get(`/articles/${published.slug}`), draft, "the published article's page");

    const reading = await request.get(`/a/${published.slug}`);
    expect(reading.status()).toBe(200);
    const body = await expectNoDraft(reading, draft, "the published reading view");
    expect(body).toContain(published.marker);
  });

  test.describe("signed in as a reviewer", () => {
    test.use({ storageState: storageStateOf("reviewer") });

    test("the draft is listed, opens, previews and comes through the API", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("link", { name: draft.title })).toHaveAttribute("href", `/articles/${draft.slug}`);
      await expect(page.getByRole("link", { name: published.title })).toBeVisible();

      const articlePage = await page.goto(`/articles/${draft.slug}`);
      expect(articlePage?.status()).toBe(200);
      await expect(page.getByTestId("article-text")).toContainText(draft.sentence);

      const preview = await page.goto(`/a/${draft.slug}`);
      expect(preview?.status()).toBe(200);
      await expect(page.getByText("Preview: not published")).toBeVisible();

      const api = await page.request.get(`/api/articles/${draft.slug}`);
      expect(api.status()).toBe(200);
      expect(await api.text()).toContain(draft.title);
      const exported = await page.request.get(`/api/articles/${draft.slug}/export/report.md`);
      expect(exported.status()).toBe(200);
      expect(await exported.text()).toContain(draft.marker);
    });
  });
});

/** A staff-only page: a redirect to sign-in (and back), with nothing of the draft on the way. */
async function expectStaffOnlyPage(pending: Promise<APIResponse>, draft: Seeded): Promise<void> {
  const response = await pending;
  await expectNoDraft(response, draft, response.url());
  expect([302, 303, 307, 308], response.url()).toContain(response.status());
  expect(response.headers()["location"], response.url()).toMatch(/^(https?:\/\/[^/]+)?\/sign-in\?callbackUrl=/);
}
