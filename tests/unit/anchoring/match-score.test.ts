/** The context score's edit count, against approx-string-match, the library it replaced there. */
import search from "approx-string-match";
import { describe, expect, it } from "vitest";

import { bestSubstringDistance, stringSimilarity, textSimilarity } from "@/lib/anchoring/match-score";

// approx-string-match's best match with every error allowed: what textSimilarity used to read.
const libraryDistance = (text: string, pattern: string) => search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;

/**
 * Seeded pseudo-random numbers and strings over a small alphabet, so near matches are common, with
 * code units beyond ASCII, as articles have: the same draws on every run.
 */
function randomStrings(start: number) {
  let seed = start;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const alphabet = "ab c.\n9é–";
  const text = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  return { random, text };
}

describe("bestSubstringDistance", () => {
  it("counts the edits of the closest substring, wherever it starts", () => {
    expect(bestSubstringDistance("the agency in Jan. 2019, disagreed.", "in Jan. 2019")).toBe(0);
    expect(bestSubstringDistance("the agency in Jan. 2018, disagreed.", "in Jan. 2019")).toBe(1);
    expect(bestSubstringDistance(" Critics reportedly say it has m", " Critics say it has made neighbo")).toBe(
      libraryDistance(" Critics reportedly say it has m", " Critics say it has made neighbo"),
    );
    expect(bestSubstringDistance("xyz", "abc")).toBe(3);
    expect(bestSubstringDistance("ab", "abcd")).toBe(2);
  });

  it("agrees with approx-string-match on 2,000 random pairs of context-length strings", () => {
    const { random, text } = randomStrings(7);
    for (let n = 0; n < 2_000; n++) {
      const haystack = text(Math.floor(random() * 40));
      const pattern = text(1 + Math.floor(random() * 34));
      expect(bestSubstringDistance(haystack, pattern), `${JSON.stringify(haystack)} / ${JSON.stringify(pattern)}`).toBe(libraryDistance(haystack, pattern));
    }
  });
});

describe("textSimilarity", () => {
  it("is 1 for an equal or empty pattern, 0 against empty text, else 1 − edits ÷ pattern length", () => {
    expect(textSimilarity("same", "same")).toBe(1);
    expect(textSimilarity("anything", "")).toBe(1);
    expect(textSimilarity("", "pattern")).toBe(0);
    expect(textSimilarity("in Jan. 2018,", "in Jan. 2019,")).toBeCloseTo(1 - 1 / 13);
  });
});

describe("remembered answers", () => {
  it("answer each pair of strings as computed afresh, asked in any order and again", () => {
    // Pairs whose strings run together the same ("ab" + "b", "a" + "bb") must not share an answer.
    const pairs: Array<[string, string]> = [["ab", "b"], ["a", "bb"], ["ab", "c"], ["a", "bc"], ["abc", ""], ["", "abc"], ["xbc", "abc"], ["ab", "c"], ["a\u0000b", "c"], ["a", "\u0000bc"]];
    const fresh = (a: string, b: string) => ({
      text: b.length === 0 || a === b ? 1 : a.length === 0 ? 0 : Math.max(0, 1 - bestSubstringDistance(a, b) / b.length),
      whole: a === b ? 1 : 1 - levenshtein(a, b) / Math.max(a.length, b.length),
    });
    for (const round of [1, 2]) {
      for (const [a, b] of round === 1 ? pairs : [...pairs].reverse()) {
        expect(textSimilarity(a, b), `${JSON.stringify([a, b])}`).toBe(fresh(a, b).text);
        expect(stringSimilarity(a, b), `${JSON.stringify([a, b])}`).toBe(fresh(a, b).whole);
      }
    }
  });
});

describe("stringSimilarity", () => {
  it("is 1 − Levenshtein distance ÷ the longer length, on 2,000 random pairs of context-length strings", () => {
    const { random, text } = randomStrings(11);
    for (let n = 0; n < 2_000; n++) {
      const a = text(Math.floor(random() * 34));
      const b = text(Math.floor(random() * 34));
      const expected = a === b ? 1 : 1 - levenshtein(a, b) / Math.max(a.length, b.length);
      expect(stringSimilarity(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(expected);
    }
  });
});

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
