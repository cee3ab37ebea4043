/**
 * Averages whose inputs are in the sentences before them: "The district spends $180 million a year.
 * It enrolls 12,000 students. Spending per student is about $18,000." ($15,000); "… 2.4 million
 * trips on the county's 60 buses. Each bus carried an average of 50,000 trips." (40,000); "On
 * average, each cardholder borrowed 15 books."
 *
 * The rate names what it is over before the figure ("per student", "each bus" with an average, "the
 * average household"), and that noun must name a figure in its sentence or the two before; the
 * numerator is a figure of the rate's unit there (for counts, of the same noun: trips over buses for
 * trips per bus). Every numerator is tried against every denominator; a finding means none gives
 * the rate. rate-per.ts reads the rate whose noun follows its figure ("$80,000 per car").
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatAmount, formatNumber, type Interval, overlaps } from "../interval";
import type { NumberFinding } from "../types";

/** "per student is", "each bus carried an average of", "the average household pays": the noun before the figure. */
const OVER_BEFORE = /\b(?:per|each|every|the average|an average|average)\s+([a-z]+)\b,?[^,;:.]{0,40}?$/i;
const AVERAGE = /\baverag(?:e|ed|es|ing)\b|\bper\b/i;
const CHANGE = /\b(?:rose|fell|up|down|increase|decrease|grew|dropped|climbed|more than|less than|compared|than|from|to)\s+(?:\$)?$/i;
const YEAR = /^(?:19|20)\d\d$/;
/** "an average of $2,500 more": a difference, not the average. */
const DIFFERENCE = /^\s*(?:[a-z]+\s+)?(?:more|less|fewer|extra|higher|lower|above|below|than|over|under)\b/i;
/** Another year or another season than its inputs' ("This year, each family gets …" after "in its first year"). */
const WHEN = /\b(?:(?:19|20)\d\d|this year|next year|last year|first year|a year earlier|the year before)\b/gi;
const whenOf = (text: string) => new Set((text.match(WHEN) ?? []).map((w) => w.toLowerCase()));

/** One noun, singular or plural: "bus" and "buses", "family" and "families", "student" and "students". */
const forms = (w: string): string[] => {
  const s = w.toLowerCase().replace(/['’]s$/, "");
  return [s, `${s}s`, `${s}es`, s.replace(/y$/, "ies")];
};
const PEOPLE = new Set(["capita", "head", "person", "people", "resident", "residents", "inhabitant", "inhabitants", "citizen", "citizens", "population"]);
// "per capita", "per head" are over the people counted ("its 600,000 residents").
const sameNoun = (a: string, b: string) => forms(a).includes(b.toLowerCase()) || forms(b).includes(a.toLowerCase()) || (PEOPLE.has(a.toLowerCase()) && PEOPLE.has(b.toLowerCase()));
const amount = (f: Figure) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw) && f.value > 0 && !YEAR.test(f.raw);
/** The noun a figure counts, its first and last word: "trips last year" → trips, year. */
const nouns = (f: Figure) => (f.counted ?? "").split(/\s+/).filter((w, i, all) => w && (i === 0 || i === all.length - 1));

/**
 * An average in round figures is often rounded further than its digits say ("an average of 50,000"
 * for 49,300): a stated rate ending in zeros admits rounding to two significant figures.
 */
function admitted(rate: Figure): Interval {
  if (rate.hedge || !/0$/.test(rate.raw.replace(/\s*(?:million|billion|thousand)$/i, "").replace(/\D/g, ""))) return rate.range;
  const h = 0.5 * 10 ** (Math.floor(Math.log10(rate.value)) - 1);
  return [Math.min(rate.range[0], rate.value - h), Math.max(rate.range[1], rate.value + h)];
}

/** Averages that the figures of their own sentence and the two before do not bear out. */
export function checkAverages(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const { text } = read.claim;
    const window = claims.slice(Math.max(0, i - 2), i + 1);
    for (const rate of read.figures) {
      if (!amount(rate)) continue;
      const before = text.slice(Math.max(0, rate.at - 70), rate.at - (rate.hedge ? rate.hedge.length + 1 : 0));
      const over = OVER_BEFORE.exec(before);
      if (!over || !AVERAGE.test(text) || CHANGE.test(before) || /\bof\b/i.test(over[1]!) || DIFFERENCE.test(text.slice(rate.end, rate.end + 30))) continue;
      const noun = over[1]!;
      const own = whenOf(text);
      const sameTime = (r: ReadClaim) => r === read || own.size === 0 || whenOf(r.claim.text).size === 0 || [...own].some((w) => whenOf(r.claim.text).has(w));
      const pool = window.filter(sameTime).flatMap((r) => r.figures.map((f) => ({ f, r }))).filter(({ f }) => f !== rate && amount(f));
      const denominators = pool.filter(({ f }) => f.unit !== rate.unit || rate.unit === null).filter(({ f }) => f.unit === null && nouns(f).some((w) => sameNoun(w, noun)));
      const numerators = pool.filter(({ f }) => f.unit === rate.unit && !denominators.some((d) => d.f === f) && (rate.unit !== null || nouns(f).some((w) => sameNoun(w, nouns(rate)[0] ?? ""))));
      if (rate.unit === null && nouns(rate).length === 0) continue;
      const readings = numerators.flatMap((n) => denominators.filter((d) => d.f.value < n.f.value).map((d) => ({ n, d, range: divide(n.f.cited, d.f.cited), value: n.f.value / d.f.value })));
      if (readings.length === 0 || readings.some((r) => overlaps(r.range, admitted(rate)))) continue;
      const { n, d, value } = readings[0]!;
      const expected = `${formatAmount(value, rate.unit === "USD" ? "USD" : null)} per ${over[1]}`;
      out.push(
        finding("rate", {
          claims: [read, ...new Set([n.r, d.r].filter((r) => r !== read))],
          message: `${n.f.raw} / ${d.f.raw} is ${expected}, the text says ${rate.raw}`,
          computation: `${formatNumber(n.f.value)} / ${formatNumber(d.f.value)} = ${formatNumber(value, 2)}`,
          expected,
          stated: rate.raw,
          tolerance: `${rate.tolerance}, or two significant figures for a round average; the inputs' rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  });
  return out;
}
