/**
 * The numbers checker per check type: each case is a passage through the whole claim pipeline, then
 * checkNumbers; a consistent passage must give no finding, an inconsistent one exactly one of its type.
 */
import { describe, expect, it } from "vitest";
import { checkArticleText } from "@/lib/numbers";
import { CASES, MORE_CASES, SENTENCE_CASES } from "./cases";

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
  for (const c of SENTENCE_CASES) {
    it(`${c.finding ? "flags" : "passes"}: ${c.text.replace(/\s+/g, " ").slice(0, 90)}`, () => {
      expect(checkArticleText(c.text).findings.map((f) => f.type)).toEqual(c.finding ? [c.finding] : []);
    });
  }
});
