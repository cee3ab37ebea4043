import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "@/lib/auth/auth-redirect";

// Auth.js's redirect callback (lib/auth/config.ts, lib/auth/auth-redirect.ts): wherever sign-in or sign-out is asked to go,
// the browser stays on this site.
describe("the Auth.js redirect callback", () => {
  const baseUrl = "http://127.0.0.1:3000";
  const cases: Array<[string, string]> = [
    ["/articles/x/review", `${baseUrl}/articles/x/review`],
    [`${baseUrl}/desk?tab=1#top`, `${baseUrl}/desk?tab=1#top`],
    ["https://evil.example/", baseUrl],
    ["http://127.0.0.1:4000/desk", baseUrl],
    ["//evil.example", `${baseUrl}/`],
    ["/\\evil.example", `${baseUrl}/`],
    ["javascript:alert(1)", baseUrl],
    ["not a url", baseUrl],
  ];
  it.each(cases)("%s goes to %s", (url, expected) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe(expected);
  });
});
