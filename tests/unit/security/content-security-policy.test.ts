import { describe, expect, it } from "vitest";
import { pagePolicy, READING_VIEW_POLICY, STATIC_SECURITY_HEADERS, UNNONCED_PAGE_POLICY } from "@/lib/security/content-security-policy.mjs";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)
    ?.slice(1);

describe("content security policies", () => {
  it("lets a page run only scripts with this request's nonce, and what they load", () => {
    const policy = pagePolicy("abc123abc123abc123abc123");
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc123abc123abc123abc123'", "'strict-dynamic'"]);
    // A nonce among the styles would switch 'unsafe-inline' off for React's style attributes.
    expect(directive(policy, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(pagePolicy("abc123abc123abc123abc123", { development: true })).toContain("'unsafe-eval'");
  });

  it("never allows inline or evaluated script, nor framing, in any policy", () => {
    for (const policy of [pagePolicy("n0nce-n0nce-n0nce-n0nce"), READING_VIEW_POLICY, UNNONCED_PAGE_POLICY]) {
      expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
      expect(directive(policy, "script-src")).not.toContain("'unsafe-eval'");
      expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
      expect(directive(policy, "object-src")).toEqual(["'none'"]);
    }
    expect(directive(READING_VIEW_POLICY, "style-src")).toEqual(["'self'"]);
  });

  it("sends nosniff, a Referrer-Policy and X-Frame-Options everywhere", () => {
    expect(Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
