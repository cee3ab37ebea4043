/**
 * Short periods against the dates beside them: "the two-week pilot, which ran from March 3 to March
 * 28" (25 days), "the 48-hour operation, from 6 a.m. Monday to 6 a.m. Tuesday" (24 hours), "in the
 * quarter from January to June" (two quarters), and "in the seven years since 2020" in a sentence
 * dated 2024 ("its 2024 annual report": four years).
 *
 * Only the adjective and "the N … from" wordings are read, and only when the sentence names one
 * range of the matching kind: a span in words beside other dates may be of something else. Counting
 * both ends is allowed (June 1 to June 10 is a 10-day closure), and weeks are read to half a week.
 */
import type { ReadClaim } from "../figures";
import { finding } from "../finding";
import type { NumberFinding } from "../types";

const NUM: Record<string, number> = { one: 1, a: 1, an: 1, the: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, "twenty-four": 24, "forty-eight": 48, "seventy-two": 72 };
const N = "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two)";
const HEDGED = /\b(?:about|around|roughly|nearly|almost|some|more than|over|at least|less than|under|up to|just)\s+(?:a\s+|an\s+)?$/i;
/** "a two-week pilot", "the 48-hour operation", "a 10-day closure", "the quarter from". */
const SPAN = new RegExp(`\\b${N}[- ](hour|day|week|quarter)(?!s?[- ]old)(?:[- ]long)?\\s+(?:[\\w-]+\\s+){0,2}?[a-z]+\\b|\\b(the|a|one)\\s+(?:(?:first|second|third|fourth|final|last|latest|same)\\s+)?(quarter),?\\s+(?:from|between|running from)\\b|\\b${N}\\s+(quarters)\\s+(?:from|between)\\b`, "gi");
const SINCE = new RegExp(`\\b(?:in|over|during|across|for)\\s+the\\s+(?:past\\s+|last\\s+)?${N}\\s+years\\s+since\\s+((?:19|20)\\d\\d)\\b`, "gi");
/** "in every year of the past decade, since 2019": a span back from the article's latest date. */
const PAST_SINCE = new RegExp(`\\b(?:past|last)\\s+(?:${N}\\s+(years)|(decade))\\s*,?\\s+(?:since|from)\\s+((?:19|20)\\d\\d)\\b`, "gi");
// Years that are targets or ends of other ranges, not the date the article speaks from.
const NOT_NOW = /\b(?:by|until|till|before|through|to|and|in)\s+(?:fiscal\s+)?$/i;

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const TO = "\\s+(?:to|and|through|until|till|-|–)\\s+";
const DAY_RANGE = new RegExp(`\\b(?:from|between)\\s+${MONTH}\\s+(\\d{1,2})(?:,?\\s+(?:19|20)\\d\\d)?,?${TO}${MONTH}\\s+(\\d{1,2})\\b`, "gi");
const MONTH_RANGE = new RegExp(`\\b(?:from|between)\\s+${MONTH}(?:\\s+\\d{1,2})?${TO}${MONTH}(?:\\s+\\d{1,2})?\\b(?!,?\\s+(?:19|20)\\d\\d)`, "gi");
const WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const CLOCK = "(\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am|pm)|midnight|noon)";
const HOUR_RANGE = new RegExp(`\\b(?:from|between)\\s+${CLOCK}(?:\\s+(?:on\\s+)?${WEEKDAY})?\\s*(?:to|and|through|until|till|-|–)\\s+${CLOCK}(?:\\s+(?:on\\s+)?${WEEKDAY})?`, "gi");

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const monthOf = (w: string) => MONTHS.indexOf(w.slice(0, 3).toLowerCase());
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

interface Span {
  words: string;
  /** The length between the dates, in the span's unit, end minus start. */
  length: number;
  /** What the stated number may be: the length, or one more counting both ends, to the unit's rounding. */
  fits: (n: number) => boolean;
  computation: string;
  unit: string;
}

