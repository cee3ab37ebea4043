/**
 * Rates: a rate or per-capita figure stated as worked out from figures beside it ("84 homicides …
 * among its 700,000 residents, a rate of 21 per 100,000"; "$96 million … for its 12,000 pupils works
 * out to $9,000 per pupil"; "18,000 people out of work, putting the jobless rate at 6.5%").
 *
 * Which figure is the numerator is not always plain, so every reading of the sentence (and of the
 * sentence before, when the rate's own has too few figures) is tried; a finding means none fits.
 */
import { changeStatement } from "../cues";
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatAmount, formatNumber, type Interval, overlaps, times } from "../interval";
import type { NumberFinding } from "../types";

// The rate is presented as following from its inputs, not as a figure of its own.
const DERIVED = /(?:,\s+(?=about|roughly|around|nearly|almost|some|approximately)|\b(?:works? out to|worked out to|working out to|or|a rate of|that is|which is|putting|puts|put|equal to|equals|equivalent to|amounts? to|comes? to|means?|making|giving|translates? (?:in)?to|an average of|averaging|on average)\s+)(?:(?:the\s+)?[\w-]+\s+rate\s+(?:at|of|to)\s+)?(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+|approximately\s+)?$/i;
const NAMED_RATE = /\b(?:an?|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?rate\s+(?:of|at|was|is|stood at|stands at)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|some\s+)?$/i;
// "per pupil", "for every 1,000 people", "a head", "each": the base a rate is given over.
const PER = /^\s*(?:[\w-]+\s+){0,2}?(?:(each|apiece)\b|(?:per|for every|for each|out of every|in every|an?(?=\s+(?:head|person|resident|pupil|student|household|capita|meter|metre|member|worker|employee|patient|bed|seat|home|house|unit|car|vehicle|bus|school|family|child|user|customer|rider|voter|inmate|officer|teacher|acre|mile|kilometre|kilometer)\b))\s+(?:(?!(?:cent|year|month|week|day|hour|minute|second|annum|night|mile|gallon|kilometre|kilometer|ton|tonne|pound|kilo|kg|square|acre|unit)s?\b)([a-z]+)\b|(\d{1,3}(?:,\d{3})+|\d+|thousand|million)\b))/i;

// "…, or 37.5% of the total", "made up 65% of the total", "roughly a third of the total".
const SHARE_BEFORE = /(?:,\s*or|\bmade up|\bmake up|\bmakes up|\baccounted for|\baccounts? for|\baccounting for|\brepresent(?:s|ed|ing)?|\bthat is|,)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+|approximately\s+|just over\s+|just under\s+|more than\s+|less than\s+)?$/i;
const CLAUSE_END = /^\s*(?:[,.;)]|$|and\b)/i;
const SHARE_AFTER = /^\s+of\s+(?:the|its|their|all|total|them|those|these)\b(?:\s+(?:total|budget|spending|sum|amount|revenue|cost|costs|all)\b)?/i;

interface Rate {
  rate: Figure;
  /** A share of a total ("$450 million from fares, or 37.5% of the total"): part over whole, one unit. */
  share?: boolean;
  /** The "per 100,000" base, 1 for "per person", 100 for a percent rate. */
  base: number;
  baseFigure: Figure | null;
  /** A percent rate's numerator and denominator are counts; a per-person rate's numerator has its unit. */
  numeratorUnit: string | null;
  /** The noun of "per household": the denominator counts it, when a figure beside it says so. */
  over?: string;
}

function ratesOf(read: ReadClaim): Rate[] {
  const { text } = read.claim;
  const out: Rate[] = [];
  for (const f of read.figures) {
    const before = text.slice(Math.max(0, f.at - 40), f.at);
    const after = text.slice(f.end, f.end + 30);
    // "…, or 37.5% of the total"; "120 were accepted, or 45%, and …" (the share of the figure just before).
    if (f.unit === "percent" && changeStatement(text, f, read.figures)) continue;
    if (f.unit === "percent" && SHARE_BEFORE.test(before) && (SHARE_AFTER.test(after) || (/,\s*or\s+(?:about\s+|roughly\s+|nearly\s+)?$/i.test(before) && CLAUSE_END.test(after)))) {
      out.push({ rate: f, share: true, base: 100, baseFigure: null, numeratorUnit: null });
      continue;
    }
    // "an infant mortality rate of 6 per 1,000": a rate named as such, with its base after it.
    const namedRate = f.unit !== "percent" && NAMED_RATE.test(text.slice(Math.max(0, f.at - 50), f.at));
    if (!namedRate && !DERIVED.test(text.slice(Math.max(0, f.at - 50), f.at))) continue;
    if (f.unit === "percent") {
      if (/\brate\s+(?:at|of|to)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, f.at - 30), f.at))) out.push({ rate: f, base: 100, baseFigure: null, numeratorUnit: null });
      continue;
    }
    const per = PER.exec(text.slice(f.end, f.end + 40));
    // "a head" right after the figure ("$260 a head"); "$62,400 for a family of four" is no rate.
    if (!per || (/^\s*(?:[\w-]+\s+)+an?\s/i.test(per[0]) && !/\b(?:per|every|each)\b/i.test(per[0]))) continue;
    const baseText = per[3];
    const baseFigure = baseText ? (read.figures.find((g) => g.at > f.end && g.at <= f.end + 40 && g.raw.replace(/,/g, "") === baseText.replace(/,/g, "")) ?? null) : null;
    const base = baseText ? (baseFigure?.value ?? (baseText === "thousand" ? 1e3 : baseText === "million" ? 1e6 : Number(baseText.replace(/,/g, "")))) : 1;
    out.push({ rate: f, base, baseFigure, numeratorUnit: f.unit, over: per[2]?.toLowerCase() });
  }
  return out;
}

