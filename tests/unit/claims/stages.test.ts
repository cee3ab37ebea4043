/**
 * Unit tests for the claim stages: quantities, sentences, list and table context, filtering, and
 * offsets for Markdown, plain text and HTML.
 */
import { describe, expect, it } from "vitest";
import { detectFormat, extractClaims, extractQuantities, plainText, splitSentences, toMarkdown } from "@/lib/claims";

const sentences = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));
const words = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, "");

describe("quantities", () => {
  it("normalises numbers as a checker would compare them", () => {
    const v = (s: string) => extractQuantities(s).map((q) => q.value);
    expect(v("It made 1,261 arrests.")).toEqual([1261]);
    expect(v("They spent 41.2 million dollars.")).toEqual([41_200_000]);
    expect(v("About one-third of voters agreed.")).toEqual([0.333]);
    expect(v("Turnout fell 15% last year.")).toEqual([0.15]);
  });
  it("finds units, what is counted, periods and changes", () => {
    const [hours] = extractQuantities("Agencies may detain people for up to 48 hours.");
    expect(hours).toMatchObject({ value: 48, unit: "hours" });
    const [change] = extractQuantities("Between 2017 and 2021, the number of participating departments increased from 36 to 149.");
    expect(change).toMatchObject({ change: { from: 36, to: 149 }, period: "Between 2017 and 2021", counted: "participating departments" });
    expect(extractQuantities("Results for FY 2020 came out.")).toEqual([]);
    expect(extractQuantities("It cost $15.00.")[0]).toMatchObject({ value: 15, unit: "USD" });
  });
  it("does not count years, dates, times or identifiers", () => {
    expect(extractQuantities("The 287(g) program began in 2019 on Jan. 5 at 5 p.m. under Section 8.")).toEqual([]);
  });
});

describe("sentences", () => {
  it("keeps abbreviations and decimals inside their sentence", () => {
    expect(sentences("Dr. Smith of the U.S. agency said on Jan. 5 that it rose to 41.2 percent. Tickets cost $15.00 each.")).toEqual([
      "Dr. Smith of the U.S. agency said on Jan. 5 that it rose to 41.2 percent.",
      "Tickets cost $15.00 each.",
    ]);
  });
  it("ends a sentence after a number and a full stop", () => {
    expect(sentences("The hearing is on May 20. Under the charter, it needs five votes.")).toHaveLength(2);
  });
  it("treats soft line breaks as spaces", () => {
    expect(sentences("One claim runs\nacross two lines. Another follows.")).toHaveLength(2);
  });
});

describe("context", () => {
  it("gives list items their lead-in sentence", () => {
    const { claims } = extractClaims("Police made these arrests in 2020:\n\n- 1,261 for drugs;\n- 37 for homicide.\n");
    const items = claims.filter((c) => c.context);
    expect(items.map((c) => c.text)).toEqual(["1,261 for drugs", "37 for homicide"]);
    expect(items[0]!.context).toBe("Police made these arrests in 2020:");
  });
  it("gives table rows their header row", () => {
    const { claims } = extractClaims("| Line | Riders |\n| --- | --- |\n| Blue | 48,200 |\n");
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: "statistic", text: "Blue | 48,200", context: "Line | Riders" });
  });
});

describe("filter", () => {
  const why = (md: string) => extractClaims(md).dropped.map((d) => d.why);
  it("drops questions, calls to action, opinion and page furniture", () => {
    expect(why("Is the city heading for a deficit?")).toEqual(["question"]);
    expect(why("Call your commissioner today and tell them to vote no.")).toEqual(["call to action"]);
    expect(why("I think the plan is a mistake.")[0]).toMatch(/first-person/);
    expect(why("Comments are closed.")[0]).toMatch(/boilerplate/);
    expect(why("By Jane Doe, City Hall Reporter")).toEqual(["byline"]);
    expect(why("About Author")[0]).toMatch(/boilerplate/);
  });
  it("keeps front matter out of the claims", () => {
    const { claims, dropped } = extractClaims("---\ntitle: The county spent $5 million\n---\n\nThe county spent $4 million in 2024.\n");
    expect(claims.map((c) => c.text)).toEqual(["The county spent $4 million in 2024."]);
    expect(dropped).toEqual([]);
  });
});

