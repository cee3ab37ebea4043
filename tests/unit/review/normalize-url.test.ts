import { describe, expect, it } from "vitest";
import { normalizeUrl } from "@/lib/review/normalize-url";

describe("normalizeUrl", () => {
  it("lower-cases scheme and host, drops the default port and the fragment", () => {
    expect(normalizeUrl("HTTPS://WWW.Example.ORG:443/Report#section-2")).toBe("https://www.example.org/Report");
    expect(normalizeUrl("http://example.org:80/a")).toBe("http://example.org/a");
    expect(normalizeUrl("http://example.org:8080/a")).toBe("http://example.org:8080/a");
  });

  it("drops tracking parameters and sorts the rest", () => {
    expect(normalizeUrl("https://example.org/a?utm_source=x&b=2&UTM_Medium=y&a=1&fbclid=z&gclid=w")).toBe("https://example.org/a?a=1&b=2");
    expect(normalizeUrl("https://example.org/a?utm_campaign=only")).toBe("https://example.org/a");
    expect(normalizeUrl("https://example.org/a?b=2&a=3&a=1")).toBe("https://example.org/a?a=1&a=3&b=2");
  });

  it("drops a trailing slash except on the root", () => {
    expect(normalizeUrl("https://example.org/reports/")).toBe("https://example.org/reports");
    expect(normalizeUrl("https://example.org/")).toBe("https://example.org/");
    expect(normalizeUrl("https://example.org")).toBe("https://example.org/");
  });

  it("keeps the path's case and encoding, which servers may treat as different pages", () => {
    expect(normalizeUrl("https://example.org/A%20B/Page")).toBe("https://example.org/A%20B/Page");
  });

  it("makes the same page cited several ways one key", () => {
    const variants = [
      "https://example.org/news/budget?id=7",
      "HTTPS://example.org/news/budget/?id=7#top",
      "https://example.org:443/news/budget?utm_source=newsletter&id=7",
    ];
    expect(new Set(variants.map(normalizeUrl)).size).toBe(1);
  });
});
