/**
 * The check-worthiness model: the shipped weights load and rank as a fact-checker would, the filter
 * keeps first-person claims with something to check, and the training and ranking arithmetic is right.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { checkWorthiness, decisionThreshold } from "@/lib/claims/model/checkworthy";
import { inContext } from "@/lib/claims/model/context";
import { describeFeature, featurize } from "@/lib/claims/model/features";
import { fitPlatt, sigmoid, train } from "@/lib/claims/model/logistic";
import { averagePrecision, calibrationTable, precisionAt, prf, reciprocalRank } from "@/lib/claims/model/metrics";
import { typeClaim } from "@/lib/claims/type";

describe("the shipped model", () => {
  it("gives a figure-bearing record a high probability and an opinion a low one", () => {
    const record = checkWorthiness("I cut the deficit by $1 trillion.").probability;
    const opinion = checkWorthiness("I think the plan is a mistake.").probability;
    expect(record).toBeGreaterThan(decisionThreshold());
    expect(opinion).toBeLessThan(0.2);
    expect(checkWorthiness("Thank you very much.").probability).toBeLessThan(0.1);
  });

  it("names the features that weighed most, in words", () => {
    const { weighed } = checkWorthiness("Unemployment fell to 3.9 percent in April.", 3);
    expect(weighed).toHaveLength(3);
    expect(weighed.map((w) => w.words).join("; ")).toMatch(/percentage|figure/);
    const typing = typeClaim("Unemployment fell to 3.9 percent in April.");
    expect(typing.score).toBeCloseTo(checkWorthiness("Unemployment fell to 3.9 percent in April.").probability, 3);
    expect(typing.reasons.some((r) => /^check-worthiness [01]\.\d\d: /.test(r))).toBe(true);
  });

  it("describes features a reader can follow", () => {
    expect(describeFeature("w:deficit")).toBe('word "deficit"');
    expect(describeFeature("b:<s> we")).toBe('words "we" at the start');
    expect(describeFeature("num:percent")).toBe("a percentage");
    expect(featurize("We spent $11 million in 2019.")).toEqual(expect.arrayContaining(["bias", "w:#year", "num:money", "num:scale", "person:first-plural"]));
  });
});

describe("filter with the model", () => {
  const kept = (md: string) => extractClaims(md).claims.map((c) => c.text);
  it("keeps first-person claims about records, numbers and events", () => {
    const md = [
      "I cut the deficit by $1 trillion.",
      "When I became chief judge in 2014, we had 11,200 pending cases and six judges.",
      "We doubled the number of nurses in our county hospitals.",
    ].join("\n\n");
    expect(kept(md)).toEqual(md.split("\n\n"));
  });

  it("still drops first-person opinion and personal memories with nothing to check", () => {
    const md = "I think the plan is a mistake.\n\nWe love this park.\n";
    const { claims, dropped } = extractClaims(md);
    expect(claims).toEqual([]);
    expect(dropped.map((d) => d.why)).toEqual([expect.stringMatching(/first-person/), expect.stringMatching(/first-person/)]);
  });
});

describe("training and ranking arithmetic", () => {
  it("learns a separable toy problem and calibrates it", () => {
    const examples = Array.from({ length: 200 }, (_, i) => ({ features: [0, i % 2 === 0 ? 1 : 2], label: i % 2 === 0 ? 1 : 0 }));
    const w = train(examples, { size: 3, l2: 1e-4, epochs: 20 });
    expect(w[1]!).toBeGreaterThan(w[2]!);
    const platt = fitPlatt([2, 1, -1, -2, 1.5, -1.5], [1, 1, 0, 0, 1, 0]);
    expect(sigmoid(platt.a * 2 + platt.b)).toBeGreaterThan(0.5);
  });

  it("computes average precision, P@k and reciprocal rank as CheckThat! does", () => {
    const scores = [0.9, 0.8, 0.7, 0.6];
    const labels = [0, 1, 0, 1];
    expect(averagePrecision(scores, labels)).toBeCloseTo((1 / 2 + 2 / 4) / 2);
    expect(precisionAt(scores, labels, 2)).toBe(0.5);
    expect(reciprocalRank(scores, labels)).toBe(0.5);
    expect(prf(scores, labels, 0.75)).toMatchObject({ precision: 0.5, recall: 0.5 });
    const bins = calibrationTable([0.05, 0.85, 0.95], [0, 1, 1]);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ count: 1, observed: 1 });
  });

  it("adds a neighbour's margin only within the same speaker's turn", () => {
    const w = { bias: 0, own: 1, previous: 0.5, next: 0, absent: -2 };
    expect(inContext([1, 2, 3], ["A", "A", "B"], w)).toEqual([1 - 1, 2 + 0.5, 3 - 1]);
  });
});
