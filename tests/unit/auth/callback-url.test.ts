import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/sign-in-input";

const ORIGIN = "http://claimdesk.test";

// What a browser would do with the answer: resolve it against our own address.
const resolved = (value: string) => new URL(value, ORIGIN);

// Values that try to leave the site, or to break the Location header (issue 11, finding 3).
// Each is the callbackUrl as the page receives it, after the query string was decoded once.
const hostile: Array<[string, string]> = [
  ["tab after the slash", "/\t/evil.example"],
  ["newline after the slash", "/\n/evil.example"],
  ["carriage return after the slash", "/\r/evil.example"],
  ["CRLF header injection", "/x\r\nSet-Cookie: a=b"],
  ["NUL", "/\u0000/evil.example"],
  ["unicode line separator", "/\u2028/evil.example"],
  ["unicode paragraph separator", "/\u2029/evil.example"],
  ["backslash only", "\\evil.example"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/articles"],
  ["slash backslash", "/\\evil.example"],
  ["slash backslash backslash", "/\\\\evil.example"],
  ["backslash inside", "/x\\..\\\\evil.example"],
  ["encoded second slash", "/%2Fevil.example"],
  ["encoded second slash, lower case", "/%2fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["fully encoded protocol-relative", "%2F%2Fevil.example"],
  ["encoded tab", "/%09/evil.example"],
  ["encoded newline", "/%0A/evil.example"],
  ["encoded carriage return", "/%0D/evil.example"],
  ["encoded NUL", "/%00/evil.example"],
  ["doubly encoded slash", "/%252F/evil.example"],
  ["malformed percent escape", "/%E0%A4%A"],
  ["ideographic full stop", "//evil\u3002example"],
  ["halfwidth ideographic full stop", "/\uFF61/evil\uFF61example"],
  ["fullwidth full stop", "/\uFF0E\uFF0E/evil.example"],
  ["small full stop", "/\uFE52/evil.example"],
  ["fullwidth solidus", "/\uFF0Fevil.example"],
  ["fullwidth reverse solidus", "/\uFF3Cevil.example"],
  ["encoded ideographic full stop", "/%E3%80%82/evil.example"],
  ["dot segment to a protocol-relative path", "/.//evil.example"],
  ["dot-dot segment to a protocol-relative path", "/..//evil.example"],
  ["javascript scheme", "javascript:alert(1)"],
  ["javascript scheme after a slash", "/javascript:alert(1)"],
  ["data scheme", "data:text/html,<script>alert(1)</script>"],
  ["absolute URL", "https://evil.example"],
  ["absolute URL without slashes", "https:evil.example"],
  ["user info", "//claimdesk.test@evil.example"],
  ["space before the host", "/ /evil.example"],
  ["leading space", " //evil.example"],
  ["no-break space", "/\u00A0/evil.example"],
  ["very long", `/${"a".repeat(100_000)}`],
  ["very long slashes", "/".repeat(10_000) + "evil.example"],
];

describe("safeCallbackUrl", () => {
  it.each(hostile)("keeps %s on this site", (_name, value) => {
    const result = safeCallbackUrl(value);
    expect(result.startsWith("/")).toBe(true);
    expect(resolved(result).origin).toBe(ORIGIN);
    // Nothing a header or a browser could read as the start of another host or header.
    expect(result).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\\\s]/);
    expect(result).not.toMatch(/^\/[/\\]/);
    expect(result).toMatch(/^[\x21-\x7E]*$/);
    expect(result.length).toBeLessThanOrEqual(2048);
  });

  it.each([
    ["/", "/"],
    ["/articles/x/review?claim=1#c", "/articles/x/review?claim=1#c"],
    ["/articles/ice-287g-fy2020/review", "/articles/ice-287g-fy2020/review"],
    ["/desk?status=in_review&sort=updated", "/desk?status=in_review&sort=updated"],
    ["/a/caf%C3%A9", "/a/caf%C3%A9"],
    ["/search?q=a%20b", "/search?q=a%20b"],
    ["/search?next=%2F%2Fdesk", "/search?next=%2F%2Fdesk"],
  ])("keeps the ordinary path %s", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([null, undefined, "", "relative/path", "?claim=1", "#c"])("answers / for %j", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("never throws, whatever it is given", () => {
    const alphabet = ["/", "\\", "%", "0", "2", "F", "5", "C", "\t", "\n", ".", "\u3002", "a", ":", "@", "?", "#", " ", "\uD800"];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      let value = "";
      for (let i = next() % 12; i > 0; i--) value += alphabet[next() % alphabet.length];
      const result = safeCallbackUrl(value);
      expect(resolved(result).origin).toBe(ORIGIN);
      expect(result).toMatch(/^\/(?![/\\])[\x21-\x7E]*$|^\/$/);
    }
  });
});
