import { describe, expect, it } from "vitest";
import { assertSameOriginOrToken, CROSS_SITE_MESSAGE, isOwnOrigin, isSameOriginOrToken } from "@/lib/auth/same-origin";
import { AppError } from "@/lib/errors";

// What Chromium sends for the app at 127.0.0.1:3000, and from a page on another port (issue 11).
const APP = "http://127.0.0.1:3000";
const OTHER_PORT = "http://127.0.0.1:4444";

function post(headers: Record<string, string>, method = "POST"): Request {
  return new Request(`${APP}/api/articles/a/publish`, { method, headers: { host: "127.0.0.1:3000", cookie: "authjs.session-token=x", ...headers } });
}

describe("isSameOriginOrToken", () => {
  it("refuses a form post from another port of the same host (Origin names the other port)", () => {
    expect(isSameOriginOrToken(post({ origin: OTHER_PORT, "content-type": "application/x-www-form-urlencoded" }), null)).toBe(false);
  });

  it("refuses Sec-Fetch-Site cross-site and same-site, with or without an Origin", () => {
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "cross-site" }), null)).toBe(false);
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "same-site", origin: OTHER_PORT, "content-type": "text/plain" }), null)).toBe(false);
    // The browser's word wins over an Origin that happens to match (e.g. http://host vs https://host).
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "same-site", origin: APP }), null)).toBe(false);
  });

  it("refuses Sec-Fetch-Site none: a typed address or bookmark never posts", () => {
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "none" }), null)).toBe(false);
  });

  it("passes Sec-Fetch-Site same-origin, and an Origin equal to the Host's when the browser sends no Sec-Fetch-Site", () => {
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "same-origin", origin: APP }), null)).toBe(true);
    expect(isSameOriginOrToken(post({ "sec-fetch-site": "same-origin" }), null)).toBe(true);
    expect(isSameOriginOrToken(post({ origin: APP }), null)).toBe(true);
    expect(isSameOriginOrToken(post({ origin: "HTTP://127.0.0.1:3000" }), null)).toBe(true);
  });

  it("refuses a cookie with neither Origin nor Sec-Fetch-Site (curl with a copied cookie), and Origin null", () => {
    expect(isSameOriginOrToken(post({}), null)).toBe(false);
    expect(isSameOriginOrToken(post({ origin: "null" }), null)).toBe(false);
    expect(isSameOriginOrToken(post({ origin: "not a url" }), null)).toBe(false);
  });

  it("passes a Bearer token whatever the origin: the cookie is then not what authenticates", () => {
    expect(isSameOriginOrToken(post({ authorization: "Bearer cd_abc" }), null)).toBe(true);
    expect(isSameOriginOrToken(post({ authorization: "bearer cd_abc", origin: OTHER_PORT }), null)).toBe(true);
  });

  it("does not take another Authorization scheme for a token", () => {
    expect(isSameOriginOrToken(post({ authorization: "Basic ZWRpdG9yOng=" }), null)).toBe(false);
  });

  it.each(["GET", "HEAD", "OPTIONS"])("passes %s from anywhere: those change nothing", (method) => {
    expect(isSameOriginOrToken(post({ origin: OTHER_PORT, "sec-fetch-site": "same-site" }, method), null)).toBe(true);
  });

  it.each(["PUT", "PATCH", "DELETE"])("checks %s like POST", (method) => {
    expect(isSameOriginOrToken(post({ origin: OTHER_PORT }, method), null)).toBe(false);
    expect(isSameOriginOrToken(post({ origin: APP }, method), null)).toBe(true);
  });

  it("does not trust X-Forwarded-Host: a spoofed one cannot make another origin ours", () => {
    expect(isSameOriginOrToken(post({ origin: OTHER_PORT, "x-forwarded-host": "127.0.0.1:4444" }), null)).toBe(false);
  });

  it("accepts the configured public URL's origin behind a proxy that rewrites Host, and the Host's own", () => {
    const behindProxy = (origin: string) => new Request("http://app:3000/api/articles/a/publish", { method: "POST", headers: { host: "app:3000", origin } });
    expect(isSameOriginOrToken(behindProxy("https://claims.example.org"), "https://claims.example.org/desk")).toBe(true);
    expect(isSameOriginOrToken(behindProxy("http://claims.example.org"), "https://claims.example.org")).toBe(false);
    expect(isSameOriginOrToken(behindProxy("https://evil.example"), "https://claims.example.org")).toBe(false);
    expect(isSameOriginOrToken(behindProxy("http://app:3000"), "https://claims.example.org")).toBe(true);
  });
});

describe("isOwnOrigin", () => {
  it("compares the host with its port", () => {
    expect(isOwnOrigin("http://localhost:3000", "localhost:3000", null)).toBe(true);
    expect(isOwnOrigin("http://localhost:3001", "localhost:3000", null)).toBe(false);
    expect(isOwnOrigin("http://localhost", "localhost:3000", null)).toBe(false);
    expect(isOwnOrigin("http://localhost:3000", null, null)).toBe(false);
  });

  it("refuses a non-http origin", () => {
    expect(isOwnOrigin("file://localhost:3000", "localhost:3000", null)).toBe(false);
  });
});

describe("assertSameOriginOrToken", () => {
  it("throws FORBIDDEN (403) with a sentence saying what to do instead", () => {
    let thrown: unknown;
    try {
      assertSameOriginOrToken(post({ origin: OTHER_PORT }), null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(403);
    expect((thrown as AppError).message).toBe(CROSS_SITE_MESSAGE);
    expect(() => assertSameOriginOrToken(post({ origin: APP }), null)).not.toThrow();
  });
});
