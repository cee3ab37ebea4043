import { expect, test } from "@playwright/test";
import { storageStateOf } from "../support";

// The sign-in page of a signed-in user redirects straight to its callbackUrl: the place where an
// open redirect showed (issue 11, finding 3). Each value is written as it would be typed, and
// encoded once into the query string, as a link in an email would carry it.
const crafted = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/x\r\nSet-Cookie: a=b",
  "/\u0000/evil.example",
  "/\u2028/evil.example",
  "\\evil.example",
  "//evil.example",
  "/\\evil.example",
  "/%2Fevil.example",
  "%2F%2Fevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "//evil\u3002example",
  "/\u3002/evil.example",
  "/\uFF61/evil.example",
  "/\uFF0E\uFF0E/evil.example",
  "/\uFE52/evil.example",
  "/\uFF0Fevil.example",
  "/.//evil.example",
  "javascript:alert(1)",
  "https://evil.example",
  "/ /evil.example",
  `/${"a".repeat(5000)}`,
];

test.describe("callbackUrl, signed in", () => {
  test.use({ storageState: storageStateOf("reviewer") });

  for (const value of crafted) {
    test(`${JSON.stringify(value.slice(0, 40))} redirects on this site`, async ({ request, baseURL }) => {
      const response = await request.get(`/sign-in?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
      expect(response.status(), await response.text()).toBeGreaterThanOrEqual(300);
      expect(response.status()).toBeLessThan(400);
      const location = response.headers()["location"] ?? "";
      expect(location).not.toMatch(/[\u0000-\u001F\u007F\\\s]/);
      expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("an ordinary callbackUrl is followed", async ({ request, baseURL }) => {
    const response = await request.get(`/sign-in?callbackUrl=${encodeURIComponent("/desk?x=1#c")}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(new URL(response.headers()["location"]!, baseURL).pathname).toBe("/desk");
  });
});