describe("kinds", () => {
  const kind = (s: string) => extractClaims(s).claims[0]?.kind;
  it("reads rules, statistics, assertions and facts", () => {
    expect(kind("Agencies are permitted to detain people for up to 48 hours.")).toBe("program_rule");
    expect(kind("Turnout rose from 41% to 56% between 2016 and 2020.")).toBe("statistic");
    expect(kind("The program has made their communities safer.")).toBe("policy_assertion");
    expect(kind("The sheriff ended the contract in March.")).toBe("factual");
  });
  it("splits a figure from its claimed consequence", () => {
    const { claims } = extractClaims("Between 2017 and 2021, the number of departments increased from 36 to 149, yielding significant progress in keeping people safe.");
    expect(claims.map((c) => c.kind)).toEqual(["statistic", "policy_assertion"]);
  });
});

describe("offsets", () => {
  it("point into Markdown source, whatever the inline syntax", () => {
    const md = "> Intro.\n>\n> The **county** spent [$4 million](https://x.example) on\n> roads in 2024.\n";
    const [claim] = extractClaims(md).claims.filter((c) => c.text.includes("county"));
    expect(words(md.slice(claim!.sourceStart, claim!.sourceEnd).replace(/\(https:[^)]*\)/, ""))).toBe(words(claim!.text));
  });
  it("point into plain text, bullets and all", () => {
    const txt = "Officials reported these arrests:\n\n  • 1,261 for dangerous drugs;\n  • 37 for homicide.\n";
    const { claims } = extractClaims(txt, { format: "text" });
    for (const c of claims) expect(txt.slice(c.sourceStart, c.sourceEnd)).toBe(c.text);
    expect(claims.map((c) => c.text)).toContain("1,261 for dangerous drugs");
  });
  it("point into HTML source via hast positions", () => {
    const html = "<article><h1>Budget</h1><p>The council spent <b>$4&nbsp;million</b> on roads in 2024.</p><footer>Share this</footer></article>";
    const { claims } = extractClaims(html, { format: "html" });
    expect(claims).toHaveLength(1);
    const slice = html.slice(claims[0]!.sourceStart, claims[0]!.sourceEnd);
    expect(slice.startsWith("The council")).toBe(true);
    expect(slice.endsWith("2024.")).toBe(true);
  });
  it("position selectors index the plain text", () => {
    const md = "# Title with 5 figures\n\nThe county spent $4 million in 2024.\n";
    const text = plainText(md);
    for (const c of extractClaims(md).claims) {
      expect(text.slice(c.position.start, c.position.end)).toBe(c.text);
      expect(c.quote.exact).toBe(c.text);
    }
  });
});

describe("formats", () => {
  it("detects formats by extension, then by content", () => {
    expect(detectFormat("a.md", "")).toBe("markdown");
    expect(detectFormat("a.txt", "# x")).toBe("text");
    expect(detectFormat("a.htm", "")).toBe("html");
    expect(detectFormat("a", "<p>Hello</p>")).toBe("html");
    expect(detectFormat("a", "Just words.")).toBe("text");
  });
  it("converts plain text to Markdown keeping the words", () => {
    const md = toMarkdown("Costs rose 5% *overall* in 2024.\n\n  • 1,261 for drugs;\n  • #2 item\n", "text");
    expect(md).toContain("- 1,261 for drugs;");
    expect(extractClaims(md).claims[0]?.text).toBe("Costs rose 5% *overall* in 2024.");
  });
  it("converts HTML to Markdown", () => {
    expect(toMarkdown("<h1>T</h1><ul><li>One</li></ul>", "html")).toBe("# T\n\n- One\n");
  });
});
