import { extractQuantities } from "@/lib/claims/quantities";
import type { Quantity } from "@/lib/claims/types";
import { canonical, words } from "./normalise";
import { datesAsMonthDay, numbersAsDigits } from "./number-words";

/**
 * Whether two claims state the same figures: every number of one has an equal number, in a
 * compatible unit, in the other, and they speak of the same years. "1.2 million" equals
 * "1,200,000" (equal to the precision the less precise one is written with); "1.5 percent" is not
 * "1.5 percentage points"; "from 36 to 149" is not "from 36 to 150". Pure.
 */

/** The quantities matching compares: lib/claims' reading of the text with its number words as digits. */
export function quantitiesOf(text: string): Quantity[] {
  return extractQuantities(numbersAsDigits(text));
}

/** Units lib/claims leaves to `counted`: "12 inches" is not "12 centimeters". */
const MEASURES = new Set(
  ["inch", "centimeter", "centimetre", "cm", "mm", "millimeter", "millimetre", "hectare", "acre", "liter", "litre", "gallon", "mile", "kilometer", "kilometre", "meter", "metre", "bed", "seat", "vote",
    "watt", "kilowatt", "megawatt", "gigawatt", "kwh", "mwh", "gwh", "ton", "tonne", "pound", "kilogram", "ounce", "foot", "feet", "yard", "bushel", "barrel",
    "second", "minute", "hour", "day", "month", "degree"].map(canonical),
);
/** A measure's abbreviation, as its word: "120 MW" is "120 megawatts", and not "120 kilowatts". */
const MEASURE_ABBREVIATIONS: Record<string, string> = { mw: "megawatt", kw: "kilowatt", gw: "gigawatt", lb: "pound", lbs: "pound", kg: "kilogram", ft: "foot", feet: "foot", mi: "mile", km: "kilometer", hr: "hour", hrs: "hour", min: "minute", mins: "minute" };

/** One number as compared: its value, unit and how precisely it was written. */
export interface Figure {
  raw: string;
  value: number;
  unit: string | null;
  /** A change's end ("from 36 to 149"): a change reversed is not the same change. */
  end?: "from" | "to";
  /** Half the step of the last digit written ("1.2 million": 50,000; "149": 0.5). */
  tolerance: number;
}

export interface FigureComparison {
  /** same: all figures and years agree; different: a figure or year differs; none: neither has any; one-sided: only one has figures. */
  agreement: "same" | "different" | "none" | "one-sided";
  reasons: string[];
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 };

/** Half a step of the last written digit of `raw` whose value is `value`. */
function toleranceOf(raw: string, value: number): number {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(raw);
  // A number in words ("two-thirds", "five") is exact, but fractions were rounded to 3 decimals.
  if (!digits) return Math.abs(value) < 1 ? 0.0005 : 0;
  const decimals = digits[2]?.length ?? 0;
  const scaleWord = /\b(thousand|million|billion|trillion|bn|k|m)\b/i.exec(raw.slice(digits.index + digits[0].length));
  const scale = scaleWord ? (SCALE[scaleWord[1]!.toLowerCase()] ?? 1) : 1;
  const percent = /%|per ?cent(?!age)/i.test(raw) ? 0.01 : 1;
  return (10 ** -decimals * scale * percent) / 2;
}

/** The figures of a claim: each quantity's value, a change's two ends as two figures. */
export function figuresOf(quantities: readonly Quantity[]): Figure[] {
  const out: Figure[] = [];
  for (const q of quantities) {
    // Only a measure among the counted words is a unit: the rest ("residents surveyed said") is too loose to compare.
    const written = q.counted ? words(q.counted)[0] : undefined;
    const first = written ? canonical(MEASURE_ABBREVIATIONS[written] ?? written) : undefined;
    const measure = first && MEASURES.has(first) ? first : null;
    const unit = q.unit?.toLowerCase().replace(/^per ?cent$/, "percent").replace(/s$/, "") ?? measure;
    if (q.change) {
      // "from 71% in 2018 to 84%": both ends written alike; the raw text is split at " to ".
      const [fromRaw, toRaw] = q.raw.split(/\s+to\s+/i);
      out.push({ raw: (fromRaw ?? q.raw).replace(/^from\s+/i, "").replace(/\s+in\s+\d{4}$/, ""), value: q.change.from, unit, end: "from", tolerance: toleranceOf(fromRaw ?? q.raw, q.change.from) });
      out.push({ raw: toRaw ?? q.raw, value: q.change.to, unit, end: "to", tolerance: toleranceOf(toRaw ?? q.raw, q.change.to) });
    } else {
      out.push({ raw: q.raw, value: q.value, unit, tolerance: toleranceOf(q.raw, q.value) });
    }
  }
  return out;
}

