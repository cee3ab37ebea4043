/**
 * Quantities the numbers checker needs (issue 17): fractions, "x in y", multipliers, compound units,
 * money with scale, percent against percentage points, ordinals left out, and ranges as the
 * checker reads them (locateNumbers).
 */
import { describe, expect, it } from "vitest";
import { extractQuantities } from "@/lib/claims";
import { locateNumbers } from "@/lib/claims/quantities";

const one = (s: string) => {
  const qs = extractQuantities(s);
  expect(qs).toHaveLength(1);
  return qs[0]!;
};

describe("quantities for the numbers checker", () => {
  it("reads fractions in words, eighths and sixths too", () => {
    expect(one("Roads deserved more than three-eighths of the pot.")).toMatchObject({ raw: "three-eighths", value: 0.375 });
    expect(one("Two-thirds of voters agreed.")).toMatchObject({ value: 0.667 });
  });
  it("reads 'x in y' as one share, never a year", () => {
    expect(one("Roughly one in four eligible children is enrolled.")).toMatchObject({ raw: "one in four", value: 0.25 });
    expect(one("About 1 in 5 adults smoke.")).toMatchObject({ raw: "1 in 5", value: 0.2 });
    expect(one("It hired 50 in 2023.")).toMatchObject({ raw: "50", value: 50 });
  });
  it("gives multipliers the unit 'times' and compounds their unit", () => {
    expect(extractQuantities("a five-fold increase from the 24 it had")[0]).toMatchObject({ raw: "five", unit: "times" });
    expect(extractQuantities("three times as many riders")[0]).toMatchObject({ unit: "times" });
    expect(one("The line switched to 10-minute service.")).toMatchObject({ value: 10, unit: "minute" });
    expect(one("It closed a 60-bed motel.")).toMatchObject({ value: 60, counted: "bed motel" });
  });
  it("scales money and keeps percent apart from percentage points", () => {
    expect(one("The agency's $1.2 billion operating budget grew.")).toMatchObject({ value: 1.2e9, unit: "USD" });
    expect(one("It cost £3m.")).toMatchObject({ value: 3e6, unit: "GBP" });
    expect(one("Turnout fell 3 percentage points.")).toMatchObject({ value: 3, unit: "percentage points" });
    expect(one("Turnout fell 3%.")).toMatchObject({ value: 0.03, unit: "percent" });
  });
  it("does not count ordinals as amounts", () => {
    expect(extractQuantities("Eastside was ranked 2nd in the state for the 3rd year.")).toEqual([]);
  });
  it("reads ranges for the checker, each end knowing both", () => {
    const [low, high] = locateNumbers("The authority plans between 200 and 250 shelters.");
    expect(low).toMatchObject({ value: 200, range: { low: 200, high: 250 } });
    expect(high).toMatchObject({ value: 250, counted: "shelters", range: { low: 200, high: 250 } });
    expect(locateNumbers("Rents rose 10 to 15 percent.")[0]).toMatchObject({ value: 0.1, unit: "percent", range: { low: 0.1, high: 0.15 } });
    expect(locateNumbers("10-15% of homes")).toMatchObject([{ raw: "10-15%", value: 0.125, unit: "percent", counted: "homes" }]);
    expect(locateNumbers("It rose from 36 to 149.").map((q) => q.range)).toEqual([undefined, undefined]);
  });
});
