/**
 * Numbers that the claim pipeline reads but a reconciliation must not: labels ("Ward 5", "Route
 * 9"), ages ("aged 16 or 17", "13 or younger") and alternatives ("14 or 15"); and compound number
 * words the pipeline splits ("Seventy-three per cent" is 73%, not 70 and a "three").
 *
 * The README's conventions: ordinals, ranks, road and route numbers and legal sections are not
 * quantities to reconcile; an age band is a category, not a count of anything.
 */
import type { LocatedNumber } from "../claims/quantities";

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TENS = /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/i;
const PERCENT_AFTER = /^\s*(?:per\s?cent|percent)\b/i;

/** "Seventy-three per cent": the tens word and its units word as one number, and its percent. */
export function joinNumberWords(text: string, n: LocatedNumber): LocatedNumber {
  if (!TENS.test(n.raw)) return n;
  const m = /^-(one|two|three|four|five|six|seven|eight|nine)\b/i.exec(text.slice(n.end, n.end + 7));
  const end = m ? n.end + m[0].length : n.end;
  const value = n.value + (m ? (UNITS[(m[1] ?? "").toLowerCase()] ?? 0) : 0);
  const percent = PERCENT_AFTER.exec(text.slice(end, end + 12));
  if (!m && !percent) return n;
  const raw = text.slice(n.at, percent ? end + percent[0].length : end);
  return { ...n, raw, end: n.at + raw.length, value: percent ? value / 100 : value, unit: percent ? "percent" : n.unit, counted: null };
}

// A capitalised word (not the first of its sentence) before a bare whole number names a thing: "Ward 5".
const LABEL_BEFORE = /(?:^|[^.!?:\s]\s+|[,;(]\s*)([A-Z][a-z]+\.?)\s+$/;
const NOT_LABEL = /^(?:The|A|An|About|Some|Nearly|Almost|Over|Under|Only|Just|All|Of|In|On|At|By|For|From|To|With|And|Or|But|Since|Between|Around|Roughly|Approximately|Another|Those|These|Its|Their|His|Her|Our|Fully|Exactly|Barely|Still|Further)$/;
const AGE_BEFORE = /\b(?:aged|ages?)\s+(?:\d{1,3}\s+(?:or|to|and|through)\s+|\d{1,3}\s*[–-]\s*)?$/i;
const AGE_AFTER = /^(?:\s+(?:or|and)\s+(?:younger|older|over|under|above|below)\b|-?\s*years?[\s-]old\b|-year-olds?\b)/i;
const OR_NUMBER_AFTER = /^\s+or\s+\d{1,3}\b(?!\s*%|\s*per)/i;
const OR_NUMBER_BEFORE = /\b\d{1,3}\s+or\s+$/i;

/** Whether a located number is a label, an age or one of two alternatives, not an amount. */
export function notAnAmount(text: string, n: LocatedNumber): boolean {
  if (n.unit !== null || !/^\d{1,4}$/.test(n.raw)) return false;
  const before = text.slice(Math.max(0, n.at - 24), n.at);
  const after = text.slice(n.end, n.end + 16);
  const label = LABEL_BEFORE.exec(before);
  if (label && !NOT_LABEL.test(label[1] ?? "") && !/^\s*%/.test(after)) return true;
  return AGE_BEFORE.test(before) || AGE_AFTER.test(after) || OR_NUMBER_AFTER.test(after) || OR_NUMBER_BEFORE.test(before);
}

const FRACTION_WORDS = /^(?:a|one)\s+(?:half|third|quarter|fourth|fifth|tenth)$/i;

/**
 * "grew by a third to $50 million": the claim pipeline reads "a third to $50 million" as a range
 * from a third of a dollar; after "by" the fraction is the change and "to $50 million" the level it
 * reached, so the range is undone on both ends.
 */
export function fractionsNotRanges(text: string, numbers: LocatedNumber[]): LocatedNumber[] {
  return numbers.map((n, i) => {
    const fraction = (m: LocatedNumber) => FRACTION_WORDS.test(m.raw) && m.range !== undefined && /\bby\s+$/i.test(text.slice(Math.max(0, m.at - 4), m.at));
    if (fraction(n)) return { ...n, unit: null, range: undefined };
    const previous = numbers[i - 1];
    return previous && fraction(previous) && n.range && n.range.low === previous.range!.low ? { ...n, range: undefined } : n;
  });
}
