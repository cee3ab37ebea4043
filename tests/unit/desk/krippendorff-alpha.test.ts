import { describe, expect, it } from "vitest";
import { alphaByPair, krippendorffAlpha, unitsOf, type RatingsByCoder } from "@/lib/desk/krippendorff-alpha";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values 1–5 with missing data. Published: nominal .743, ordinal .815, interval .849.
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function ratingsOf(rows: (number | null)[][]): RatingsByCoder {
  return new Map(
    rows.map((row, coder) => [
      `observer-${coder + 1}`,
      new Map(row.flatMap((value, unit) => (value === null ? [] : [[`unit-${unit + 1}`, value] as const]))),
    ]),
  );
}

describe("Krippendorff's alpha", () => {
  const units = unitsOf(ratingsOf(OBSERVERS));

  it("matches the published worked example for the ordinal metric", () => {
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
  });

  it("matches the same example for the nominal and interval metrics", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });

  it("ignores units with a single value (unit 12 of the example)", () => {
    expect(krippendorffAlpha(units.filter((u) => u.length >= 2))).toBeCloseTo(krippendorffAlpha(units)!, 12);
  });

  it("is 1 for perfect agreement with variation, and below 0 for systematic disagreement", () => {
    expect(krippendorffAlpha([[5, 5], [1, 1], [3, 3]])).toBe(1);
    expect(krippendorffAlpha([[5, 1], [1, 5]])).toBeLessThan(0);
  });

  it("is null when undefined: no pairable values, or no variation", () => {
    expect(krippendorffAlpha([])).toBeNull();
    expect(krippendorffAlpha([[5], [3]])).toBeNull();
    expect(krippendorffAlpha([[4, 4], [4, 4, 4]])).toBeNull();
  });

  it("gives alpha per pair of coders over the units both rated", () => {
    const pairs = alphaByPair(ratingsOf(OBSERVERS));
    expect(pairs).toHaveLength(6);
    const ab = pairs.find((p) => p.coders.join() === "observer-1,observer-2")!;
    expect(ab.units).toBe(9);
    const expected = krippendorffAlpha([
      [1, 1], [2, 2], [3, 3], [3, 3], [2, 2], [1, 2], [4, 4], [1, 1], [2, 2],
    ]);
    expect(ab.alpha).toBeCloseTo(expected!, 12);
    for (const pair of pairs) expect(pair.alpha === null || (pair.alpha <= 1 && pair.alpha > -1)).toBe(true);
  });

  it("leaves out pairs who never rated the same unit", () => {
    const ratings: RatingsByCoder = new Map([
      ["a", new Map([["u1", 5], ["u2", 1]])],
      ["b", new Map([["u3", 5]])],
    ]);
    expect(alphaByPair(ratings)).toEqual([]);
  });
});
