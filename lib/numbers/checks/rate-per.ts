/**
 * Per-unit rates worked out from the two figures they divide: "$84 million … 1,200 students, a cost
 * of $50,000 per seat"; "2.4 million bushels from 40,000 acres, a yield of 48 bushels an acre";
 * "6.3 million miles on 1.5 million gallons, or 3.2 miles per gallon"; "4,200 children in 60 days,
 * averaging 120 shots a day"; "$2.4 million … 12 guards. That's $300,000 per guard"; the inverse,
 * "24 librarians serving 180,000 residents, one for every 5,000 people"; and one period's figure
 * restated over another ("18 million gallons a day, or about 180 million gallons a week").
 *
 * rate.ts reads rates over a numbered base ("per 100,000") and a closed list of nouns; this check reads
 * any "per X" / "a X" whose X names one of the figures beside it (its unit, its noun, the word before
 * it: "will seat 1,200"), so the denominator is never a guess. Every numerator of the rate's unit is
 * tried against every such denominator; a finding means none of them gives the rate.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatAmount, formatNumber, type Interval, overlaps, times } from "../interval";
import type { NumberFinding } from "../types";

// The rate presented as following from its inputs.
const LEAD = /(?:,\s*(?:or\s+)?|\b(?:or|that's|that is|this is|which is|works? out to|worked out to|comes? to|amounts? to|averaging|an average of|on average|(?:a|an|the|its|their) (?:average )?(?:cost|yield|rate|price|spend|ratio|harvest|density) of|at)\s+)(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+|approximately\s+|just over\s+|just under\s+)?$/i;
/** "per gallon", "an acre", "a day", "each": the unit the rate is over, up to two words after the figure. */
const PER = /^\s*((?:[a-z-]+\s+){0,2}?)(?:per|an?|each|for each)\s+([a-z]+)\b/i;
const ONE_FOR_EVERY = /\bone\s+(?:[a-z]+\s+)?(?:for|per)\s+(?:every|each)\s+$/i;
const PERIOD_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 365 / 12, year: 365 };
const SAME = [new Set(["people", "person", "resident", "inhabitant", "citizen", "individual"])];

