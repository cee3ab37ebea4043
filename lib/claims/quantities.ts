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
  half: 0.5, third: 1 / 3, thirds: 1 / 3, quarter: 0.25, quarters: 0.25, fourth: 0.25, fourths: 0.25, fifth: 0.2, fifths: 0.2, tenth: 0.1, tenths: 0.1,
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
  /(?<![\w.\-/])([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)-(?:half|thirds?|quarters?|fourths?|fifths?|tenths?)|a (?:half|third|quarter)|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?))(?:\s?(thousand|million|billion|trillion|bn|k|m)\b)?(\s?%|\s(?:percent|per cent|percentage points?)\b)?(?![\w(])/gi;

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
  // "A third round", "a quarter century": an ordinal or a span, unless a share follows ("a third of").
  if (/^a (?:third|quarter)$/i.test(raw) && /^\s+(?!of\b)[a-z]/i.test(after)) return true;
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
  const out: Quantity & { at?: number } = { ...q };
  delete out.at;
  return out;
}

/** {@link extractQuantities}, each with `at`, where its words start in `sentence`. */
export function locateQuantities(sentence: string): LocatedQuantity[] {
  return mergeChanges(sentence, locateNumbers(sentence));
}

/** A number of a sentence before "from X to Y" pairs are merged: its words are `[at, end)`. */
export type LocatedNumber = Quantity & { at: number; end: number };

/**
 * Every number of `sentence` that counts something, in order, each on its own ("from 36 to 149" is
 * two): what the numbers checker (lib/numbers) reads, since it needs each figure's words and place.
 */
export function locateNumbers(sentence: string): LocatedNumber[] {
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
      const u = UNITS.exec(rest.trimStart());
      const cw = /^\s*(dollars?|euros?|pounds|yen)\b/i.exec(rest);
      if (cw) unit = CURRENCY_WORDS[(cw[1] ?? "").toLowerCase()] ?? null;
      else if (u) unit = (u[1] ?? "").toLowerCase().replace(/^per ?cent$/, "percent");
      if (unit === "percent") value = value / 100;
    }
    // A measured unit ("48 hours") says what it is; a bare count, share or amount needs its noun.
    const counted = unit === null || unit.startsWith("percent") || MONEY.has(unit) ? countedAfter(rest) : null;
    out.push({ raw: raw.trim(), value: round(value), unit, counted, period, at: m.index, end: m.index + raw.trimEnd().length });
  }
  return out;
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

