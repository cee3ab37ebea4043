import { expect, test, type APIResponse, type BrowserContext } from "@playwright/test";
import { seedApproved } from "../reading/reading-support";
import { seedArticle, storageStateOf } from "../support";
import { pinTo, proxyOrigin, servedBy } from "./servers";

// Issue 14: publishing through one server reaches readers through the other. Each server caches
// rendered reading views in memory (lib/reading/reading-cache.ts), but keyed by the article's
// version stamp, which every request reads from the database: a publish or unpublish is seen on the
// next request. The cache's 60 s lifetime only bounds what the stamp cannot see (README).

/** Publishes (POST) or takes down (DELETE) through the editor's browser, as the page would. */
async function setPublished(editor: BrowserContext, slug: string, published: boolean): Promise<APIResponse> {
  const url = `/api/articles/${slug}/publish`;
  const options = { headers: { origin: proxyOrigin() } };
  const response = published ? await editor.request.post(url, options) : await editor.request.delete(url, options);
  expect(response.status()).toBe(200);
  return response;
}

test("publishing on one server is visible to readers through the other at once, and so is taking it down", async ({ browser }) => {
  const slug = seedArticle("multi-publish");
  seedApproved(slug, { draft: true });
  const editor = await browser.newContext({ storageState: storageStateOf("editor") });
  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await pinTo(editor, "a");
  await pinTo(reader, "b");
  const page = await reader.newPage();
  try {
    // b renders (and caches) the article while it is a draft: a reader gets the 404 page.
    const before = await page.goto(`/a/${slug}`);
    expect(servedBy(before)).toBe("b");
    expect(before?.status()).toBe(404);

    expect(servedBy(await setPublished(editor, slug, true))).toBe("a");
    const published = Date.now();
    const after = await page.goto(`/a/${slug}`);
    const visibleAfterMs = Date.now() - published;
    expect(servedBy(after)).toBe("b");
    expect(after?.status()).toBe(200);
    await expect(page.locator('[data-testid="article-text"] mark[id^="claim-"]').first()).toBeVisible();
    await expect(page.getByText("Preview: not published")).toHaveCount(0);
    console.log(`multi-server: published on a, the first request to b ${visibleAfterMs} ms later has it`);

    // Taken down on a: b's cached copy of the published page is not handed out again.
    expect(servedBy(await setPublished(editor, slug, false))).toBe("a");
    const down = await page.goto(`/a/${slug}`);
    expect(servedBy(down)).toBe("b");
    expect(down?.status()).toBe(404);
  } finally {
    await editor.close();
    await reader.close();
  }
});
