/**
 * Speeds: an average speed against the distance and the time beside it — "will cover the 84 miles
 * in 1 hour 30 minutes, an average speed of 70 mph" (56 mph). A rate of its own kind, reported as
 * `rate`: distance over time, each read as printed (its rounding up to 1%).
 *
 * Only a sentence with one distance, one time (its hours and minutes read together) and a speed in
 * the same measure (miles and mph, kilometres and km/h) is read: a top speed or a second leg is not
 * the average of the first.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatNumber, type Interval, overlaps, plus, times } from "../interval";
import type { NumberFinding } from "../types";

const SPEED_AFTER = /^\s*(?:(mph|miles (?:an|per) hour)|(km\/h|kph|kmh|kilometres (?:an|per) hour|kilometers (?:an|per) hour|km (?:an|per) hour))\b/i;
// The speed is said to be the average of the trip, not a limit or a top speed.
const AVERAGE_BEFORE = /\b(?:average(?:\s+speed)?|averag(?:es|ed|ing))\s+(?:of\s+|at\s+)?(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|around\s+|just over\s+|just under\s+|more than\s+|over\s+|under\s+)?$/i;
const MILES = /^(?:miles?)$/i;
const KM = /^(?:km|kilometres?|kilometers?)$/i;

/** Average speeds that the distance and time beside them do not give. */
export function checkSpeeds(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const read of claims) {
    const { text } = read.claim;
    if (!/\b(?:mph|km\/h|kph|kmh|an hour|per hour)\b/i.test(text)) continue;
    for (const speed of read.figures) {
      const unit = SPEED_AFTER.exec(text.slice(speed.at + speed.raw.length, speed.at + speed.raw.length + 24)) ?? SPEED_AFTER.exec(text.slice(speed.end, speed.end + 24));
      if (!unit || !AVERAGE_BEFORE.test(text.slice(Math.max(0, speed.at - 40), speed.at))) continue;
      const measure = unit[1] ? MILES : KM;
      const distances = read.figures.filter((f) => f !== speed && f.unit !== null && measure.test(f.unit) && !SPEED_AFTER.test(text.slice(f.end, f.end + 20)) && !/^\s*(?:an|per)\s+hour/i.test(text.slice(f.end, f.end + 30)));
      const time = durationOf(read.figures);
      if (distances.length !== 1 || !time) continue;
      const [distance] = distances as [Figure];
      const hours = time.cited;
      const computed = divide(distance.cited, hours);
      if (overlaps(computed, speed.range)) continue;
      const value = distance.value / time.value;
      const per = unit[1] ? "mph" : "km/h";
      out.push(
        finding("rate", {
          claims: [read],
          message: `${distance.raw} ${distance.unit} in ${time.words} is ${formatNumber(value, 1)} ${per}, the text says ${speed.raw} ${per}`,
          computation: `${formatNumber(distance.value)} / ${formatNumber(time.value, 3)} h = ${formatNumber(value, 2)} ${per}`,
          expected: `${formatNumber(value, 1)} ${per}`,
          stated: `${speed.raw} ${per}`,
          tolerance: `${speed.tolerance}; the distance's and the time's rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  }
  return out;
}

/** The sentence's one duration in hours: "1 hour 30 minutes", "90 minutes", "2.5 hours". */
function durationOf(figures: readonly Figure[]): { value: number; cited: Interval; words: string } | null {
  const parts = figures.filter((f) => f.unit !== null && /^(?:hours?|minutes?)$/i.test(f.unit));
  if (parts.length === 0 || parts.length > 2) return null;
  if (parts.length === 2 && !(/^hour/i.test(parts[0]!.unit!) && /^minute/i.test(parts[1]!.unit!) && parts[1]!.at - parts[0]!.end < 16)) return null;
  const inHours = (f: Figure): Interval => (/^minute/i.test(f.unit!) ? times(f.cited, 1 / 60) : f.cited);
  const cited = parts.map(inHours).reduce((a, b) => plus(a, b));
  const value = parts.reduce((a, f) => a + (/^minute/i.test(f.unit!) ? f.value / 60 : f.value), 0);
  if (value <= 0) return null;
  return { value, cited, words: parts.map((f) => `${f.raw} ${f.unit}`).join(" ") };
}