/** Relative times ("this fall", "next year", "last summer") as when + what, "last year" and "the past year" alike. */
export function relativeTimesOf(text: string): string[] {
  const out = new Set<string>();
  const lower = text.toLowerCase().replace(/\b(?:a\s+)?half[\s-]year\b|\bhalf\s+a\s+year\b/g, "six months");
  for (const m of lower.matchAll(/\b(last|past|previous|this|current|next|coming)\s+(?:school\s+|fiscal\s+)?(year|fall|autumn|spring|summer|winter|month|week|quarter|semester|term|season)\b/g)) {
    const when = { last: "last", past: "last", previous: "last", this: "this", current: "this", next: "next", coming: "next" }[m[1] as "last"];
    out.add(`${when} ${m[2] === "autumn" ? "fall" : m[2]}`);
  }
  for (const m of lower.matchAll(/\ba (year|month|week|decade) ago\b|\bthe (month|week|day) (?:before|earlier|prior)\b/g)) out.add(`last ${m[1] ?? m[2]}`);
  // "a week after the storm" is not "a month after" it.
  // "a year earlier" is "last year", as "a year ago" is.
  for (const m of lower.matchAll(/\ba (day|week|month|year) (after|later|before|earlier)\b/g)) out.add(m[2] === "after" || m[2] === "later" ? `a ${m[1]} after` : `last ${m[1]}`);
  // "since I took office" is not "in the past year".
  if (/\bsince\s+(?:(?:i|he|she|we|they|the\s+\w+)\s+)?(?:became|took office|was elected|were elected|took over|was sworn in|came (?:in)?to office)/.test(lower)) out.add("since taking office");
  // "the week that ended March 9" is not "the month ending March 9".
  for (const m of lower.matchAll(/\b(week|month|year|quarter)\s+(?:that\s+)?end(?:ed|ing|s)\b/g)) out.add(`the ${m[1]} ending`);
  // "in their first six months" is not "in their first year".
  for (const m of lower.matchAll(/\bfirst\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?(year|month|week|day)s?\b/g)) {
    const n = m[1] === undefined ? 1 : /\d/.test(m[1]) ? Number(m[1]) : ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].indexOf(m[1]) + 2;
    out.add(`first ${n} ${m[2]}`);
  }
  // "before year's end", "by the end of the month", "year-end": the end of this period.
  for (const m of text.toLowerCase().matchAll(/\bend of (?:the |this )?(?:(?:school|fiscal|calendar) )?(year|month|week|quarter|semester|term|summer|decade)\b|\b(year|month|week|quarter|semester|term|decade)['’]s end\b|\b(year)-end\b/g)) {
    out.add(`end of ${m[1] ?? m[2] ?? m[3]}`);
  }
  // "the past 12 months" is "the past year", "the last 52 weeks" too.
  if (/\b(?:last|past|previous)\s+(?:12|twelve)\s+months\b|\b(?:last|past|previous)\s+(?:52|fifty-two)\s+weeks\b/i.test(text)) out.add("last year");
  return [...out].sort();
}

/** Ordinals ("third-graders", "the 2nd round"): not quantities, but "third" is not "eighth". A fraction ("a third", "two-thirds") is not one. */
export function ordinalsOf(text: string): string[] {
  const ORDINAL: Record<string, string> = { first: "1", second: "2", third: "3", fourth: "4", fifth: "5", sixth: "6", seventh: "7", eighth: "8", ninth: "9", tenth: "10", eleventh: "11", twelfth: "12" };
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/(?<![-\w]|\ba |\bone |\bof a )(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\b(?!-?(?:s\b|quarters?\b))/g)) {
    out.add(ORDINAL[m[1]!] ?? m[1]!.replace(/\D/g, ""));
  }
  return [...out].sort();
}

