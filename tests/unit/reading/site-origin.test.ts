import { afterEach, describe, expect, it, vi } from "vitest";
import { publicOrigin, publicUrl } from "@/lib/reading/site-origin";

/**
 * Absolute URLs (canonical link, og:url, ClaimReview url, export links) come from configuration
 * only: a request's Host or X-Forwarded-Host must never reach a page a shared cache keeps (issue 11,
 * finding 5). There is no request argument to pass one through, on purpose.
 */
describe("publicOrigin", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is the configured CLAIMDESK_PUBLIC_URL's origin, without a trailing slash", () => {
    expect(publicOrigin({ CLAIMDESK_PUBLIC_URL: "https://desk.example/", NODE_ENV: "production" })).toBe("https://desk.example");
    expect(publicOrigin({ CLAIMDESK_PUBLIC_URL: "  http://127.0.0.1:3100 ", NODE_ENV: "test" })).toBe("http://127.0.0.1:3100");
    expect(publicUrl("/a/fees", { CLAIMDESK_PUBLIC_URL: "https://desk.example", NODE_ENV: "production" })).toBe("https://desk.example/a/fees");
  });

  it("is required in production, with a message that says what to set", () => {
    for (const value of [undefined, "", "   "]) {
      expect(() => publicOrigin({ CLAIMDESK_PUBLIC_URL: value, NODE_ENV: "production" })).toThrow(/CLAIMDESK_PUBLIC_URL.*required in production/);
    }
  });

  it("refuses a value that is not an http(s) origin, in every environment", () => {
    for (const value of ["desk.example", "javascript:alert(1)", "ftp://desk.example", "https://desk.example/claimdesk", "https://desk.example/?x=1", "https://user:pw@desk.example"]) {
      for (const NODE_ENV of ["production", "development"]) {
        expect(() => publicOrigin({ CLAIMDESK_PUBLIC_URL: value, NODE_ENV }), `${value} ${NODE_ENV}`).toThrow(/CLAIMDESK_PUBLIC_URL/);
      }
    }
  });

  it("outside production defaults to localhost on PORT (3000), saying so once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(publicOrigin({ NODE_ENV: "development" })).toBe("http://localhost:3000");
    expect(publicOrigin({ NODE_ENV: "development", PORT: "4000" })).toBe("http://localhost:4000");
    expect(publicOrigin({ NODE_ENV: "test" })).toBe("http://localhost:3000");
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
    expect(warn.mock.calls.flat().join("\n")).not.toContain("\n");
  });
});
