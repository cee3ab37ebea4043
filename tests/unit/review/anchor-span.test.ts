/** Hand-placed anchors: quotes over the Markdown, and split points that keep Markdown syntax whole. */
import { describe, expect, it } from "vitest";
import { quoteColumns } from "@/lib/anchoring";
import { anchorSpan, textOffsetToQuoteOffset } from "@/lib/review/anchor-span";

describe("anchorSpan", () => {
  const markdown = "Intro.\n\nThe county spent **$12 million** on roads in 2023.  \n";

  it("trims the selection and quotes the Markdown through the one selector builder", () => {
    const start = markdown.indexOf("The county") - 2;
    const anchor = anchorSpan(markdown, start, markdown.length);
    expect(anchor.sourceStart).toBe(start + 2);
    expect(markdown.slice(anchor.sourceStart, anchor.sourceEnd)).toBe("The county spent **$12 million** on roads in 2023.");
    expect(anchor).toMatchObject(quoteColumns(markdown, anchor.sourceStart, anchor.sourceEnd));
    expect(anchor.quotePrefix).toBe("Intro.\n\n");
  });
});

describe("textOffsetToQuoteOffset", () => {
  const cases: Array<[string, string, string, string]> = [
    // [claim text, its Markdown, text after the cut, Markdown after the cut]
    ["The county spent $12 million on roads.", "The county spent **$12 million** on roads.", " on roads.", " on roads."],
    ["The county spent $12 million on roads.", "The county spent **$12 million** on roads.", "$12 million on roads.", "**$12 million** on roads."],
    ["According to the auditor, 40% ran late.", "According to [the auditor](https://example.org/a), 40% ran late.", ", 40% ran late.", ", 40% ran late."],
    ["The roads_fund grew.", "The `roads_fund` grew.", "roads_fund grew.", "`roads_fund` grew."],
    ["One line and the next.", "One line\nand the next.", "and the next.", "and the next."],
  ];
  for (const [text, quote, tail, quoteTail] of cases) {
    it(`cuts ${JSON.stringify(quote)} before ${JSON.stringify(quoteTail)}`, () => {
      const at = textOffsetToQuoteOffset(text, quote, text.length - tail.length);
      expect(quote.slice(at!)).toBe(quoteTail);
    });
  }

  it("is null when the text is not in the quote", () => {
    expect(textOffsetToQuoteOffset("Something else.", "The quote.", 5)).toBeNull();
  });
});
