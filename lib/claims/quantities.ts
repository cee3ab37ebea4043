/**
 * Quantities: every number a statistic rests on, normalised so it can be compared and checked
 * ("1,261" → 1261, "41.2 million" → 41200000, "one-third" → 0.333, "15%" → 0.15), with its unit or
 * what it counts, the period it covers, and a change "from 36 to 149" as one quantity with from/to.
 *
 * Years, dates, clock times, ages and identifiers ("287(g)", "Section 8", "COVID-19") are numbers but
 * not quantities; years feed the period instead.
 */
import type { Quantity } from "./types";

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 };
const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const FRACTIONS: Record<string, number> = {
  half: 0.5, halves: 0.5, third: 1 / 3, thirds: 1 / 3, quarter: 0.25, quarters: 0.25, fourth: 0.25, fourths: 0.25, fifth: 0.2, fifths: 0.2,
  sixth: 1 / 6, sixths: 1 / 6, seventh: 1 / 7, sevenths: 1 / 7, eighth: 0.125, eighths: 0.125, ninth: 1 / 9, ninths: 1 / 9, tenth: 0.1, tenths: 0.1,
};
const CURRENCY: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };
const CURRENCY_WORDS: Record<string, string> = { dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", pounds: "GBP", yen: "JPY" };
const UNITS =
  /^(percentage points?|per ?cent|percent|hours?|days?|weeks?|months?|years?|minutes?|seconds?|miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|acres?|tons?|tonnes?|kg|kilograms?|pounds?|gallons?|liters?|litres?|barrels?|degrees?|mph|people|persons?)\b/i;
const MONTH = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
const ID_BEFORE = /(?:section|sec\.|§|article|title|chapter|rule|no\.|number|form|room|route|highway|level|phase|tier|grade|version|covid|h\.r\.|s\.|page|p\.|pp\.|fig\.|figure|table|item|step)\s*$/i;
const STOP = new Set(["of", "in", "to", "from", "and", "or", "by", "on", "at", "with", "the", "a", "an", "than", "since", "between", "during", "per", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "will", "would"]);

// A number as written: currency, digits with thousands separators and decimals or a number word,
// an optional scale word, an optional percent sign or word.
const NUMBER =
  /(?<![\w.\-/])([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)-(?:half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)|a (?:half|third|quarter|fifth|tenth)|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?))(?:\s?(thousand|million|billion|trillion|bn|k|m)\b)?(\s?%|\s(?:percent|per cent|percentage points?)\b)?(?![\w(])/gi;

const PERIOD =
  /\b(?:(?:between|from)\s+(?:(?:fiscal year|FY)\s*)?(?:19|20)\d\d\s+(?:and|to|through|-)\s+(?:(?:fiscal year|FY)\s*)?(?:19|20)\d\d|(?:fiscal year|FY|calendar year|school year)\s*'?(?:19|20)?\d\d(?:[-–/](?:19|20)?\d\d)?|(?:in|since|during|by|as of|through|for)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d\d|(?:last|this|next|the past|the previous)\s+(?:year|month|week|decade|quarter)|(?:19|20)\d\d(?:[-–](?:19|20)?\d\d))\b/i;

/** Normalises the number part of a match ("1,261", "41.2", "one-third", "seven") to a value. */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^[\d,]+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  const frac = /^(?:(\w+)-|a )(\w+)$/.exec(t);
  if (frac) {
    const n = frac[1] ? (WORD_NUMBERS[frac[1]] ?? (frac[1] === "one" ? 1 : null)) : 1;
    const d = FRACTIONS[frac[2] ?? ""];
    return n !== null && d !== undefined ? Math.round(n * d * 1000) / 1000 : null;
  }
  const word = t.replace(/s$/, "");
  if (word === "thousand") return 1000;
  if (word === "million") return 1e6;
  if (word === "billion") return 1e9;
  return WORD_NUMBERS[word] ?? WORD_NUMBERS[t] ?? null;
}

/** The period a sentence speaks of ("FY 2020", "between 2017 and 2021"), or null. */
export function findPeriod(sentence: string): string | null {
  const m = PERIOD.exec(sentence);
  return m ? m[0].replace(/^(?:in|since|during|by|as of|through|for)\s+/i, "") : null;
}

/** What a number counts: the words after it up to a preposition or punctuation ("149 departments"). */
function countedAfter(rest: string): string | null {
  const words = /^\s*((?:for|of)\s+)?([^,;:.()]+)/.exec(rest);
  if (!words) return null;
  const out: string[] = [];
  for (const w of (words[2] ?? "").trim().split(/\s+/)) {
    if (out.length > 0 && STOP.has(w.toLowerCase())) break;
    if (out.length === 0 && STOP.has(w.toLowerCase())) return null;
    out.push(w);
    if (out.length === 4) break;
  }
  return out.length > 0 ? out.join(" ") : null;
}

function isCalendarNumber(sentence: string, index: number, raw: string, hasScale: boolean): boolean {
  const before = sentence.slice(Math.max(0, index - 24), index);
  const after = sentence.slice(index + raw.length, index + raw.length + 10);
  if (/^\d{4}$/.test(raw) && !hasScale && Number(raw) >= 1800 && Number(raw) <= 2100) return true;
  if (/^\d{1,2}$/.test(raw) && MONTH.test(before)) return true;
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d|o['’]clock|at night|in the (?:morning|afternoon|evening))/i.test(sentence.slice(index + raw.length, index + raw.length + 20))) return true;
  // "A third round", "a quarter century", "a fifth term": an ordinal or a span, unless a share
  // follows ("a third of") or the words make it one ("dropped by a fifth between 2021 and 2024").
  if (/^a (?:third|quarter|fifth|tenth)$/i.test(raw) && /^\s+(?!of\b)[a-z]/i.test(after) && !(/\bby\s+$/i.test(before) && /^\s+(?:between|from|since|over|in|to|last|this|after|during|compared|than|and|or|on)\b/i.test(after))) return true;
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true;
  // A person's age: "Gerald Pruitt, 71, said", "aged 71", "a 71-year-old".
  if (/^\d{1,3}$/.test(raw) && ((/[A-Z][\w'’.-]+,\s*$/.test(before) && /^,/.test(after)) || /\bage[ds]?\s*$/i.test(before) || /^-year-old\b/i.test(after))) return true;
  return ID_BEFORE.test(before);
}

/**
 * Finds the quantities in `sentence`. A "from X to Y" pair becomes one quantity with `change`.
 * Never throws; returns [] when there is nothing to count.
 */
export function extractQuantities(sentence: string): Quantity[] {
  return locateQuantities(sentence).map(unlocated);
}

/** The quantity without its offset, as callers outside the pipeline see it. */
export function unlocated(q: LocatedQuantity): Quantity {
  // Not `delete`, which turns the copy into a slow dictionary object for every later read.
  const { at, ...out } = q;
  void at;
  return out;
}

/** {@link extractQuantities}, each with `at`, where its words start in `sentence`. */
export function locateQuantities(sentence: string): LocatedQuantity[] {
  return mergeChanges(sentence, readNumbers(sentence));
}

/** A number of a sentence before "from X to Y" pairs are merged: its words are `[at, end)`. */
export type LocatedNumber = Quantity & { at: number; end: number };

/**
 * Every number of `sentence` that counts something, in order, each on its own ("from 36 to 149" is
 * two), ranges read ("between 200 and 250"): what the numbers checker (lib/numbers) reads, since it
 * needs each figure's words and place. Ranges stay out of the stored quantities for now: they would
 * move the unit of a range's first end in claims already stored and in their reasons.
 */
export function locateNumbers(sentence: string): LocatedNumber[] {
  return withRanges(sentence, readNumbers(sentence));
}

function readNumbers(sentence: string): LocatedNumber[] {
  const period = findPeriod(sentence);
  const out: LocatedNumber[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
    const [raw, currency, digits = "", scale, percent] = m;
    if (!currency && !percent && isCalendarNumber(sentence, m.index + (currency?.length ?? 0), digits, Boolean(scale))) continue;
    let value = parseNumber(digits);
    if (value === null || !Number.isFinite(value)) continue;
    if (scale) value *= SCALE[scale.toLowerCase()] ?? 1;
    const rest = sentence.slice(m.index + raw.length, m.index + raw.length + 80);
    let unit: string | null = null;
    if (percent) {
      unit = /point/i.test(percent) ? "percentage points" : "percent";
      if (unit === "percent") value = value / 100;
    } else if (currency) unit = CURRENCY[currency.trim()] ?? null;
    else {
      // "a 10-minute wait", "a 60-bed motel": a compound adjective carries the unit or the noun.
      const u = UNITS.exec(rest.replace(/^-(?=[a-z])/i, "").trimStart());
      const cw = /^\s*(dollars?|euros?|pounds|yen)\b/i.exec(rest);
      if (cw) unit = CURRENCY_WORDS[(cw[1] ?? "").toLowerCase()] ?? null;
      else if (/^(?:-?fold\b|\s+times\b)/i.test(rest)) unit = "times";
      else if (u) unit = (u[1] ?? "").toLowerCase().replace(/^per ?cent$/, "percent");
      if (unit === "percent") value = value / 100;
    }
    // A measured unit ("48 hours") says what it is; a bare count, share or amount needs its noun.
    const counted = unit === null || unit.startsWith("percent") || MONEY.has(unit) ? countedAfter(rest.replace(/^-(?=[a-z])/i, " ")) : null;
    out.push({ raw: raw.trim(), value: round(value), unit, counted, period, at: m.index, end: m.index + raw.trimEnd().length });
  }
  return withRatios(sentence, out);
}

const SMALL: Record<string, number> = { one: 1, ...WORD_NUMBERS };

/**
 * "One in four", "three in five", "1 in 5": one share (0.25, 0.6, 0.2), not two counts. The "in" figure is never a year
 * ("50 in 2023" is fifty, in 2023).
 */
function withRatios(sentence: string, qs: LocatedNumber[]): LocatedNumber[] {
  const out: LocatedNumber[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const before = /\b(one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+in\s+$/i.exec(sentence.slice(Math.max(0, q.at - 10), q.at));
    const x = before ? (SMALL[(before[1] ?? "").toLowerCase()] ?? Number(before[1])) : null;
    if (q.unit === null && x !== null && x < q.value && !/^\d{4}$/.test(q.raw)) {
      // "one in four" (the pipeline reads "four" alone) or "1 in 5" (it read "1" and "5").
      const prev = out[out.length - 1];
      const start = q.at - (before?.[0].length ?? 0);
      if (prev && prev.at === start) out.pop();
      out.push({ ...q, raw: sentence.slice(start, q.end), value: round(x / q.value), at: start });
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * Ranges: "between 200 and 250 shelters", "10 to 15 percent", "10-15%". Both ends keep their own
 * quantity and learn the range (and the unit the second end carries); "10-15%" is one quantity,
 * valued at the midpoint. A change "from 36 to 149" is not a range.
 */
function withRanges(sentence: string, qs: LocatedNumber[]): LocatedNumber[] {
  for (let i = 0; i < qs.length; i++) {
    const a = qs[i]!;
    const dashed = /^[-–](\d+(?:\.\d+)?)(\s?%|\s(?:percent|per cent)\b)/i.exec(sentence.slice(a.end, a.end + 16));
    if (dashed && a.unit === null && /^\d/.test(a.raw)) {
      const high = Number(dashed[1]) / 100;
      const low = a.value / 100;
      const end = a.end + dashed[0].length;
      qs[i] = { ...a, raw: `${a.raw}${dashed[0]}`, value: round((low + high) / 2), unit: "percent", counted: countedAfter(sentence.slice(end, end + 80)), range: { low, high }, end };
      continue;
    }
    const b = qs[i + 1];
    if (!b) continue;
    const gap = sentence.slice(a.end, b.at);
    const between = /\bbetween\s+$/i.test(sentence.slice(Math.max(0, a.at - 10), a.at)) && /^\s+and\s+$/i.test(gap);
    const to = !/\bfrom\s+(?:about\s+)?$/i.test(sentence.slice(Math.max(0, a.at - 12), a.at)) && /^\s+to\s+$/i.test(gap) && a.unit === null && b.unit !== null;
    if (!between && !to) continue;
    const unit = a.unit ?? b.unit;
    const low = a.unit === null && unit === "percent" ? a.value / 100 : a.value;
    const range = { low, high: b.value };
    qs[i] = { ...a, value: round(low), unit, range };
    qs[i + 1] = { ...b, range };
    i++;
  }
  return qs;
}

const MONEY = new Set(Object.values(CURRENCY_WORDS));
const round = (v: number) => (Math.abs(v) < 1 ? Math.round(v * 1e6) / 1e6 : v);

/**
 * Turns "from X to Y" into one quantity whose value is Y and whose change is {from: X, to: Y}. Works on
 * match positions (`at`), so a sentence full of numbers stays linear.
 */
/** A quantity and the offset of its words in the sentence. */
export type LocatedQuantity = Quantity & { at: number };

function mergeChanges(sentence: string, qs: LocatedNumber[]): LocatedQuantity[] {
  const out: LocatedQuantity[] = [];
  for (let i = 0; i < qs.length; i++) {
    const { at, end, ...a } = qs[i]!;
    const next = qs[i + 1];
    if (next && /from\s+$/i.test(sentence.slice(Math.max(0, at - 8), at)) && /^\s+(?:to|in \d{4} to)\s+$/i.test(sentence.slice(end, next.at))) {
      const { end: bEnd, ...b } = next;
      const from = sentence.lastIndexOf("from", at);
      const counted = /the (?:number|share|rate|percentage|proportion|amount|total) of ([\w\s-]+?)\s+(?:rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|went|has|have|had|was|were)\b/i.exec(sentence.slice(0, 400));
      out.push({ ...b, raw: sentence.slice(from, bEnd), counted: counted?.[1] ?? b.counted ?? a.counted, change: { from: a.value, to: b.value }, at: from });
      i++;
      continue;
    }
    out.push({ ...a, at });
  }
  return out;
}

