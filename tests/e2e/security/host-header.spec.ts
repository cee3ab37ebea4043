import { expect, test } from "@playwright/test";
import { seedArticle, storageStateOf } from "../support";
import { seedApproved } from "../reading/reading-support";

/**
 * Host-header poisoning (issue 11, finding 5): the reading view is shared for a minute at a CDN
 * (s-maxage=60), so a URL taken from a request header would be served to everyone. Its canonical
 * link, og:url and ClaimReview url come from CLAIMDESK_PUBLIC_URL only (scripts/e2e-server.ts sets
 * it to the server's own address).
 */
const SPOOFED = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Forwarded: "host=evil.example;proto=https" };

test("a spoofed X-Forwarded-Host reaches no URL of a published reading view, plain or brotli", async ({ request, baseURL }) => {
  const slug = seedArticle("host");
  seedApproved(slug);
  const pageUrl = `${baseURL}/a/${slug}`;
  for (const path of [`/a/${slug}`, `/a/${slug}/br`]) {
    for (const acceptEncoding of ["identity", "gzip", "br"]) {
      const response = await request.get(path, { headers: { ...SPOOFED, "Accept-Encoding": acceptEncoding } });
      const where = `${path} ${acceptEncoding}`;
      expect(response.status(), where).toBe(200);
      const html = await response.text();
      expect(html, where).not.toContain("evil.example");
      expect(html, where).toContain(`<link rel="canonical" href="${pageUrl}">`);
      expect(html, where).toContain(`<meta property="og:url" content="${pageUrl}">`);
      expect(html, where).toContain(`"url":"${pageUrl}#claim-`);
    }
  }
});

test("the shared page a spoofed request got first is what the next reader gets", async ({ request, baseURL }) => {
  // The page cache of the app server (lib/reading/get-reading-view.ts) must not key on, or keep, a header's host.
  const slug = seedArticle("hostcache");
  seedApproved(slug);
  const poisoned = await request.get(`/a/${slug}`, { headers: { ...SPOOFED, "Accept-Encoding": "br" } });
  expect(await poisoned.text()).not.toContain("evil.example");
  const next = await request.get(`/a/${slug}`, { headers: { "Accept-Encoding": "br" } });
  expect(next.headers()["etag"]).toBe(poisoned.headers()["etag"]);
  expect(await next.text()).toContain(`<link rel="canonical" href="${baseURL}/a/${slug}">`);
});

test.describe("exports", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("a spoofed Host or X-Forwarded-Host reaches no link of an export", async ({ request, baseURL }) => {
    // The export route once took its links from the request URL, whose host the client writes.
    const slug = seedArticle("hostexport");
    seedApproved(slug);
    for (const format of ["claimreview.jsonld", "annotations.jsonld"]) {
      const response = await request.get(`/api/articles/${slug}/export/${format}`, { headers: { ...SPOOFED, Host: "evil.example" } });
      expect(response.status(), format).toBe(200);
      const body = await response.text();
      expect(body, format).not.toContain("evil.example");
      expect(body, format).toContain(`${baseURL}/a/${slug}`);
    }
  });
});
