/**
 * Figures: each number of a claim as the checker compares it, with the interval its wording admits.
 *
 * A stated figure is a range, not a point: "15%" means 14.5–15.5% (rounded to whole percent), "about
 * 15%" a little wider, "more than 40%" anything from 40% up. Reading it that way is what lets honest
 * rounding through while a "doubled" for 36 → 149 still shows.
 */
import { type LocatedNumber, locateNumbers } from "../claims/quantities";
import type { CheckedClaim } from "./types";
import { fractionsNotRanges, joinNumberWords, notAnAmount } from "./amounts";
import { type Interval, formatNumber } from "./interval";

/** A number of a claim, with where its words are and what its wording admits. */
export interface Figure {
  raw: string;
  /** Percent figures in percent (15 for "15%"), points in points, money in units of currency. */
  value: number;
  /** "percent", "points" (percentage points), "USD", "hours", … or null for a bare count. */
  unit: string | null;
  counted: string | null;
  /** The figure's words are `text.slice(at, end)`. */
  at: number;
  end: number;
  /** The hedge before it ("about", "more than"), lower-cased, or null. */
  hedge: string | null;
  /** What the wording admits. */
  range: Interval;
  /** The same in words: "±0.5 percentage points (rounding to whole percent)". */
  tolerance: string;
  /**
   * What the figure admits when a check computes from it: its rounding, but at most 1% either way
   * unless hedged. The articles we check compute from the figures they print, so "$3 million" cited
   * as an input is 3.0, not anything from 2.5 to 3.5.
   */
  cited: Interval;
}

/** A claim and its figures, as every check reads it. */
export interface ReadClaim {
  claim: CheckedClaim;
  figures: Figure[];
}

const HEDGE = /\b(about|around|roughly|approximately|some|an estimated|estimated|nearly|almost|close to|just under|just over|more than|over|at least|upwards of|less than|fewer than|under|up to|no more than|at most)\s+(?:the\s+)?$/i;
const HEDGE_KIND: Record<string, "about" | "below" | "above" | "atMost"> = {
  about: "about", around: "about", roughly: "about", approximately: "about", some: "about", "an estimated": "about", estimated: "about",
  nearly: "below", almost: "below", "close to": "below", "just under": "below",
  "more than": "above", over: "above", "at least": "above", "upwards of": "above", "just over": "above",
  "less than": "atMost", "fewer than": "atMost", under: "atMost", "up to": "atMost", "no more than": "atMost", "at most": "atMost",
};
const SCALE_WORD = /\b(thousand|million|billion|trillion|bn|k|m)\b/i;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, k: 1e3, m: 1e6 };

/**
 * Reads the figures of one claim: the claim pipeline's numbers, un-merged ("from 36 to 149" is two),
 * re-read from the text rather than from stored quantities because the checks need each figure's
 * place in the sentence and its wording, and stored quantities may predate this reading.
 */
export function readFigures(text: string): Figure[] {
  // Labels, ages and alternatives are not amounts; "Seventy-three per cent" is one figure.
  const numbers = fractionsNotRanges(text, locateNumbers(text))
    .map((n) => joinNumberWords(text, n))
    .filter((n) => !notAnAmount(text, n));
  return numbers.flatMap((n, i) => {
    // A range is one figure: its low end ("65 to 70 percent") is read through the high end's range.
    const next = numbers[i + 1];
    if (n.range && next?.range && next.range.low === n.range.low && next.range.high === n.range.high) return [];
    const f = toFigure(text, n);
    return f ? [f] : [];
  });
}

/** Every claim with its figures, in reading order. */
export function readClaims(claims: readonly CheckedClaim[]): ReadClaim[] {
  return [...claims].sort((a, b) => a.position - b.position).map((claim) => ({ claim, figures: readFigures(claim.text) }));
}

