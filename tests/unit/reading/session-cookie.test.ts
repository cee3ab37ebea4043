import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "@/lib/reading/session-cookie";

describe("hasSessionCookie", () => {
  it("finds Auth.js session cookies, plain, secure or chunked, and nothing else", () => {
    expect(hasSessionCookie("authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("theme=dark; __Secure-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("a=1;authjs.session-token.0=abc; authjs.session-token.1=def")).toBe(true);
    expect(hasSessionCookie(null)).toBe(false);
    expect(hasSessionCookie("authjs.csrf-token=x; authjs.callback-url=y")).toBe(false);
    expect(hasSessionCookie("xauthjs.session-token=abc")).toBe(false);
  });
});
