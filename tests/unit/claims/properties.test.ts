/**
 * Property tests: whatever the input, extraction never throws, offsets stay inside the text, and a
 * claim's words are the words of its source slice (modulo Markdown syntax).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractClaims, type SourceFormat } from "@/lib/claims";
import { markdownParser, parseProseLine } from "@/lib/claims/parse";

const letters = (s: string) => s.normalize("NFC").replace(/[^\p{L}\p{N}]/gu, "");

function checkInvariants(input: string, format: SourceFormat): void {
  const { claims, dropped } = extractClaims(input, { format });
  for (const c of [...claims, ...dropped]) {
    expect(Number.isInteger(c.sourceStart) && Number.isInteger(c.sourceEnd)).toBe(true);
    expect(c.sourceStart).toBeGreaterThanOrEqual(0);
    expect(c.sourceEnd).toBeGreaterThan(c.sourceStart);
    expect(c.sourceEnd).toBeLessThanOrEqual(input.length);
  }
  if (format === "text") for (const c of claims) expect(input.slice(c.sourceStart, c.sourceEnd)).toBe(c.text);
}

const mdPiece = fc.constantFrom(
  "# ", "## ", "- ", "1. ", "> ", "| a | b |\n| - | - |\n| 1 | 2 |\n", "**", "_", "`", "[link](http://x.example)", "![img](x.png)",
  "[^1]", "\n\n[^1]: Note.\n", "\n", "\n\n", "The county spent $4 million in 2024. ", "Dr. Smith said U.S. costs rose 41.2%. ",
  "Agencies must file within 30 days; fees rose 5%. ", "```\ncode\n```\n", "<b>x</b>", "&amp;", "\\*", "---\n", "    ", "•  ", "?",
);
const markdown = fc.array(mdPiece, { maxLength: 40 }).map((parts) => parts.join(""));

describe("extraction properties", () => {
  it("random Unicode, any format: no throw, offsets inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom<SourceFormat>("markdown", "text", "html"), (s, f) => checkInvariants(s, f)),
      { numRuns: 150 },
    );
  });

  it("random Markdown: offsets inside, claim words equal the source slice's words", () => {
    fc.assert(
      fc.property(markdown, (md) => {
        checkInvariants(md, "markdown");
        for (const c of extractClaims(md).claims) {
          // An image's alt text is not prose, but a claim's span can run across an image in its block.
          const strip = (t: string) => t.replace(/<[^>]*>/g, "").replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\]\([^)]*\)/g, "").replace(/\[\^[^\]]*\]/g, "").replace(/&amp;/g, "&");
          expect(letters(strip(md.slice(c.sourceStart, c.sourceEnd)))).toBe(letters(strip(c.text)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a footnote marker is not prose when the document opens with --- (micromark then reads it as a link reference)", () => {
    // Found by the property above (seed -1078739745): the claim's text held "^1", its source slice "[^1]".
    const md = "---\nThe county spent $4 million [^1] in 2024.\n\n[^1]: Note.\n";
    const [claim] = extractClaims(md).claims;
    expect(claim?.text).toBe("The county spent $4 million  in 2024.");
    expect(extractClaims("---\n•  [^1]# \n\n[^1]: Note.\n").claims.every((c) => !c.text.includes("^"))).toBe(true);
  });

  it("1,000 nested list levels and 1,000 nested quote levels", () => {
    // "- - - … item" is a list nested 1,000 deep on one line; indented nesting is checked to 100
    // levels, beyond which micromark itself slows down steeply.
    checkInvariants(`${"- ".repeat(1000)}The county spent $4 million.\n`, "markdown");
    let list = "";
    for (let i = 0; i < 100; i++) list += `${"  ".repeat(i)}- level ${i} costs $${i} million\n`;
    checkInvariants(list, "markdown");
    checkInvariants(`${"> ".repeat(1000)}The county spent $4 million in 2024.\n`, "markdown");
    checkInvariants(`${"<blockquote>".repeat(1000)}The county spent $4 million.`, "html");
  });

  it("a giant line without Markdown syntax: the shortcut builds exactly the tree micromark builds", () => {
    const word = fc.constantFrom("The", "county", "spent", "$4", "million", "in", "2024.", "Über", "3.5%", "—", "“quoted”", "(x)", "#", "+", "1.", "-", ":", "é", "\u00a0", "a");
    const line = fc.tuple(fc.constantFrom("", " ", "   "), fc.array(word, { minLength: 1, maxLength: 30 }), fc.constantFrom("", " ", "  ")).map(([lead, ws, trail]) => {
      const unit = ws.join(" ");
      return lead + "Start " + `${unit} `.repeat(Math.ceil(50_000 / (unit.length + 1))) + trail;
    });
    fc.assert(
      fc.property(line, (input) => {
        const fast = parseProseLine(input);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(markdownParser.parse(input));
      }),
      { numRuns: 15 },
    );
    expect(parseProseLine(`Start ${"a *b* ".repeat(10_000)}`)).toBeNull();
    expect(parseProseLine(`- item ${"word ".repeat(12_000)}`)).toBeNull();
    expect(parseProseLine("Short line.")).toBeNull();
  }, 60_000);

  it("a 5 MB single line", () => {
    const line = "The county spent $4 million in 2024 and more ".repeat(Math.ceil(5_000_000 / 46)).slice(0, 5_000_000);
    checkInvariants(line, "markdown");
    checkInvariants(line, "text");
  }, 60_000);
});