const RANKED = "highest|lowest|largest|smallest|biggest|most|least|fewest|best|worst|busiest|cheapest|costliest";
/**
 * Where a claim ranks something: "the second-lowest" is 2, "the lowest" and "no county has a
 * lower rate than" are 1. "the lowest" is not "the second-lowest", though no number differs.
 */
export function ranksOf(text: string): string[] {
  const lower = text.toLowerCase();
  const out = new Set<string>();
  const ORDINAL: Record<string, string> = { second: "2", third: "3", fourth: "4", fifth: "5", sixth: "6", seventh: "7", eighth: "8", ninth: "9", tenth: "10" };
  let rest = lower.replace(new RegExp(String.raw`\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+(?:${RANKED})\b`, "g"), (_, n: string) => {
    out.add(ORDINAL[n] ?? n.replace(/\D/g, ""));
    return " ";
  });
  rest = rest.replace(new RegExp(String.raw`\b(?:the|its|their|a record)\s+(?:${RANKED})\b`, "g"), () => {
    out.add("1");
    return " ";
  });
  if (/\bno\b(?:\s+[\w'’-]+){1,8}?\s+(?:higher|lower|more|less|fewer|greater|larger|smaller|bigger|better|worse)\b[^.,;]*\bthan\b/.test(rest)) out.add("1");
  return [...out].sort();
}

/** Conditions a figure is given with ("3% plus inflation", "inflation plus 3%"): "3% plus inflation" is not "3%". */
export function qualifiersOf(text: string): string[] {
  const lower = text.toLowerCase();
  const after = [...lower.matchAll(/\b(plus|minus|adjusted for|before|after) (inflation|taxes|tax|fees|interest)\b/g)].map((m) => `${m[1]} ${m[2]}`);
  // The condition written first: "inflation plus 3 percent" is "3 percent plus inflation".
  const before = [...lower.matchAll(/\b(inflation|taxes|tax|fees|interest) (plus|minus) (?=[$\d]|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)/g)].map((m) => `${m[2]} ${m[1]}`);
  return [...new Set([...after, ...before])].sort();
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** A month as written ("Oct.", "October", "Sept"): capitalised, so "may" and "march" the words are not months. */
const MONTH = String.raw`\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?`;
/** A month alone ("May", "June") could be a verb or a name: a month only after a word that takes a time. */
const TIME_WORD = /\b(?:the|in|by|since|until|till|through|from|to|of|last|next|this|early|late|mid|each|every|during|before|after|between|and|an|average|typical)\s*$/i;

/**
 * The dates a claim names, as "oct 21" or, without a day, "oct": lib/claims reads no quantity in
 * "Oct. 21 to Nov. 3", yet the 3rd is not the 2nd, nor January July.
 */
export function datesOf(written: string): string[] {
  const text = datesAsMonthDay(written);
  const out = new Set<string>();
  if (!/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text)) return [];
  for (const m of text.matchAll(new RegExp(`${MONTH}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent|,\\d)))?`, "g"))) {
    const month = MONTHS[MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase())]!;
    // A month without a day only after a word that takes a time, or before a year: "June" and "April" are names too.
    if (!m[2] && !TIME_WORD.test(text.slice(0, m.index)) && !/^\s+(?:19|20)\d\d\b/.test(text.slice(m.index + m[0].length))) continue;
    out.add(m[2] ? `${month} ${Number(m[2])}` : month);
  }
  // A day given makes its bare month redundant: "in October, on Oct. 21" is "oct 21".
  for (const d of [...out]) if (d.includes(" ")) out.delete(d.split(" ")[0]!);
  return [...out].sort();
}

/** Quarters of a year ("Q1", "the first quarter"): Q1 2026 is not Q4 2025. */
export function quartersOf(text: string): string[] {
  const out = new Set<string>();
  // "between January and March", "April through June": a quarter's three months.
  for (const m of text.matchAll(/\b(January|April|July|October)(?:\s*(?:-|–|-to-)\s*|\s+(?:and|to|through|until)\s+|,\s+\w+,?\s+and\s+)(March|June|September|December)\b/g)) {
    const q = ["January", "April", "July", "October"].indexOf(m[1]!);
    if (["March", "June", "September", "December"].indexOf(m[2]!) === q) out.add(`q${q + 1}`);
  }
  for (const m of text.matchAll(/\bQ([1-4])\b|\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b/gi)) {
    out.add(`q${m[1] ?? { first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 }[m[2]!.toLowerCase() as "first"]}`);
  }
  return [...out].sort();
}

/** Per head, in any of its words: "per student" is "per pupil", "per resident" "per capita". */
const PER_HEAD: Record<string, string> = { pupil: "student", resident: "person", capita: "person" };

/** Rates ("a day", "per month", "annually") a figure is given in. */
export function ratesOf(text: string): string[] {
  const out = new Set<string>();
  // "per quarter", not "a quarter" (a fourth); "per term", not "a term" (of office); "per
  // student", not "a student" (who said so). "On a typical weekday" is not "per day".
  const lower = text.toLowerCase();
  // "every other week" and "every two weeks" are one rate, not "every week".
  for (const m of lower.matchAll(/\bevery\s+(?:other|second|(two|three|four|five|six|\d+))\s+(day|week|month|year)s?\b|\b(biweekly|fortnightly)\b/g)) {
    out.add(m[3] ? "2 weeks" : `${m[1] ? (/\d/.test(m[1]) ? m[1] : ["two", "three", "four", "five", "six"].indexOf(m[1]) + 2) : 2} ${m[2]}s`);
  }
  for (const m of lower.matchAll(/\b(?:a|an|per|each|every|for each|for every)\s+(day|week|month|year|hour|semester|night|acre|hectare|gallon|liter|litre|mile|kilometer|pound|ton)\b(?!\s+(?:ago|earlier|later|before|after)\b)|\b(?:per|each|every|for each|for every)\s+(quarter|term|student|resident|person|household|capita|pupil|patient|worker|employee)\b|\b(daily|weekly|monthly|quarterly|annually|annual|yearly|hourly|nightly)\b/g)) {
    out.add(PER_HEAD[m[2] ?? ""] ?? m[1] ?? m[2] ?? { daily: "day", weekly: "week", monthly: "month", quarterly: "quarter", annually: "year", annual: "year", yearly: "year", hourly: "hour", nightly: "night" }[m[3] as "daily"]);
  }
  if (/\b(?:a|an|per|each|every|typical|average)\s+weekday\b|\bweekdays\b/.test(lower)) out.add("weekday");
  // "for each of the next three years" is a yearly rate; "in total over three years" is none.
  for (const m of lower.matchAll(/\beach of the (?:next|past|last|coming|following) (?:[\w-]+ )?(year|month|week)s\b/g)) out.add(m[1]!);
  if (/\bin total\b|\ball told\b|\bcumulative(?:ly)?\b|\bcombined\b/.test(lower)) out.add("in total");
  return [...out].sort();
}

/** Days of the week ("Tuesday's ice storm"): Tuesday is not Thursday. */
export function weekdaysOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/g)].map((m) => m[1]!.slice(0, 3).toLowerCase()))].sort();
}

