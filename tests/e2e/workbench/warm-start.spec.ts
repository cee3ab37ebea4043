import { expect, test } from "@playwright/test";

// lib/review/warm-save-path.ts: a fresh server sends itself refused saves before it reports ready,
// so the first reviewers of a day do not pay for loading the save path. It reads the action's id
// from the build and expects the session check's refusal: a Next upgrade that changes either shows
// here as "failed", not as first saves that are quietly slow again.
test("the server warmed its save path before it reported ready", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, warmUp: "done" });
});
