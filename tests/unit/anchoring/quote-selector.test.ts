/** buildSelectors: the one selector builder, over the stated text, in either offset unit. */
import { describe, expect, it } from "vitest";

import { buildClaimSelector, buildQuoteSelector, buildSelectors, codePointOffset, QUOTE_CONTEXT_LENGTH } from "@/lib/anchoring";

describe("buildSelectors", () => {
  const markdown = "Intro line.\n\nRevenue rose **12%** in [2024](https://example.org), says `report`.";

  it("quotes the stated text itself, Markdown syntax included, with its UTF-16 offsets", () => {
    const start = markdown.indexOf("Revenue");
    const end = markdown.indexOf(", says");
    const { quote, position } = buildSelectors(markdown, start, end);
    expect(quote.exact).toBe("Revenue rose **12%** in [2024](https://example.org)");
    expect(quote.prefix).toBe("Intro line.\n\n");
    expect(quote.suffix).toBe(", says `report`.");
    expect(position).toEqual({ type: "TextPositionSelector", start, end });
    expect(markdown.slice(position.start, position.end)).toBe(quote.exact);
  });

  it("keeps QUOTE_CONTEXT_LENGTH units each side, or contextLength", () => {
    const text = "a".repeat(100) + "CLAIM" + "b".repeat(100);
    const { quote } = buildSelectors(text, 100, 105);
    expect(quote.prefix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(quote.suffix).toHaveLength(QUOTE_CONTEXT_LENGTH);
    expect(buildSelectors(text, 100, 105, { contextLength: 4 }).quote).toMatchObject({ prefix: "aaaa", suffix: "bbbb" });
    expect(buildSelectors(text, 100, 105, { contextLength: 0 }).quote).toMatchObject({ prefix: "", suffix: "" });
  });

  it("never cuts a surrogate pair in the context", () => {
    const emoji = "😀"; // two UTF-16 units
    const text = `${emoji.repeat(20)}CLAIM${emoji.repeat(20)}`;
    const start = 40;
    const { quote } = buildSelectors(text, start, start + 5, { contextLength: 3 });
    expect(quote.exact).toBe("CLAIM");
    expect(quote.prefix).toBe(emoji); // 3 units would start on a low half: 2 kept
    expect(quote.suffix).toBe(emoji); // 3 units would end on a high half: 2 kept
    for (const s of [quote.prefix, quote.suffix]) expect(s).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it("counts code points for W3C output, UTF-16 units for storage", () => {
    const text = "𝔘nicode 😀 claim here.";
    const start = text.indexOf("claim");
    const end = start + 5;
    expect(buildSelectors(text, start, end).position).toMatchObject({ start, end });
    const w3c = buildSelectors(text, start, end, { offsets: "codepoint" });
    expect(w3c.position).toMatchObject({ start: start - 2, end: end - 2 });
    expect([...text].slice(w3c.position.start, w3c.position.end).join("")).toBe("claim");
    expect(w3c.quote).toEqual(buildSelectors(text, start, end).quote);
  });

  it("throws a RangeError for a span outside the text", () => {
    expect(() => buildSelectors("abc", 2, 4)).toThrow(RangeError);
    expect(() => buildSelectors("abc", 2, 1)).toThrow(RangeError);
    expect(() => buildSelectors("abc", -1, 1)).toThrow(RangeError);
  });

  it("is what the older builders return", () => {
    expect(buildQuoteSelector(markdown, 13, 20)).toEqual(buildSelectors(markdown, 13, 20).quote);
    expect(buildClaimSelector(markdown, 13, 20)).toEqual(buildSelectors(markdown, 13, 20));
  });
});

describe("codePointOffset", () => {
  it("counts a pair once", () => {
    expect(codePointOffset("😀a😀b", 0)).toBe(0);
    expect(codePointOffset("😀a😀b", 2)).toBe(1);
    expect(codePointOffset("😀a😀b", 5)).toBe(3);
    expect(codePointOffset("plain", 5)).toBe(5);
  });
});