/**
 * Units of one kind a claim names anywhere, as "kind:unit": lib/claims reads a unit only right after
 * its number, so "seventeen more miles" against "17 kilometers", "2.1 degrees Fahrenheit" against
 * "Celsius", "lane-miles" against "miles" went unseen. A measure written as acre-feet or square
 * miles is its own unit, not an acre, a foot or a mile.
 */
export function measuresOf(text: string): string[] {
  const out = new Set<string>();
  let rest = text.toLowerCase();
  const take = (pattern: RegExp, unit: string) => {
    rest = rest.replace(pattern, () => {
      out.add(unit);
      return " ";
    });
  };
  take(/\bacre[\s-](?:feet|foot)\b/g, "volume:acre-foot");
  take(/\bcubic\s+(?:feet|foot|meters?|metres?|yards?)\b/g, "volume:cubic");
  take(/\bsquare\s+(miles?|kilomet(?:er|re)s?|feet|foot|meters?|metres?)\b/g, "area:square");
  take(/\blane[\s-]miles?\b/g, "length:lane-mile");
  take(/\b(?:kilowatt|kw)[\s-]?hours?\b|\bkwh\b/g, "energy:kwh");
  take(/\b(?:megawatt|mw)[\s-]?hours?\b|\bmwh\b/g, "energy:mwh");
  take(/\bfahrenheit\b|°\s*f\b/g, "temperature:fahrenheit");
  take(/\bcelsius\b|\bcentigrade\b|°\s*c\b/g, "temperature:celsius");
  take(/\bmiles?\b/g, "length:mile");
  take(/\bkilomet(?:er|re)s?\b|\bkm\b/g, "length:kilometer");
  take(/\bacres?\b/g, "area:acre");
  take(/\bhectares?\b/g, "area:hectare");
  take(/\bgallons?\b/g, "volume:gallon");
  take(/\blit(?:er|re)s?\b/g, "volume:liter");
  take(/\bkilograms?\b|\bkg\b/g, "weight:kilogram");
  take(/\b(?:metric\s+)?tonnes?\b/g, "weight:tonne");
  take(/\btons?\b/g, "weight:ton");
  take(/\bkilowatts?\b/g, "power:kilowatt");
  take(/\bmegawatts?\b/g, "power:megawatt");
  return [...out].sort();
}

