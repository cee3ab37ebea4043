/**
 * Numbers written in words, made digits before the claim's quantities are read, so both sides of a
 * pair say a number the same way: "two hundred thousand" = "200,000", "a trillion dollars" =
 * "$1 trillion", "nine in ten" = "90%", "two dozen" = "24", "four and a half percent" = "4.5%",
 * "cut in half" = "cut by 50%", "a decade" = "10 years". Pure; only matching reads the result
 * (lib/claims keeps the words as written).
 */

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join("|")})`;
/** Two or more number words in a row ("two hundred", "twenty-five", "one million"), "and" allowed inside. */
const COMPOUND = new RegExp(`\\b${WORD}(?:(?:[\\s-]+|\\s+and\\s+)${WORD})+\\b`, "gi");
const SMALL = `(?:\\d+|${Object.keys(UNITS).join("|")}|${Object.keys(TENS).join("|")})`;

/** The value of number words ("two hundred thousand" → 200000), or null when they do not make one number. */
export function wordsValue(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word === "hundred") current = (current || 1) * 100;
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINAL_WORDS = ORDINALS.join("|");
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const ordinalValue = (day: string) => (/^\d/.test(day) ? Number.parseInt(day, 10) : ORDINALS.indexOf(day.toLowerCase()) + 1);

/** "the first of March", "the 21st of June" written as "March 1", "June 21", the way dates are read (figures.ts datesOf). */
export function datesAsMonthDay(text: string): string {
  return text
    .replace(DAY_OF_MONTH, (_, day: string, month: string) => `${month} ${ordinalValue(day)}`)
    // "the last day of September", "the end of June 2024": the month's last day.
    .replace(LAST_OF_MONTH, (_, month: string) => `${month} ${LAST_DAY[MONTHS.split("|").indexOf(month)]}`)
    // Holidays with a fixed date.
    .replace(/\bNew Year['’]s Day\b/g, "January 1")
    .replace(/\bNew Year['’]s Eve\b/g, "December 31")
    .replace(/\b(?:Independence Day|the Fourth of July)\b/g, "July 4")
    .replace(/\bChristmas Day\b/g, "December 25");
}
const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LAST_OF_MONTH = new RegExp(String.raw`\b(?:the\s+)?(?:last\s+day|end)\s+of\s+(${MONTHS})\b`, "g");
const DAY_OF_MONTH = new RegExp(String.raw`\bthe\s+(${ORDINAL_WORDS}|\d{1,2}(?:st|nd|rd|th))\s+of\s+(${MONTHS})\b`, "g");

/** Fractions after "and": "a half", "a quarter", "three-quarters", "a third", "two-thirds". */
const FRACTION = String.raw`a\s+half|one\s+half|a\s+quarter|one\s+quarter|three[\s-]quarters|a\s+third|one\s+third|two[\s-]thirds`;

function fractionValue(f: string): number {
  const w = f.toLowerCase();
  if (w.includes("half")) return 0.5;
  if (w.includes("three")) return 0.75;
  if (w.includes("quarter")) return 0.25;
  return w.includes("two") ? 2 / 3 : 1 / 3;
}

function small(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return UNITS[w] ?? TENS[w] ?? null;
}

/** `text` with its numbers in words written as digits, for reading quantities. */
export function numbersAsDigits(text: string): string {
  let out = text;
  // "sixteen dollars and fifty cents", "16 dollars and 50 cents" → "$16.50".
  out = out.replace(new RegExp(`\\b(${SMALL}|${WORD}(?:[\\s-]+${WORD})*)\\s+dollars?\\s+and\\s+(${SMALL}|${WORD}(?:[\\s-]+${WORD})*)\\s+cents?\\b`, "gi"), (whole, d: string, c: string) => {
    const dollars = /^\d+$/.test(d) ? Number(d) : wordsValue(d);
    const cents = /^\d+$/.test(c) ? Number(c) : wordsValue(c);
    return dollars === null || cents === null || cents >= 100 ? whole : `$${dollars}.${String(cents).padStart(2, "0")}`;
  });
  // "a quarter cent", "a half-cent sales tax", "a quarter-point cut": the fraction of the unit.
  out = out.replace(/\b(?:(?:a|one)\s+)?(quarter|half)[\s-](cent|point|percentage point)s?\b|\bhalf\s+a\s+(cent|point|percentage point)\b/gi, (_, part: string | undefined, unit: string | undefined, halfOf: string | undefined) => `${part?.toLowerCase() === "quarter" ? 0.25 : 0.5} ${(unit ?? halfOf)!.toLowerCase()}s`);
  // "0.74 gigawatts" is "740 megawatts".
  out = out.replace(/\b(\d[\d,]*(?:\.\d+)?)\s*(?:gigawatts?|GW)\b/g, (_, n: string) => `${Math.round(Number(n.replace(/,/g, "")) * 1e6) / 1e3} megawatts`);
  // "2.1°F" is "2.1 degrees Fahrenheit" (figures.ts reads the scale as a unit).
  out = out.replace(/\s*°\s*F\b/g, " degrees Fahrenheit").replace(/\s*°\s*C\b/g, " degrees Celsius");
  // "50 cents" → "$0.50", so it compares with dollar figures.
  // Not the "5 cents" of "1.5 cents", which was read as "1.$0.05".
  out = out.replace(/(?<![\d.,])\b(\d{1,2})\s+cents\b(?!\s+(?:of|out\s+of)\s+(?:every|each)\b)/gi, (_, c: string) => `$0.${c.padStart(2, "0")}`);
  // "half a million", "a quarter of a million", "three quarters of a billion": a share of the scale (before "a million" is read as 1 million).
  out = out.replace(/\b(half|a half|a quarter|one quarter|three[\s-]quarters)\s+(?:of\s+)?(?:a|one)\s+(million|billion|trillion)\b/gi, (_, share: string, scale: string) => `${/three/i.test(share) ? 0.75 : /quarter/i.test(share) ? 0.25 : 0.5} ${scale}`);
  // "a trillion dollars", "a million people": one of the scale; "one thousand four hundred" is left to the compound pass.
  // Not the "one" of "sixty-one thousand": that is the compound pass's.
  out = out.replace(new RegExp(`(?<!\\b(?:${Object.keys(TENS).join("|")})[\\s-])\\b(?:a|one)\\s+(thousand|million|billion|trillion)\\b(?![\\s-]+(?:and\\s+)?${WORD}\\b)`, "gi"), "1 $1");
  // "a trillion dollars" → "$1 trillion": the currency where lib/claims reads it.
  out = out.replace(/\b(\d[\d,.]*)\s+(thousand|million|billion|trillion)\s+dollars\b/gi, "$$$1 $2");
  // "four and a half percent" → "4.5 percent", before the compound pass reads "four and …".
  // "six and three-quarters", "two and a third" likewise.
  out = out.replace(new RegExp(`\\b(${SMALL})\\s+and\\s+(${FRACTION})\\b`, "gi"), (_, n: string, f: string) => `${Math.round(((small(n) ?? 0) + fractionValue(f)) * 1000) / 1000}`);
  // "a cent and a half", "a dollar and a half", "a point and a half" → 1.5 of the unit.
  out = out.replace(/\b(?:a|one)\s+(cent|dollar|percentage point|point|percent)\s+and\s+a\s+half\b/gi, (_, unit: string) => `1.5 ${unit.toLowerCase() === "percent" ? "percent" : `${unit}s`}`);
  // "nine in ten", "1 in 5" → a percentage.
  out = out.replace(new RegExp(`\\b(${SMALL})\\s+(?:in|out of)\\s+(${SMALL})\\b(?!\\s*(?:%|percent))`, "gi"), (whole, a: string, b: string) => {
    const x = small(a);
    const y = small(b);
    if (x === null || y === null || y === 0 || x > y || y > 1000) return whole;
    return `${Math.round((x / y) * 1000) / 10}%`;
  });
  out = out.replace(COMPOUND, (words) => {
    const value = wordsValue(words);
    return value === null ? words : String(value);
  });
  // "38 cents of every dollar" is 38% of it.
  out = out.replace(new RegExp(`\\b(${SMALL})\\s+cents\\s+(?=(?:of|out\\s+of)\\s+(?:every|each)\\b)`, "gi"), (whole, n: string) => (small(n) === null ? whole : `${small(n)}% `));
  out = out.replace(/\b(?:a|one)\s+dozen\b/gi, "12").replace(new RegExp(`\\b(${SMALL})\\s+dozen\\b`, "gi"), (whole, n: string) => {
    const v = small(n);
    return v === null ? whole : String(v * 12);
  });
  // A half as a change: "cut in half", "fallen by half", "halve", "halved".
  out = out.replace(/\b(?:in|by)\s+half\b/gi, "by 50%").replace(/\bhalv(?:e|ed|es|ing)\b/gi, (w) => `${w.toLowerCase().startsWith("halve") ? "cut" : "cut"} by 50%`);
  // Multiples: "doubled" is not "tripled"; "twice", "twofold", "double the total" are "doubled"'s 2.
  out = out.replace(/\b(doubl|tripl|quadrupl)(ed|es|ing)\b/gi, (_, w: string) => `grew ${{ doubl: 2, tripl: 3, quadrupl: 4 }[w.toLowerCase() as "doubl"]} times`);
  out = out.replace(/\b(?:(doubl|tripl|quadrupl)e|(twice|thrice)|(two|three|four|five|ten)-?fold)\b/gi, (_, verb?: string, times?: string, fold?: string) => {
    const n = verb ? { doubl: 2, tripl: 3, quadrupl: 4 }[verb.toLowerCase() as "doubl"] : times ? (times.toLowerCase() === "twice" ? 2 : 3) : (small(fold!) ?? 0);
    return `${n} times`;
  });
  // A range with one scale or currency for both ends: "$700-900 million" is "$700 million to $900 million".
  // A bare year before "to" is a time, not a range's end ("since 2015 to $640 million").
  out = out.replace(/(\$?)(\d[\d,.]*)\s*(-|–|—|to)\s*(\$?)(\d[\d,.]*)\s+(thousand|million|billion|trillion)\b/gi, (whole, cur: string, a: string, sep: string, cur2: string, b: string, scale: string) => {
    if (!cur && sep.toLowerCase() === "to" && /^(?:19|20)\d\d$/.test(a)) return whole;
    const sign = cur || cur2;
    return `${sign}${a} ${scale} to ${sign}${b} ${scale}`;
  });
  // "between $75 and $90 million" is the range "$75 million to $90 million".
  out = out.replace(/\bbetween\s+(\$?)(\d[\d,.]*)\s+and\s+(\$?)(\d[\d,.]*)\s+(thousand|million|billion|trillion)\b/gi, (_, cur: string, a: string, cur2: string, b: string, scale: string) => {
    const sign = cur || cur2;
    return `${sign}${a} ${scale} to ${sign}${b} ${scale}`;
  });
  // "two years earlier" beside a year names that year less two (figures.ts yearsOf): not a count.
  // So do "a decade later" and "N years later" (the later year).
  out = out.replace(new RegExp(`\\b(?:(?:${SMALL})\\s+years?|(?:a|one)\\s+decade)\\s+(earlier|before|prior|later)\\b`, "gi"), "$1");
  // "every other week" is "every two weeks"; "two decades", "two more decades" are 20 years; "half of what it was" is 50% of it.
  out = out.replace(/\bevery\s+(?:other|second)\s+(day|week|month|year)\b/gi, "every 2 $1s");
  out = out.replace(new RegExp(`\\b(${SMALL})\\s+(more\\s+)?decades\\b`, "gi"), (whole, n: string, more: string | undefined) => (small(n) === null ? whole : `${small(n)! * 10} ${more ?? ""}years`));
  out = out.replace(/\bhalf\s+(?:of\s+)?(?=what\b|(?:the|its|their)\s+(?:level|levels|size|total)\b)/gi, "50% of ");
  // "a half-year", "half a year" is six months.
  out = out.replace(/\b(?:a\s+)?half[\s-]year\b|\bhalf\s+a\s+year\b/gi, "6 months");
  // "the first half of 2025" is its first six months.
  out = out.replace(/\b(first|second)\s+half\s+of\b/gi, "$1 6 months of");
  // "half a decade", "a half decade" → "5 years".
  out = out.replace(/\b(?:half\s+a|a\s+half|the\s+(?:past|last)\s+half)[\s-]+decade\b/gi, (w) => (/past|last/i.test(w) ? "the past 5 years" : "5 years"));
  // "4 hours and 10 minutes" → "250 minutes"; "72 hours" → "3 days" where it divides evenly, as days to weeks below.
  out = out.replace(/\b(\d+)\s+hours?,?\s+and\s+(\d+)\s+minutes?\b/gi, (_, h: string, m: string) => `${Number(h) * 60 + Number(m)} minutes`);
  out = out.replace(/\b(\d+)\s+hours\b/gi, (whole, n: string) => (Number(n) % 24 === 0 && Number(n) >= 48 ? `${Number(n) / 24} days` : whole));
  // A share as a change: "reduced by a fifth" is "reduced by 20%" ("by half" is above).
  out = out.replace(/\bby\s+(?:a|one)\s+(third|quarter|fifth|tenth)\b/gi, (_, part: string) => `by ${{ third: 33.3, quarter: 25, fifth: 20, tenth: 10 }[part.toLowerCase() as "third"]}%`);
  // "a pair of new schools" is two.
  out = out.replace(/\ba\s+pair\s+of\b/gi, "2");
  out = datesAsMonthDay(out);
  // "a year and a half" → "1.5 years" (before the spans below are put in months).
  out = out.replace(/\b(?:a|one)\s+(year|week|month|day|hour)\s+and\s+a\s+half\b/gi, "1.5 $1s");
  // "the past 12 months" is "the past year" (lib/matching/figures.ts reads it as that relative time).
  out = out.replace(/\b(last|past|previous)\s+(?:12|twelve)\s+months\b/gi, "$1 year");
  // "a decade", "the past decade" → "10 years"; "two decades" → "20 years".
  out = out.replace(/\b(?:a|one|the (?:past|last|previous))\s+decade\b/gi, "10 years").replace(/\b(\d+)\s+decades\b/gi, (_, n: string) => `${Number(n) * 10} years`);
  // A span in the larger unit where it divides evenly: "14 days" = "two weeks", "36 months" =
  // "three years", "18 months" = "a year and a half", so a span's two spellings compare as one
  // figure; "40 months" stays 40, not "about three years".
  out = out.replace(/\b(\d+)\s+(days|months)\b/gi, (whole, n: string, unit: string) => {
    const v = Number(n);
    if (unit.toLowerCase() === "days") return v % 7 === 0 && v >= 14 ? `${v / 7} weeks` : whole;
    return v % 6 === 0 && v >= 12 ? `${v / 12} years` : whole;
  });
  return out;
}
