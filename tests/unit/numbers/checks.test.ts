/**
 * The numbers checker per check type: each case is a passage through the whole claim pipeline, then
 * checkNumbers; a consistent passage must give no finding, an inconsistent one exactly one of its type.
 */
import { describe, expect, it } from "vitest";
import { checkArticleText } from "@/lib/numbers";
import { APPLIED_CASES, CASES, MORE_CASES, SENTENCE_CASES, TRAPS } from "./cases";

for (const [type, cases] of Object.entries(CASES)) {
  describe(`${type} check`, () => {
    for (const c of cases) {
      it(`${c.finding ? "flags" : "passes"}: ${c.text.replace(/\s+/g, " ").slice(0, 90)}`, () => {
        const { claims, findings } = checkArticleText(c.text);
        expect(findings.map((f) => f.type)).toEqual(c.finding ? [c.finding] : []);
        const [f] = findings;
        if (!f) return;
        expect(f.message).not.toBe("");
        expect(f.computation).not.toBe("");
        expect(f.tolerance).not.toBe("");
        if (c.names) expect(claims.find((cl) => cl.id === f.claimIds[0])?.text).toContain(c.names);
      });
    }
  });
}

describe("further phrasings", () => {
  for (const c of MORE_CASES) {
    it(`${c.finding ? "flags" : "passes"}: ${c.text.slice(0, 90)}`, () => {
      expect(checkArticleText(c.text).findings.map((f) => f.type)).toEqual(c.finding ? [c.finding] : []);
    });
  }
});

describe("sentences, tables and pairs of sentences", () => {
  for (const c of [...SENTENCE_CASES, ...APPLIED_CASES]) {
    it(`${c.finding ? "flags" : "passes"}: ${c.text.replace(/\s+/g, " ").slice(0, 90)}`, () => {
      expect(checkArticleText(c.text).findings.map((f) => f.type)).toEqual(c.finding ? [c.finding] : []);
    });
  }
});

describe("consistent passages that look like findings", () => {
  for (const c of TRAPS) {
    it(`passes: ${c.text.slice(0, 90)}`, () => {
      expect(checkArticleText(c.text).findings.map((f) => `${f.type}: ${f.message}`)).toEqual([]);
    });
  }
});

describe("a finding", () => {
  const article = "The library's circulation rose from 200 to 300, a 25% increase, the director said.";
  it("names the claim, the arithmetic, the expected and stated values and the tolerance", () => {
    const { claims, findings } = checkArticleText(article);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ type: "change", claimIds: [claims[0]!.id], expected: "+50%", stated: "+25%" });
    expect(f!.message).toBe("200 → 300 is +50%, the text says 'a 25% increase'");
    expect(f!.computation).toBe("(300 − 200) / 200 = +50%");
    expect(f!.tolerance).toMatch(/^±0\.5 percentage points \(rounding to whole percent\)/);
  });
  it("keeps its key when the article is re-imported with text added above, and changes it when the figures do", () => {
    const [before] = checkArticleText(article).findings;
    const [after] = checkArticleText(`The library opened in 1904.\n\n${article}`).findings;
    const [other] = checkArticleText(article.replace("25%", "30%")).findings;
    expect(after!.claimIds).not.toEqual(before!.claimIds);
    expect(after!.key).toBe(before!.key);
    expect(other!.key).not.toBe(before!.key);
    expect(before!.key).toMatch(/^change-[0-9a-f]{16}$/);
  });
});