/** The years a claim names ("in 2023", "FY 2020", "between 2018 and 2023"); "the year before" 2023 is 2022. */
export function yearsOf(text: string): string[] {
  // "FY2025" and "FY25" are fiscal 2025 as much as "FY 2025" is.
  const years = new Set([...text.matchAll(/(?:\b|(?<=\bFY))(?:19|20)\d\d\b/g)].map((m) => m[0]));
  for (const m of text.matchAll(/\bFY'?(\d\d)\b/g)) years.add(`20${m[1]}`);
  // "2023-24" is the span 2023 to 2024, as "2023–2024" is.
  for (const m of text.matchAll(/\b((?:19|20)\d)(\d)[-–](\d\d)\b/g)) if (Number(m[3]) === (Number(`${m[1]!.slice(-1)}${m[2]}`) + 1) % 100) years.add(`${m[1]!.slice(0, 2)}${m[3]}`);
  if (years.size === 1 && /\b(?:the|a) year (?:before|earlier|prior)\b|\bthe (?:previous|prior) year\b/i.test(text)) {
    years.add(String(Number([...years][0]) - 1));
  }
  // "up from 1,050 two years earlier" than 2025 is 2023.
  const back = /\b(\d|two|three|four|five|six|seven|eight|nine|ten) years (?:before|earlier|prior)\b/i.exec(text);
  if (years.size === 1 && back) {
    const n = /\d/.test(back[1]!) ? Number(back[1]) : ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].indexOf(back[1]!.toLowerCase()) + 2;
    years.add(String(Number([...years][0]) - n));
  }
  return [...years].sort();
}

function equalFigures(a: Figure, b: Figure): boolean {
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  if (a.end && b.end && a.end !== b.end) return false;
  // Strictly within half a step: "$2" is "$2.01" rounded, but "$2.50" is not "$2" (nor "$3").
  const tolerance = Math.max(a.tolerance, b.tolerance);
  return Math.abs(a.value - b.value) < tolerance - Math.abs(a.value) * 1e-9 || Math.abs(a.value - b.value) <= Math.abs(a.value) * 1e-9;
}

/**
 * Numbers that are names, not quantities ("Route 9", "287(g)", "Proposition 12", "I-95"): lib/claims
 * reads none of them, yet Route 9 is not Route 0. Compared as they are written.
 */
export function identifiersOf(text: string): string[] {
  const out = new Set<string>();
  if (!/\d/.test(text)) return [];
  for (const m of text.matchAll(/\b(\d+)\(([a-z])\)/gi)) out.add(`${m[1]}(${m[2]!.toLowerCase()})`);
  const named = /\b(route|highway|hwy|interstate|i|us|sr|proposition|prop|measure|question|initiative|section|district|ward|precinct|title|article|amendment|bill|hb|sb|ab|chapter|rule|line|terminal|gate|building|school no|unit|local)\.?[ -]?(\d+[a-z]?)\b/gi;
  for (const m of text.matchAll(named)) {
    const kind = m[1]!.toLowerCase();
    // "I-95" with its hyphen only: "I 100% support it" is a speaker.
    if (kind === "i" && !m[0].includes("-")) continue;
    // "Section 8" and "Local 100" read only capitalised, so "line 3" of a table or "section 2" of a text stay words.
    if (m[1]![0] !== m[1]![0]!.toUpperCase()) continue;
    out.add(`${{ hwy: "highway", prop: "proposition", i: "interstate" }[kind] ?? kind} ${m[2]!.toLowerCase()}`);
  }
  return [...out].sort();
}

/** The sizes of a claim's changes, as a difference in the ends' unit and as a percentage of the start. */
function changeSizes(figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  figures.forEach((from, i) => {
    const to = figures[i + 1];
    if (!to || from.value === 0) return;
    // A change's two ends, or two figures in one measure ("from 3 years to 1.5 years", which lib/claims reads as two).
    const ends = from.end === "from" && to.end === "to";
    const difference = Math.abs(to.value - from.value);
    const tolerance = Math.max(from.tolerance, to.tolerance);
    // Two rates in percent ("to 7.75 percent from 8.25 percent") differ by points: "half a percentage point".
    if ((ends || (!from.end && !to.end)) && from.unit === "percent" && to.unit === "percent") {
      out.push({ raw: `${Math.round(difference * 1e5) / 1e3} percentage points`, value: difference * 100, unit: "percentage point", tolerance: tolerance * 100 });
    }
    const pair = ends || (!from.end && !to.end && from.unit !== null && from.unit === to.unit && from.unit !== "percent");
    if (!pair) return;
    out.push({ raw: String(difference), value: difference, unit: from.unit === "percent" ? null : from.unit, tolerance });
    // Percent figures are fractions here ("50%" is 0.5).
    const share = difference / Math.abs(from.value);
    out.push({ raw: `${Math.round(share * 1000) / 10}%`, value: share, unit: "percent", tolerance: Math.max(0.005, tolerance / Math.abs(from.value)) });
  });
  return out;
}

/** What figures are compared on, read once per claim text. */
export interface ClaimFigures {
  figures: Figure[];
  years: string[];
  times: string[];
  rates: string[];
  ordinals: string[];
  qualifiers: string[];
  dates: string[];
  identifiers: string[];
  quarters: string[];
  weekdays: string[];
  measures: string[];
  ranks: string[];
}

/** The figures, years, relative times and rates of a claim. */
export function claimFigures(claim: { text: string; quantities?: readonly Quantity[] }): ClaimFigures {
  const { text } = claim;
  return { figures: figuresOf(claim.quantities ?? quantitiesOf(text)), years: yearsOf(text), times: relativeTimesOf(text), rates: ratesOf(text), ordinals: ordinalsOf(text), qualifiers: qualifiersOf(text), dates: datesOf(text), identifiers: identifiersOf(text), quarters: quartersOf(text), weekdays: weekdaysOf(text), measures: measuresOf(text), ranks: ranksOf(text) };
}

/** Figures and years of two claims compared, with the reasons in words. */
export function compareFigures(a: { text: string; quantities?: readonly Quantity[] } | ClaimFigures, b: { text: string; quantities?: readonly Quantity[] } | ClaimFigures): FigureComparison {
  const ca = "figures" in a ? a : claimFigures(a);
  const cb = "figures" in b ? b : claimFigures(b);
  const fa = ca.figures;
  const fb = cb.figures;
  const ya = ca.years;
  const yb = cb.years;
  const reasons: string[] = [];
  let differs = false;
  const differing = (what: string, x: string[], y: string[]) => {
    if (x.length === 0 || y.length === 0 || x.join() === y.join()) return;
    differs = true;
    reasons.push(`different ${what}: ${x.join(", ")} vs ${y.join(", ")}`);
  };
  differing("year", ya, yb);
  // A year on one side only dates a figure the other gives undated ("has $900 million" vs "held
  // $900 million in 2019"): the blind sets' paraphrases keep their years, their variants change them.
  if ((ya.length === 0) !== (yb.length === 0)) {
    differs = true;
    reasons.push(`a year in one claim only: ${[...ya, ...yb].join(", ")}`);
  }
  // A month alone against a day of it is less said, not another date: "at the end of June" vs "June 30".
  const dayOf = (d: string, others: string[]) => others.includes(d) || (!d.includes(" ") ? others.some((o) => o.startsWith(`${d} `)) : others.includes(d.split(" ")[0]!));
  if (!(ca.dates.every((d) => dayOf(d, cb.dates)) && cb.dates.every((d) => dayOf(d, ca.dates)))) differing("date", ca.dates, cb.dates);
  differing("name", ca.identifiers, cb.identifiers);
  differing("quarter", ca.quarters, cb.quarters);
  differing("day of the week", ca.weekdays, cb.weekdays);
  differing("rank", ca.ranks, cb.ranks);
  // A unit of one kind on each side that the other lacks: miles vs kilometers, not miles vs "17 km (10.6 miles)".
  const kinds = new Set(ca.measures.map((m) => m.split(":")[0]));
  for (const kind of kinds) {
    const ma = ca.measures.filter((m) => m.startsWith(`${kind}:`));
    const mb = cb.measures.filter((m) => m.startsWith(`${kind}:`));
    if (ma.some((m) => !mb.includes(m)) && mb.length > 0 && mb.some((m) => !ma.includes(m))) {
      differs = true;
      reasons.push(`different unit: ${ma.map((m) => m.split(":")[1]).join(", ")} vs ${mb.map((m) => m.split(":")[1]).join(", ")}`);
    }
  }
  // A time on one side only is the base of a comparison the other leaves unsaid ("next year, up
  // from this year" vs "next year"): times differ only when each side names one the other lacks.
  if (ca.times.some((t) => !cb.times.includes(t)) && cb.times.some((t) => !ca.times.includes(t))) differing("time", ca.times, cb.times);
  differing("rate", ca.rates, cb.rates);
  differing("ordinal", ca.ordinals, cb.ordinals);
  // A condition on one side only changes the figure ("3% plus inflation" vs "3%").
  if (ca.qualifiers.join() !== cb.qualifiers.join()) {
    differs = true;
    reasons.push(`different condition: ${ca.qualifiers.join(", ") || "none"} vs ${cb.qualifiers.join(", ") || "none"}`);
  }
  if (fa.length === 0 && fb.length === 0) return differs ? { agreement: "different", reasons } : { agreement: "none", reasons };
  if (fa.length === 0 || fb.length === 0) {
    const only = (fa.length > 0 ? fa : fb).map((f) => f.raw).join(", ");
    reasons.push(`figures in one claim only: ${only}`);
    return { agreement: differs ? "different" : "one-sided", reasons };
  }
  // Each figure of the shorter list must find its own equal in the longer one.
  const [few, many] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  const unused = [...many];
  const unmatched: Figure[] = [];
  for (const f of few) {
    const i = unused.findIndex((g) => equalFigures(f, g));
    if (i >= 0) unused.splice(i, 1);
    else unmatched.push(f);
  }
  if (unmatched.length > 0) {
    const left = (few === fa ? unmatched : unused).map((f) => f.raw);
    const right = (few === fa ? unused : unmatched).map((f) => f.raw);
    reasons.push(`different number: ${left.join(", ") || "none"} vs ${right.join(", ") || "none"}`);
    return { agreement: "different", reasons };
  }
  // A change's size said beside its two ends ("up 50 cents, to $5.25 from $4.75"; "halved, from 36
  // months to 18") says nothing the ends do not: not a figure of one claim only.
  const sizes = [...changeSizes(fa), ...changeSizes(fb)];
  const extra = unused.filter((f) => !sizes.some((g) => equalFigures(f, g)));
  if (extra.length > 0) {
    reasons.push(`figures in one claim only: ${extra.map((f) => f.raw).join(", ")}`);
    return { agreement: differs ? "different" : "one-sided", reasons };
  }
  if (differs) return { agreement: "different", reasons };
  const shown = fa.map((f) => f.raw).join(", ");
  reasons.push(`same figures: ${shown}${ya.length > 0 ? `, ${ya.join(", ")}` : ""}`);
  return { agreement: "same", reasons };
}
