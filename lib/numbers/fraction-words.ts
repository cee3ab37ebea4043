/**
 * Shares said as fractions in words that the claim pipeline leaves out, for the share checks only:
 * "Half of the county's farmland grows corn, a third grows soybeans and a quarter is pasture",
 * "Nearly half drive, and another quarter take the bus", "- Housing, about half".
 *
 * The pipeline reads "a third" as an ordinal unless "of" follows ("a third round", "a quarter
 * century"), which is right for counting amounts; as a share beside other shares, a fraction is a
 * part of the whole, so the share checks read it here. Not read: "half as many", "cut in half",
 * "half an hour", "a quarter of a mile", "the third quarter", "one and a half", "by a third".
 */
import type { Figure, ReadClaim } from "./figures";

const VALUE: Record<string, number> = { half: 50, third: 100 / 3, thirds: 200 / 3, quarter: 25, quarters: 75, fifth: 20, fifths: 40, tenth: 10, tenths: 30 };
const MANY: Record<string, number> = { one: 1, a: 1, an: 1, another: 1, two: 2, three: 3, four: 4, nine: 9 };
const FRACTION = /\b(?:(a|one|another|two|three|four|nine)[\s-](half|thirds?|quarters?|fifths?|tenths?)|(half))\b/gi;
const HEDGE = /\b(about|around|roughly|nearly|almost|some|more than|over|just over|just under|less than|under|close to)\s+(?:the\s+)?$/i;
// Not a part of a whole: a multiple, a cut, a span or measure, an ordinal, a change by a fraction.
const NOT_BEFORE = /(?:\b(?:by|in|first|second|third|fourth|last|final|latest|(?<!\b(?:more|less)\s)than|to|from|the|its|their|his|her)\s+(?:a\s+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+and\s+(?:a\s+)?|[\d-])$/i;
const NOT_AFTER = /^(?:[\s-]+(?:as|an?|the size|times|hour|hours|day|days|century|centuries|decade|mile|miles|dozen|million|billion|percent|per cent|point|points|mark|time|way|term|round|century|pound|inch|acre|marathon|year|years|month|months|season|finals?|-?hour|-?mile|-?acre|-?day|-?year|-?century|-?time)\b|[\s-]*(?:of\s+(?:a|an|one)\b)|-)/i;
const ROUNDING = { half: 2 };
const added = new WeakSet<Figure>();

/** Whether a figure was read here, as a fraction in words, rather than by the claim pipeline. */
export const isFractionWord = (f: Figure): boolean => added.has(f);

/** The claim with its fractions in words added to its figures as shares, in reading order. */
export function withFractionWords(read: ReadClaim): ReadClaim {
  const { text } = read.claim;
  if (!/half|third|quarter|fifth|tenth/i.test(text)) return read;
  const extra: Figure[] = [];
  FRACTION.lastIndex = 0;
  for (let m = FRACTION.exec(text); m; m = FRACTION.exec(text)) {
    // "another quarter": the share is "quarter"; "another" before it goes on a run of shares.
    const at = /^another/i.test(m[0]) ? m.index + 8 : m.index;
    const end = m.index + m[0].length;
    if (read.figures.some((f) => f.at < end && at < f.end)) continue;
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (NOT_BEFORE.test(before) || NOT_AFTER.test(text.slice(end, end + 24))) continue;
    const word = (m[2] ?? m[3] ?? "").toLowerCase();
    const count = m[1] ? (MANY[m[1].toLowerCase()] ?? 1) : 1;
    // "two-thirds" is 66.7; "two thirds" written apart reads the same.
    const value = word.endsWith("s") ? ((VALUE[word.replace(/s$/, "")] ?? 0) * count) : (VALUE[word] ?? 0);
    if (value <= 0 || value > 100) continue;
    const hedge = HEDGE.exec(before)?.[1]?.toLowerCase() ?? null;
    const half = ROUNDING.half;
    const wide = hedge === "more than" || hedge === "over" || hedge === "just over" ? [value - half, Number.POSITIVE_INFINITY] : hedge === "less than" || hedge === "under" || hedge === "just under" ? [Number.NEGATIVE_INFINITY, value + half] : hedge === "nearly" || hedge === "almost" || hedge === "close to" ? [value - Math.max(half, 0.1 * value), value + half] : hedge ? [value * 0.9 - half, value * 1.1 + half] : [value - half, value + half];
    const range: [number, number] = [wide[0]!, wide[1]!];
    const f: Figure = { raw: text.slice(at, end), value, unit: "percent", counted: null, at, end, hedge, range, tolerance: `±${half} percentage points (a fraction in words)`, cited: range };
    added.add(f);
    extra.push(f);
  }
  if (extra.length === 0) return read;
  return { ...read, figures: [...read.figures, ...extra].sort((a, b) => a.at - b.at) };
}