function all(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

function daySpan(text: string, unit: "day" | "week"): Span | null {
  const ranges = all(DAY_RANGE, text);
  if (ranges.length !== 1) return null;
  const [m] = ranges;
  const [a, b] = [monthOf(m![1]!), monthOf(m![3]!)];
  let days = DAYS_BEFORE[b]! + Number(m![4]) - (DAYS_BEFORE[a]! + Number(m![2]));
  if (days < 0) days += 365;
  const computation = `${m![0].replace(/^(?:from|between)\s+/i, "")}: ${days} days`;
  if (unit === "day") return { words: m![0], length: days, fits: (n) => n === days || n === days + 1, computation, unit: "days" };
  return { words: m![0], length: days / 7, fits: (n) => Math.abs(days / 7 - n) <= 0.5 || Math.abs((days + 1) / 7 - n) <= 0.5, computation: `${computation} (${(days / 7).toFixed(1)} weeks)`, unit: "weeks" };
}

function quarterSpan(text: string): Span | null {
  const ranges = all(MONTH_RANGE, text);
  if (ranges.length !== 1) return null;
  const [m] = ranges;
  const months = (monthOf(m![2]!) - monthOf(m![1]!) + 12) % 12;
  return { words: m![0], length: months / 3, fits: (n) => 3 * n === months || 3 * n === months + 1, computation: `${m![0].replace(/^(?:from|between)\s+/i, "")}: ${months} months (${months + 1} counting both), ${((months + 1) / 3).toFixed(1)} quarters at most`, unit: "quarters" };
}

/** "from March to November" (no years): the months between, end minus start, for the month spans of period.ts. */
export function bareMonthSpan(text: string): { from: string; to: string; length: number } | null {
  const ranges = all(MONTH_RANGE, text);
  if (ranges.length !== 1) return null;
  const [m] = ranges;
  return { from: m![1]!, to: m![2]!, length: (monthOf(m![2]!) - monthOf(m![1]!) + 12) % 12 };
}

/** "7 p.m." → 19, "6:30 a.m." → 6.5, "midnight" → 0, "noon" → 12. */
function clockHours(clock: string): number {
  if (/^midnight$/i.test(clock)) return 0;
  if (/^noon$/i.test(clock)) return 12;
  const [, h, m, p] = /^(\d{1,2})(?::(\d\d))?\s*([ap])/i.exec(clock) ?? [];
  return (Number(h) % 12) + (/^p/i.test(p ?? "") ? 12 : 0) + Number(m ?? 0) / 60;
}

function hourSpan(text: string): Span | null {
  const ranges = all(HOUR_RANGE, text);
  if (ranges.length !== 1) return null;
  const [, c1, d1, c2, d2] = ranges[0]!;
  let hours = clockHours(c2!) - clockHours(c1!);
  if (d1 && d2) hours += ((WEEKDAYS.indexOf(d2.toLowerCase()) - WEEKDAYS.indexOf(d1.toLowerCase()) + 7) % 7) * 24;
  else if (d1 || d2) return null;
  if (hours <= 0) hours += 24;
  return { words: ranges[0]![0], length: hours, fits: (n) => Math.abs(n - hours) < 0.5, computation: `${ranges[0]![0].replace(/^(?:from|between)\s+/i, "")}: ${hours} hours`, unit: "hours" };
}

/** "in the seven years since 2020" in a sentence that also names one later year, its date. */
function sinceSpans(read: ReadClaim): NumberFinding[] {
  const text = read.claim.text;
  const out: NumberFinding[] = [];
  for (const m of all(SINCE, text)) {
    const n = NUM[m[1]!.toLowerCase()] ?? Number(m[1]);
    const since = Number(m[2]);
    const later = [...new Set((text.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number))].filter((y) => y > since);
    if (later.length !== 1) continue;
    const length = later[0]! - since;
    if (n === length || n === length + 1) continue;
    out.push(report(read, m[0], n, { words: `${since} to ${later[0]}`, length, fits: () => false, computation: `${later[0]} − ${since} = ${length} years`, unit: "years" }));
  }
  return out;
}

/**
 * "the past decade, since 2019" with the article's latest date ("released in March 2025") a few
 * sentences up: the span is that year minus the start.
 */
function pastSpans(claims: readonly ReadClaim[], i: number): NumberFinding[] {
  const read = claims[i]!;
  const out: NumberFinding[] = [];
  for (const m of all(PAST_SINCE, read.claim.text)) {
    const n = m[2] ? (NUM[m[1]!.toLowerCase()] ?? Number(m[1])) : 10;
    const since = Number(m[4]);
    const dated = claims.slice(Math.max(0, i - 3), i + 1).flatMap((c) => [...c.claim.text.matchAll(/\b(?:19|20)\d\d\b/g)].filter((y) => !NOT_NOW.test(c.claim.text.slice(Math.max(0, y.index - 12), y.index)) || /\b(?:in|released in|published in)\s+[A-Z][a-z]+\s+$/.test(c.claim.text.slice(Math.max(0, y.index - 30), y.index))).map((y) => Number(y[0])));
    const now = Math.max(...dated.filter((y) => y > since));
    if (!Number.isFinite(now)) continue;
    const length = now - since;
    if (n === length || n === length + 1) continue;
    out.push(report(read, m[0], n, { words: `${since} to ${now}`, length, fits: () => false, computation: `${now} − ${since} = ${length} years`, unit: "years" }));
  }
  return out;
}

function report(read: ReadClaim, words: string, n: number, span: Span): NumberFinding {
  const length = Number.isInteger(span.length) ? String(span.length) : span.length.toFixed(1);
  return finding("period", {
    claims: [read],
    message: `${span.words.replace(/^(?:from|between)\s+/i, "")} is ${length} ${span.unit}, the text says '${words.trim()}'`,
    computation: span.computation,
    expected: `${length} ${span.unit}`,
    stated: `${n} ${span.unit}`,
    tolerance: span.unit === "weeks" ? "half a week either way, counting one or both ends" : span.unit === "hours" ? "half an hour" : "the difference, or one more counting both ends",
  });
}

/** Short spans in words (hours, days, weeks, quarters) and "N years since" that the dates beside them do not fit. */
export function checkDatedSpans(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const text = read.claim.text;
    if (!/\b(?:hour|day|week|quarter|since)/i.test(text)) return;
    out.push(...sinceSpans(read), ...pastSpans(claims, i));
    for (const m of all(SPAN, text)) {
      if (HEDGED.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      const word = (m[1] ?? m[3] ?? m[5] ?? "").toLowerCase();
      const unit = (m[2] ?? m[4] ?? m[6] ?? "").toLowerCase().replace(/s$/, "");
      const n = NUM[word] ?? Number(word);
      const span = unit === "hour" ? hourSpan(text) : unit === "quarter" ? quarterSpan(text) : daySpan(text, unit as "day" | "week");
      if (!span || !Number.isFinite(n) || n <= 0 || span.fits(n)) continue;
      out.push(report(read, m[0], n, span));
    }
  });
  return out;
}
