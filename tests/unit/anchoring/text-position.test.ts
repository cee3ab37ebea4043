/** The diff-based position map and the selector and score helpers it works with. */
import { describe, expect, it } from "vitest";

import {
  buildQuoteSelector,
  createPositionMap,
  diffTexts,
  scoreMatch,
  splitUnits,
  stringSimilarity,
  textSimilarity,
} from "@/lib/anchoring";

const old = "One sentence here. Two sentences here.\n\nA third one, in a new paragraph. The end.";

describe("diffTexts and splitUnits", () => {
  it("splits into units that join back to the text", () => {
    expect(splitUnits(old).join("")).toBe(old);
    expect(splitUnits(old)).toHaveLength(4);
  });

  it("diffs by sentence, then by character inside changed sentences", () => {
    const edited = old.replace("Two sentences", "Two short sentences");
    const runs = diffTexts(old, edited);
    expect(runs.filter(([op]) => op !== 0)).toEqual([[1, "short "]]);
    expect(runs.filter(([op]) => op !== 1).map(([, t]) => t).join("")).toBe(old);
    expect(runs.filter(([op]) => op !== -1).map(([, t]) => t).join("")).toBe(edited);
  });
});

describe("PositionMap", () => {
  const edited = `Inserted first. ${old.replace("A third one, ", "")}`;
  const map = createPositionMap(old, edited);

  it("shifts offsets past an insertion and keeps untouched spans intact", () => {
    const start = old.indexOf("Two sentences");
    expect(map.mapSpan(start, start + 13)).toEqual({ start: start + 16, end: start + 29, intact: true });
    expect(map.mapOffset(0)).toBe(16);
  });

  it("maps deleted text to where the deletion was, not intact", () => {
    const start = old.indexOf("A third one");
    const mapped = map.mapSpan(start, start + 11);
    expect(mapped.intact).toBe(false);
    expect(edited.slice(mapped.start, mapped.start + 8)).toBe("in a new");
  });

  it("tells a claim's own surviving text from other old text", () => {
    const own = { start: old.indexOf("The end."), end: old.length };
    const at = edited.indexOf("One sentence");
    // "One sentence" is other old text; "Inserted first." is new; "The end." is the claim's own.
    expect(map.foreignLength(at, at + 12, own)).toBe(12);
    expect(map.foreignLength(0, 15, own)).toBe(0);
    expect(map.foreignLength(edited.length - 8, edited.length, own)).toBe(0);
    expect(map.searchableRanges(0, edited.length, own)).toEqual([
      { start: 0, end: 16 },
      { start: edited.length - 8, end: edited.length },
    ]);
    expect(map.oldSpanOf(at, at + 12)).toEqual({ start: 0, end: 12 });
  });
});

describe("selectors and scores", () => {
  it("keeps 32 characters of context, fewer at the edges", () => {
    const s = buildQuoteSelector(old, 0, 12);
    expect(s).toMatchObject({ type: "TextQuoteSelector", exact: "One sentence", prefix: "" });
    expect(s.suffix).toHaveLength(32);
    expect(() => buildQuoteSelector(old, 5, old.length + 1)).toThrow(RangeError);
  });

  it("weights quote 50, prefix 20, suffix 20, position 2", () => {
    expect(scoreMatch({ quote: 1, prefix: 1, suffix: 1, position: 1 })).toBe(1);
    expect(scoreMatch({ quote: 1, prefix: 0, suffix: 0, position: 0 })).toBeCloseTo(50 / 92);
  });

  it("measures similarity: containment for scoring, whole strings for twins", () => {
    expect(textSimilarity("xx abc yy", "abc")).toBe(1);
    expect(textSimilarity("anything", "")).toBe(1);
    expect(stringSimilarity("", "")).toBe(1);
    expect(stringSimilarity("", "abc")).toBe(0);
    expect(stringSimilarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7);
  });
});