function toFigure(text: string, n: LocatedNumber): Figure | null {
  const after = text.slice(n.end, n.end + 12);
  // "a five-fold increase", "three times as many": a multiplier, read by the multiple check.
  if (/^(?:-fold|\s*times\b)/i.test(after)) return null;
  // "720 people" and "640" count the same thing: people are a count, not a unit of measure.
  let unit = n.unit && /^(?:people|persons?)$/.test(n.unit) ? null : n.unit;
  let value = n.value;
  if (unit === "percent") value = roundTo(value * 100, 9);
  else if (unit === "percentage points") unit = "points";
  else if (unit === null && /^[\s-]points?\b/i.test(after) && /\bpercent|%/i.test(text)) unit = "points";
  // "a third of the total", "three-quarters of": a share, read to the nearest few points.
  if (unit === null && value < 1 && /^(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|thirds?|quarters?|fourths?|fifths?|tenths?)$/i.test(n.raw)) {
    unit = "percent";
    value = roundTo(value * 100, 6);
  }
  // "three in five", "nine in 10": a share of a group, read like a fraction in words.
  if (unit === null && value < 1 && /^\w+ in \w+$/i.test(n.raw)) {
    unit = "percent";
    value = roundTo(value * 100, 6);
  }
  const hedgeMatch = HEDGE.exec(text.slice(Math.max(0, n.at - 16), n.at));
  const hedge = hedgeMatch ? (hedgeMatch[1] ?? "").toLowerCase() : null;
  const { half, place } = precisionOf(n.raw, unit);
  const admits = admitted(value, half, place, hedge, unit);
  // "between 200 and 250": either end stands for anything in the range.
  const scaleOf = unit === "percent" && n.unit === "percent" ? 100 : 1;
  const range: Interval = n.range ? [n.range.low * scaleOf, n.range.high * scaleOf] : admits.range;
  const tolerance = n.range ? `a range, ${formatNumber(range[0])} to ${formatNumber(range[1])}` : admits.tolerance;
  const citedHalf = Math.min(half, 0.01 * Math.abs(value));
  const cited: Interval = hedge || n.range ? range : [value - citedHalf, value + citedHalf];
  return { raw: n.raw, value, unit, counted: n.unit !== unit && unit === null ? (n.unit ?? null) : n.counted, at: n.at, end: n.end, hedge, range, tolerance, cited };
}

/** Half a unit in the last written digit: "15%" → 0.5, "41.2 million" → 50,000, "seven" → 0. */
export function precisionOf(raw: string, unit: string | null): { half: number; place: string } {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(raw);
  // "Seventy-three per cent" is a whole percent in words, not a fraction read to a few points.
  if (!digits && /per\s?cent$/i.test(raw)) return { half: 0.5, place: "whole percent" };
  if (!digits || /^\w+ in \w+$/i.test(raw)) {
    // Fractions in words are shares read to the nearest few points; small number words are exact.
    return /-|half|third|quarter|fourth|fifth|tenth|\bin\b/i.test(raw) ? { half: unit === "percent" ? 2 : 0.02, place: "a fraction in words" } : { half: 0, place: "a number in words" };
  }
  const decimals = digits[2]?.length ?? 0;
  const scaleWord = SCALE_WORD.exec(raw.slice(digits.index + digits[0].length))?.[1]?.toLowerCase();
  const scale = scaleWord ? (SCALES[scaleWord] ?? 1) : 1;
  const half = 0.5 * 10 ** -decimals * scale;
  const unitWord = unit === "percent" ? "percent" : unit === "points" ? "point" : null;
  const place =
    decimals === 0
      ? scaleWord
        ? `whole ${scaleWord}s`
        : unitWord
          ? `whole ${unitWord}`
          : "a whole number"
      : `${decimals} decimal place${decimals > 1 ? "s" : ""}${scaleWord ? ` of ${scaleWord}s` : ""}`;
  return { half, place };
}

function admitted(value: number, half: number, place: string, hedge: string | null, unit: string | null): { range: Interval; tolerance: string } {
  const unitWords = unit === "percent" || unit === "points" ? " percentage points" : unit && unit.length === 3 ? ` ${unit}` : "";
  const kind = hedge ? HEDGE_KIND[hedge] : undefined;
  const span = (d: number) => `${formatNumber(d)}${unitWords}`;
  if (!kind) return { range: [value - half, value + half], tolerance: half > 0 ? `±${span(half)} (rounding to ${place})` : "exact (a number in words)" };
  // A hedge widens the figure: 7.5% either side for "about" ("about 15%" for 14.6%), and "nearly"
  // reads up to 10% short ("nearly 15%" for 14.7%), never less than twice the written rounding.
  const wide = Math.max(2 * half, 0.075 * Math.abs(value));
  switch (kind) {
    case "about":
      return { range: [value - wide, value + wide], tolerance: `±${span(wide)} ("${hedge}")` };
    case "below":
      return { range: [value - Math.max(wide, 0.1 * Math.abs(value)), value + half], tolerance: `up to ${span(Math.max(wide, 0.1 * Math.abs(value)))} below, ${span(half)} above ("${hedge}")` };
    case "above":
      return { range: [value - half, Number.POSITIVE_INFINITY], tolerance: `${formatNumber(value - half)}${unitWords} or more ("${hedge}")` };
    case "atMost":
      return { range: [Number.NEGATIVE_INFINITY, value + half], tolerance: `${formatNumber(value + half)}${unitWords} or less ("${hedge}")` };
  }
}

const roundTo = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Whether two figures measure in the same unit (bare counts count as one unit). */
export const sameUnit = (a: Figure, b: Figure): boolean => a.unit === b.unit;
