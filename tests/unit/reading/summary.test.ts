import { describe, expect, it } from "vitest";
import { describeSummary, summarizeClaims } from "@/lib/reading/summary";

describe("summarizeClaims", () => {
  const claims = [
    { kind: "statistic", verdict: "false" },
    { kind: "statistic", verdict: null },
    { kind: "factual", verdict: "accurate" },
    { kind: "policy_assertion", verdict: "opinion" },
    { kind: "factual", verdict: "false" },
  ] as const;

  it("counts claims by approved verdict, with not-yet-rated claims as their own row", () => {
    const summary = summarizeClaims(claims);
    expect(summary.total).toBe(5);
    expect(summary.checked).toBe(4);
    expect(Object.fromEntries(summary.byVerdict.map((r) => [r.id, r.count]))).toEqual({
      accurate: 1,
      mostly_accurate: 0,
      missing_context: 0,
      misleading: 0,
      false: 2,
      unsupported: 0,
      opinion: 1,
      none: 1,
    });
    expect(summary.byVerdict.at(-1)).toEqual({ id: "none", label: "Not yet rated", count: 1 });
  });

  it("counts claims by kind in the vocabulary's order, and by kind and verdict together", () => {
    const summary = summarizeClaims(claims);
    expect(summary.byKind.map((r) => [r.label, r.count])).toEqual([
      ["Statistic", 2],
      ["Program rule", 0],
      ["Policy assertion", 1],
      ["Factual", 2],
    ]);
    expect(summary.byKindAndVerdict).toEqual({ "statistic false": 1, "statistic none": 1, "factual accurate": 1, "policy_assertion opinion": 1, "factual false": 1 });
  });

  it("describes itself in one sentence, naming only verdicts that occur", () => {
    expect(describeSummary(summarizeClaims(claims))).toBe("5 claims marked, 4 checked: 1 Accurate, 2 False, 1 Opinion.");
    expect(describeSummary(summarizeClaims([{ kind: "factual", verdict: null }]))).toBe("1 claim marked, 0 checked.");
  });
});