/** Rates that the figures beside them do not bear out. */
export function checkRates(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const applied = percentApplied(read);
    if (applied) out.push(applied);
    for (const r of ratesOf(read)) {
      if (r.share) {
        const f = shareOfTotal(r.rate, read, claims[i - 1], claims[i - 2]);
        if (f) out.push(f);
        continue;
      }
      const others = (c: ReadClaim) => c.figures.filter((g) => g !== r.rate && g !== r.baseFigure && g.unit !== "percent" && g.unit !== "points");
      let pool = others(read);
      let involved = [read];
      let readings = readingsOf(r, pool);
      const previous = claims[i - 1];
      // The sentence before is read too when this one has too few figures, or points back to it
      // ("With a population of about 420,000, that is a rate of 20 deaths per 100,000": the 84
      // deaths are the sentence before's). More readings can only mean fewer findings.
      if (previous && (readings.length === 0 || /\b(?:that|this|which) (?:is|was|means|works out)\b|\bthat's\b/i.test(read.claim.text))) {
        pool = [...others(previous), ...pool];
        involved = [read, previous];
        readings = readingsOf(r, pool);
      }
      // "46,000 boxes, an average of 20 boxes per household": a count per a noun that no figure here
      // counts is over figures the sentence does not give (140 volunteers are not the households).
      if (r.over && r.numeratorUnit === null && !pool.some((g) => countsNoun(g, r.over!))) continue;
      if (readings.length === 0 || readings.some((x) => overlaps(x.range, r.rate.range))) continue;
      const { numerator, denominator, value } = readings[0]!;
      const per = r.base === 100 ? "%" : r.base === 1 ? "" : ` per ${formatNumber(r.base)}`;
      const expected = r.base === 100 ? `${formatNumber(value, 1)}%` : `${formatAmount(value, r.numeratorUnit)}${per}`;
      out.push(
        finding("rate", {
          claims: involved,
          message: `${numerator.raw} / ${denominator.raw} is ${expected}, the text says ${r.rate.raw}${r.base === 100 ? "" : per}`,
          computation: `${formatNumber(numerator.value)} / ${formatNumber(denominator.value)}${r.base !== 1 ? ` × ${formatNumber(r.base)}` : ""} = ${formatNumber(value, 2)}`,
          expected,
          stated: `${r.rate.raw}${r.base === 100 || r.base === 1 ? "" : per}`,
          tolerance: `${r.rate.tolerance}; the inputs' rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  });
  return out;
}

/** Whether a figure counts the noun ("2,300 households" for "per household"). */
function countsNoun(g: Figure, noun: string): boolean {
  const forms = new Set([noun, `${noun}s`, `${noun}es`, noun.replace(/y$/, "ies"), noun.replace(/s$/, "")]);
  return (g.counted ?? "").toLowerCase().split(/\s+/).some((w) => forms.has(w) || forms.has(w.replace(/s$/, "")));
}

interface Reading {
  numerator: Figure;
  denominator: Figure;
  value: number;
  range: Interval;
}

/** Every numerator/denominator pair the figures allow, with the rate it gives. */
function readingsOf(r: Rate, pool: Figure[]): Reading[] {
  const out: Reading[] = [];
  const counts = pool.filter((g) => g.unit === null && g.value > 0);
  const numerators = pool.filter((g) => g.unit === r.numeratorUnit && g.value > 0);
  for (const numerator of numerators) {
    for (const denominator of counts) {
      if (numerator === denominator) continue;
      // A percentage of counts is a part of a whole, the part the smaller; "per station" may go either way.
      if (r.base === 100 && numerator.value >= denominator.value) continue;
      // "per 100,000 residents": a count over a larger population, never the population over the count.
      if (r.base > 1 && numerator.value >= denominator.value) continue;
      const range = times(divide(numerator.cited, denominator.cited), r.base);
      out.push({ numerator, denominator, value: (numerator.value / denominator.value) * r.base, range });
    }
  }
  return out;
}

/**
 * A share of a total against its part and whole: the part is the figure just before the share in
 * its sentence (or, when the sentence has none, any figure of the sentence before), the whole any
 * larger figure in the same unit nearby. A finding when no part and whole give the share.
 */
function shareOfTotal(share: Figure, read: ReadClaim, before: ReadClaim | undefined, earlier?: ReadClaim): NumberFinding | null {
  // A list item's share is of its own list's whole: the sentence before the list is another
  // passage ("41,870 stops … 47,600 in 2023" above "- … make up 18% of the population").
  const previous = before && before.claim.context === read.claim.context ? before : undefined;
  const amount = (f: Figure) => f.unit !== "percent" && f.unit !== "points" && f.value > 0 && /\d/.test(f.raw);
  const own = read.figures.filter((f) => amount(f) && f.end <= share.at);
  // The whole may be two sentences back ("added 3,300 jobs … bringing employment to 68,300 … 1,100
  // of the new jobs, a third of the total"): every figure of the two sentences before is a candidate.
  const twoBack = previous && earlier && earlier.claim.context === read.claim.context ? earlier : undefined;
  const near = [...read.figures.filter(amount), ...(previous?.figures.filter(amount) ?? []), ...(twoBack?.figures.filter(amount) ?? [])];
  // Any figure before the share may be its part: "at 18 of the 120 schools they tested, or 12%"
  // has the whole last. Every reading is tried, so more candidates can only mean fewer findings.
  // The sentence before gives the part only when this one refers back to it ("That was 37.5% of the
  // total"): "Robberies on transit made up about a tenth of the total" names a part it does not give.
  const refersBack = /^(?:that|this|it|those|these|they|the (?:figure|sum|amount|number|total))\b/i.test(read.claim.text);
  const parts = own.length > 0 ? own : refersBack ? (previous?.figures.filter(amount) ?? []) : [];
  const readings: Reading[] = [];
  for (const numerator of parts) {
    for (const denominator of near) {
      if (denominator === numerator || denominator.unit !== numerator.unit || denominator.value <= numerator.value) continue;
      readings.push({ numerator, denominator, value: (numerator.value / denominator.value) * 100, range: times(divide(numerator.cited, denominator.cited), 100) });
    }
  }
  if (readings.length === 0 || readings.some((x) => overlaps(x.range, share.range))) return null;
  const { numerator, denominator, value } = readings[0]!;
  const involved = own.length > 0 && read.figures.includes(denominator) ? [read] : previous?.figures.includes(denominator) || !twoBack ? [read, previous!] : [read, twoBack];
  return finding("rate", {
    claims: involved,
    message: `${numerator.raw} of ${denominator.raw} is ${formatNumber(value, 1)}%, the text says ${share.raw}`,
    computation: `${formatNumber(numerator.value)} / ${formatNumber(denominator.value)} × 100 = ${formatNumber(value, 2)}%`,
    expected: `${formatNumber(value, 1)}%`,
    stated: share.raw,
    tolerance: `${share.tolerance}; the inputs' rounding, up to 1% each, is allowed for`,
  });
}

// The count a percentage gives: "40% of the 2,000 new jobs, or 800"; "91% full, meaning about 218".
const GIVES = /(?:,\s*(?=about|roughly|some|nearly|almost|around|approximately)|,\s*or|\bmeaning|\bthat is|\bwhich is|\bor some|\bor about|\bor roughly|\u2014|\()\s*(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|around\s+|approximately\s+)?$/i;
const NOT_A_SHARE_AFTER = /^\s*(?:more|less|fewer|higher|lower|above|below|increase|decrease|rise|drop|up|down)\b/i;

/**
 * A percentage applied to a whole in the same sentence, and the count it is said to give: the count
 * must follow the percentage as its result ("or 800", "meaning about 218"); the whole is any larger
 * figure of the count's unit. A finding when no whole gives the count.
 */
function percentApplied(read: ReadClaim): NumberFinding | null {
  const { text } = read.claim;
  for (const p of read.figures) {
    if (p.unit !== "percent" || p.value > 100 || NOT_A_SHARE_AFTER.test(text.slice(p.end, p.end + 12)) || changeStatement(text, p, read.figures)) continue;
    const count = read.figures.find((m) => m.at > p.end && m.at - p.end < 60 && m.unit !== "percent" && m.unit !== "points" && GIVES.test(text.slice(Math.max(0, m.at - 30), m.at)));
    if (!count || !/\d/.test(count.raw)) continue;
    const wholes = read.figures.filter((w) => w !== count && w.unit === count.unit && w.value > count.value && /\d/.test(w.raw));
    if (wholes.length === 0) continue;
    const readings = wholes.map((w) => ({ w, range: times(divide(count.cited, w.cited), 100) }));
    if (readings.some((r) => overlaps(r.range, p.range))) continue;
    const { w } = readings[0]!;
    const expected = (p.value / 100) * w.value;
    return finding("rate", {
      claims: [read],
      message: `${p.raw} of ${w.raw} is ${formatAmount(expected, w.unit)}, the text says ${count.raw}`,
      computation: `${formatNumber(p.value, 2)}% × ${formatNumber(w.value)} = ${formatNumber(expected, 1)}; ${formatNumber(count.value)} / ${formatNumber(w.value)} = ${formatNumber((count.value / w.value) * 100, 1)}%`,
      expected: formatAmount(expected, w.unit),
      stated: count.raw,
      tolerance: `${p.tolerance}; ${count.raw}: ${count.tolerance}`,
    });
  }
  return null;
}