const stem = (w: string) => {
  const s = w.toLowerCase().replace(/['’]s$/, "");
  if (/(?:ch|sh|ss|x)es$/.test(s)) return s.slice(0, -2);
  if (/ies$/.test(s)) return `${s.slice(0, -3)}y`;
  return s.endsWith("s") && !s.endsWith("ss") ? s.slice(0, -1) : s;
};
const alike = (a: string, b: string) => a === b || SAME.some((g) => g.has(a) && g.has(b));
const amount = (f: Figure) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw) && f.value > 0;

/** The words that name what a figure counts: its unit, its noun's first and last word, the word before it. */
function namesOf(text: string, f: Figure): string[] {
  const words = [f.unit ?? "", ...(f.counted ?? "").split(/\s+/).filter((w, i, all) => i === 0 || i === all.length - 1)];
  const before = /([a-z]+)\s+$/i.exec(text.slice(Math.max(0, f.at - 16), f.at));
  if (before) words.push(before[1]!);
  return words.filter(Boolean).map(stem);
}

interface Reading {
  numerator: Figure;
  denominator: Figure;
  range: Interval;
  value: number;
}

/** Per-unit rates that the two figures they divide do not bear out. */
export function checkPerUnitRates(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const { text } = read.claim;
    for (const rate of read.figures) {
      if (!amount(rate)) continue;
      const before = text.slice(Math.max(0, rate.at - 30), rate.at);
      const inverse = ONE_FOR_EVERY.test(before);
      const per = inverse ? null : PER.exec(text.slice(rate.end, rate.end + 40));
      if (!inverse && (!per || !LEAD.test(before))) continue;
      // A per-period figure restated over another period: "18 million gallons a day, or 180 million a week".
      const perWord = per ? stem(per[2]!) : "";
      if (per && perWord in PERIOD_DAYS) {
        const f = restatedOverPeriod(read, rate, perWord);
        if (f) {
          out.push(f);
          continue;
        }
      }
      // The rate's figures are its own sentence's, or the sentence before when it points back ("That's").
      // "The yield of 200 bushels an acre was a record" names the sentence before's harvest the same way.
      const backward = /^(?:that|this|it|which|the (?:average )?(?:yield|cost|price|spend|harvest|density) of)\b/i.test(text) && i > 0;
      const pool = [...(backward ? claims[i - 1]!.figures : []), ...read.figures].filter((g) => g !== rate && amount(g) && !/^(?:19|20)\d\d$/.test(g.raw));
      const readings: Reading[] = [];
      if (inverse) {
        // "one for every 5,000 people": people over the things counted, each way round.
        for (const n of pool) for (const d of pool) if (n !== d && n.value > d.value && n.unit === rate.unit) readings.push({ numerator: n, denominator: d, range: divide(n.cited, d.cited), value: n.value / d.value });
      } else {
        // A rate in money or a measure divides by something else ("$3.6 million for 45 cars" is no count of cars).
        const denominators = pool.filter((g) => (rate.unit === null || g.unit !== rate.unit) && namesOfIn(read, claims[i - 1], backward, g).some((w) => alike(w, perWord)));
        const numerators = pool.filter((g) => g.unit === rate.unit && !denominators.includes(g));
        // A count of one or more per unit is never a smaller count over a larger: "14 boats made 52,000
        // crossings, or about 40 riders a crossing" divides riders the sentence does not give, not boats.
        for (const n of numerators) for (const d of denominators) if (!(rate.unit === null && rate.value >= 1 && n.value < d.value)) readings.push({ numerator: n, denominator: d, range: divide(n.cited, d.cited), value: n.value / d.value });
      }
      if (readings.length === 0 || readings.some((r) => overlaps(r.range, rate.range))) continue;
      const { numerator, denominator, value } = readings[0]!;
      const over = inverse ? "" : ` per ${per![2]}`;
      const expected = `${formatAmount(value, rate.unit === "USD" ? "USD" : null)}${over}`;
      out.push(
        finding("rate", {
          claims: backward && !read.figures.includes(numerator) ? [read, claims[i - 1]!] : [read],
          message: `${numerator.raw} / ${denominator.raw} is ${expected}, the text says ${inverse ? "one for every " : ""}${rate.raw}${over}`,
          computation: `${formatNumber(numerator.value)} / ${formatNumber(denominator.value)} = ${formatNumber(value, 2)}`,
          expected,
          stated: `${rate.raw}${over}`,
          tolerance: `${rate.tolerance}; the inputs' rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  });
  return out;
}

/** The names of `g` read in the text it belongs to. */
function namesOfIn(read: ReadClaim, previous: ReadClaim | undefined, backward: boolean, g: Figure): string[] {
  if (read.figures.includes(g)) return namesOf(read.claim.text, g);
  return backward && previous ? namesOf(previous.claim.text, g) : [];
}

/** "18 million gallons a day, or about 180 million gallons a week": the earlier figure per its period, scaled. */
function restatedOverPeriod(read: ReadClaim, rate: Figure, period: string): NumberFinding | null {
  const { text } = read.claim;
  const earlier = read.figures.filter((g) => g.end <= rate.at && g !== rate && g.unit === rate.unit && amount(g));
  const readings = earlier.flatMap((g) => {
    // "18 million gallons a day", and "$45 million in claims last year" (a year's figure).
    const after = text.slice(g.end, g.end + 40);
    const per = /^\s*(?:[a-z-]+\s+){0,3}?(?:per|an?|each|last|this)\s+([a-z]+)\b/i.exec(after) ?? /^\s*(?:[a-z-]+\s+){0,3}?(annually|yearly)\b/i.exec(after);
    const from = per ? (/^(?:annually|yearly)$/i.test(per[1]!) ? "year" : stem(per[1]!)) : "";
    if (!(from in PERIOD_DAYS) || from === period) return [];
    const k = PERIOD_DAYS[period]! / PERIOD_DAYS[from]!;
    return [{ g, from, k, range: times(g.cited, k) }];
  });
  if (readings.length === 0 || readings.some((r) => overlaps(r.range, rate.range))) return null;
  const { g, from, k } = readings[0]!;
  const expected = `${formatAmount(g.value * k, rate.unit === "USD" ? "USD" : null)} a ${period}`;
  return finding("rate", {
    claims: [read],
    message: `${g.raw} a ${from} is ${expected}, the text says ${rate.raw} a ${period}`,
    computation: `${formatNumber(g.value)} × ${formatNumber(k, 3)} = ${formatNumber(g.value * k, 2)}`,
    expected,
    stated: `${rate.raw} a ${period}`,
    tolerance: `${rate.tolerance}; the input's rounding, up to 1%, is allowed for`,
  });
}
