/**
 * Periods: a span in words against the dates beside it — "over the five years from 2020 to 2025"
 * fits, "a five-year increase from 2017 to 2021" does not (four years), nor "in the 18 months from
 * January 2023 to March 2024" (14, or 15 counting both ends).
 *
 * The span is the end minus the start; counting both ends ("fiscal 2019 through 2023" is five fiscal
 * years, "a five-year plan, 2023 to 2027" five calendar years of it) is honest too, except for a
 * change, which is measured between its two dates.
 */
import type { ReadClaim } from "../figures";
import { finding } from "../finding";
import type { NumberFinding } from "../types";
import { bareMonthSpan } from "./period-dates";

export const N = "(\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-four|thirty|forty|fifty)";
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, "twenty-four": 24, thirty: 30, forty: 40, fifty: 50 };
/** The kind of year a span counts in: "the five school years", "three fiscal years". */
const KIND = "(?:fiscal|school|academic|calendar|budget|financial|full|straight|consecutive|successive)";
/** Spans in words that describe the period the sentence's dates bound. */
const SPANS = [
  new RegExp(`\\b(?:past|last|previous|preceding)\\s+${N}\\s+(?:${KIND}\\s+)?(years?|months?)\\b`, "gi"),
  // "launched in 2016, marked its 10th anniversary in 2024".
  /\b(\d{1,3})(?:st|nd|rd|th)\s+(anniversary)\b/gi,
  new RegExp(`\\b(?:in|over|during|across|within|for|took|taken|takes|lasted|lasting|spanned|spanning|ran)\\s+(?:the\\s+|those\\s+)?${N}\\s+(?:${KIND}\\s+)?(years?|months?),?\\s+(?:from|between|since|to|ending|through)\\b`, "gi"),
  // "covering the five school years from 2022 to 2025", "the three fiscal years from fiscal 2020".
  new RegExp(`\\b(?:the|those)\\s+${N}\\s+(?:${KIND}\\s+)?(years?|months?),?\\s+(?:from|between)\\b`, "gi"),
  new RegExp(`\\b${N}[- ](year|month)\\s+(?:period|span|stretch|window|increase|rise|decline|drop|fall|growth|change|run|surge|jump|gain|climb|project|program|programme|plan|contract|study|pilot|campaign|initiative|effort|lease|freeze|phase|rollout|overhaul)\\b`, "gi"),
  new RegExp(`\\b(?:lowest|highest|largest|smallest|biggest|most|fewest|best|worst|first time)\\s+(?:level\\s+|rate\\s+|number\\s+|point\\s+|total\\s+)?(?:in|since)\\s+${N}\\s+(years?|months?)\\b`, "gi"),
  new RegExp(`\\b(?:a|an)\\s+(?:span|period|stretch)\\s+of\\s+${N}\\s+(years?|months?)\\b`, "gi"),
  new RegExp(`\\b(?:past|last|previous|over|in|during|across)\\s+(?:the\\s+)?(two|three|four|five)\\s+(decades)\\b`, "gi"),
  /\b(?:(?:past|last|previous|over a|in a)\s+|the\s+(?=decade\s+(?:from|between|since|through|to)\b))()(decade)\b/gi,
  new RegExp(`\\b${N}[- ](decade|year)\\s+(?:low|high|record|peak|best|worst)\\b`, "gi"),
  // "opened in 2010 and closed 12 years later, in 2019": the span between the sentence's two years.
  new RegExp(`\\b${N}\\s+(years?|months?)\\s+(?:later|after(?:wards?)?|on)\\b`, "gi"),
];
/**
 * Looser spans, read only where the sentence names its dates as a range ("from 2016 to 2020",
 * "between 2018 and 2022", "2020–2025"): "for six straight years", "a 30-month construction", "a
 * rise over five years". Without the range, the years could date other things in the sentence.
 */
const RANGED_SPANS = [
  new RegExp(`\\b(?:for|over|in|across|during|within|spanning|lasting|took|taking|after)\\s+(?:the\\s+|those\\s+|some\\s+)?(?:past\\s+|last\\s+)?${N}\\s+(?:straight\\s+|consecutive\\s+|successive\\s+|full\\s+|running\\s+)?(years?|months?)\\b`, "gi"),
  /\b()(decade)[- ]long\b/gi,
  // "has risen every year for a decade, from 6,100 in 2020 to 7,400 in 2025".
  /\b(?:for|across|during|within|throughout)\s+(?:a|the\s+past|the\s+last)\s+()(decade)\b/gi,
  // "in place from March 2024 to September 2025, lasted nine months".
  new RegExp(`\\b(?:lasted|ran|took|spanned|lasts|runs|takes)\\s+(?:for\\s+)?${N}\\s+(years?|months?)\\b`, "gi"),
  new RegExp(`\\b${N}[- ](year|month)(?:[- ]long)?(?!-old)\\s+(?:[\\w-]+\\s+){0,2}?[a-z]+\\b`, "gi"),
  // "a term of 20 years", "its decade of growth", "five years of construction", "spent six months, from".
  new RegExp(`\\b(?:term|tenure|life|lifespan|run|lease|sentence)\\s+of\\s+${N}\\s+(years?|months?)\\b`, "gi"),
  new RegExp(`\\b${N}\\s+(years?|months?|decades)\\s+of\\s+(?!age\\b|experience\\b)[a-z]+`, "gi"),
  /\b(?:a|the|its|their|his|her|[\w]+['’]s)\s+()(decade)\s+of\s+[a-z]+/gi,
  new RegExp(`\\b(?:spent|spend|spends|needed|took)\\s+${N}\\s+(years?|months?),?\\s+(?:from|between)\\b`, "gi"),
];
const INCLUSIVE = /\b(?:through|thru|inclusive|each of|fiscal|both)\b/i;
const CHANGE = /\b(?:increase[sd]?|rise|rising|rose|risen|decline[sd]?|drop(?:ped)?|fall|fell|fallen|growth|grew|grown|change[sd]?|surge[sd]?|jump(?:ed)?|gain(?:ed)?|climb(?:ed)?|up|down|low|high|record|lowest|highest)\b/i;
const YEAR_RANGE = /\b(?:from|between)\s+(?:(?:fiscal(?: year)?|FY)\s*)?((?:19|20)\d\d)\s+(?:to|and|through|thru|until|till)\s+(?:(?:fiscal(?: year)?|FY)\s*)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s*[–-]\s*((?:19|20)\d\d)\b/i;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** "from 6,100 in 2020 to 7,400 in 2025": a range of two dated figures names its dates as a range too. */
const DATED_RANGE = /\bfrom\s+(?:[^,;.]|[,.](?=\d)){0,40}?\bin\s+(?:fiscal\s+)?(?:19|20)\d\d\s+to\s+(?:[^,;.]|[,.](?=\d)){0,40}?\bin\s+(?:fiscal\s+)?(?:19|20)\d\d\b/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_YEAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d\d)\b/gi;

/** Spans in words that do not fit the dates they are said to cover. */
export function checkPeriods(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const own = read.claim.text;
    // "the lowest in 15 years; the last time it was that low was 2016": the split-off clause dates it.
    const next = claims[i + 1];
    const joined = next && (own.match(YEAR) ?? []).length === 1 && /\b(?:last time|since|last (?:year|month|season|seen|recorded|reached)|not since)\b/i.test(next.claim.text) ? next : null;
    const text = joined ? `${own} ${joined.claim.text}` : own;
    const ranged = namesRange(text);
    // The joined clause only dates this sentence's span: "… since 1952. Maria has run it for 30 years,
    // since 1995" is the next sentence's own span, not one of 1952 to 1995.
    out.push(...spansAgainst(joined ? [read, joined] : [read], own, text, ranged ? [...SPANS, ...RANGED_SPANS] : SPANS));
    if (ranged) {
      const hedged = hedgedSpan(read, text);
      if (hedged) out.push(hedged);
    }
  });
  return out;
}

/** "began in 2019 and ended in 2024", "issued in 2010, matures in 2040": a start and an end, dated. */
export const START_END = /\b(?:began|begun|started|opened|launched|founded|established|built|issued|signed|took office|was elected|joined|arrived|broke ground)\b[^.;]{0,60}?\b(?:19|20)\d\d\b[^.;]{0,80}?\b(?:ended|ending|finished|closed|closing|shut|wrapped up|completed|opened|reopened|matures?|expires?|expired|left|retired|stepped down|was sold|sold|runs? (?:through|until|to)|lasts? until)\b[^.;]{0,30}?\b(?:19|20)\d\d\b|\b(?:retired|left|closed|ended|stepped down|died)\b[^.;]{0,60}?\b(?:19|20)\d\d\b[^.;]{0,80}?\b(?:joined|founded|opened|began|started|was hired|took office)\b[^.;]{0,30}?\b(?:19|20)\d\d\b/i;

/**
 * "The research team, led by Dr. Kim for 11 years, published 40 papers between 2019 and 2024": a span
 * in an aside of its own ("led by …", "who …") is of that aside, not of the dates outside it.
 */
function inAside(text: string, at: number): boolean {
  const start = text.lastIndexOf(",", at);
  const end = text.indexOf(",", at);
  if (start < 0 || end < 0) return false;
  const aside = text.slice(start + 1, end);
  return /^\s*(?:led|run|headed|managed|directed|owned|coached|who|which|whose)\b/i.test(aside) && !/\b(?:19|20)\d\d\b/.test(aside);
}

/** Whether the text names its dates as a range: then its looser span wordings are read too. */
export function namesRange(text: string): boolean {
  // A range of months without years ("from March to November") names its dates as a range too.
  return YEAR_RANGE.test(text) || DATED_RANGE.test(text) || START_END.test(text) || [...text.matchAll(MONTH_YEAR)].length === 2 || ((text.match(YEAR) ?? []).length === 0 && bareMonthSpan(text) !== null);
}

/**
 * The spans in words of `scanned` against the dates of `dated` (the same text, or the sentence before
 * it too when the span points back to it): a finding for each that fits neither count. Each pattern
 * captures the count (none for "a decade") and the unit.
 */
export function spansAgainst(claims: ReadClaim[], scanned: string, dated: string, spans: readonly RegExp[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const re of spans) {
    re.lastIndex = 0;
    for (let m = re.exec(scanned); m; m = re.exec(scanned)) {
      if (scanned === dated && inAside(scanned, m.index)) continue;
      const decades = /^decades?$/i.test(m[2] ?? "");
      const n = (m[1] ? (WORDS[m[1].toLowerCase()] ?? Number(m[1])) : 1) * (decades ? 10 : 1);
      const months = /^month/i.test(m[2] ?? "");
      const span = months ? monthSpan(dated) : yearSpan(dated);
      // A change is measured between its two dates ("a five-year increase from 2017 to 2021" is four);
      // what covers years counts them both ("fiscal 2019 through 2023", "a five-year plan, 2023 to 2027").
      const inclusive = INCLUSIVE.test(dated) || !CHANGE.test(dated);
      if (!span || span.length === n || (inclusive && span.length + 1 === n)) continue;
      // Decades are a round count: "three decades" for 1988 to 2021 (33 years) is honest.
      if (decades && n >= 20 && span.length >= n - 2 && span.length <= n + 3) continue;
      const unit = months ? "months" : "years";
      out.push(
        finding("period", {
          claims,
          message: `${span.from} to ${span.to} is ${span.length} ${unit} (${span.length + 1} counting both ends), the text says '${m[0]}'`,
          computation: `${span.to} − ${span.from} = ${span.length} ${unit}`,
          expected: inclusive ? `${span.length} or ${span.length + 1} ${unit}` : `${span.length} ${unit}`,
          stated: `${n} ${unit}`,
          tolerance: inclusive ? "the difference, or one more counting both ends" : "the difference (a change is measured between its dates)",
        }),
      );
    }
  }
  return out;
}

/** "a project of just over a year", "nearly two years", "more than a decade": a span with a hedge ("over 15 years" is a span's preposition, not a hedge). */
const HEDGED_SPAN = new RegExp(`\\b(just over|just under|nearly|almost|about|roughly|around|more than|less than)\\s+(a|an|one|${N})\\s+(years?|months?|decades?)\\b`, "gi");

/**
 * A hedged span against the sentence's range, read in months where its dates have months ("from June
 * 2023 to August 2025" is 26 months, not "just over a year"): "just over" and "more than" admit up to
 * half as much again / anything above, "nearly" and "just under" down to three quarters, "about" a
 * quarter either way; both ends counted or not.
 */
function hedgedSpan(read: ReadClaim, text: string): NumberFinding | null {
  HEDGED_SPAN.lastIndex = 0;
  for (let m = HEDGED_SPAN.exec(text); m; m = HEDGED_SPAN.exec(text)) {
    const hedge = m[1]!.toLowerCase();
    const count = m[2]!.toLowerCase();
    const n = /^(?:a|an|one)$/.test(count) ? 1 : (WORDS[count] ?? Number(count));
    const unit = m[4]!.toLowerCase().replace(/s$/, "");
    const inMonths = unit === "month" ? n : unit === "year" ? 12 * n : 120 * n;
    const months = monthSpan(text);
    const years = months ? null : yearSpan(text);
    const lengths = months ? [months.length, months.length + 1] : years ? [12 * years.length, 12 * (years.length + 1)] : [];
    if (lengths.length === 0 || (unit === "month" && !months)) continue;
    const [lo, hi] =
      hedge === "just over" ? [inMonths, 1.5 * inMonths] : hedge === "more than" ? [inMonths, Infinity]
      : hedge === "less than" ? [0, inMonths] : hedge === "about" || hedge === "roughly" || hedge === "around" ? [0.75 * inMonths, 1.25 * inMonths]
      : [0.75 * inMonths, inMonths];
    // Years counted from years alone are whole: "just over a decade" for 2014 to 2025 is 11 or 12.
    const slack = months ? 0 : 12;
    if (lengths.some((l) => l >= lo - slack && l <= hi + slack)) continue;
    const span = months ?? years!;
    const stated = months ? `${span.length} months` : `${span.length} years`;
    return finding("period", {
      claims: [read],
      message: `${span.from} to ${span.to} is ${stated}, the text says '${m[0]}'`,
      computation: months ? `${span.to} − ${span.from} = ${span.length} months` : `${span.to} − ${span.from} = ${span.length} years`,
      expected: stated,
      stated: m[0],
      tolerance: `'${hedge}' read as ${formatRange(lo, hi)} months, counting both ends or not`,
    });
  }
  return null;
}
const formatRange = (lo: number, hi: number) => (hi === Infinity ? `${lo} or more` : `${Math.round(lo)} to ${Math.round(hi)}`);

/** The span between the sentence's two years, when it names exactly two. */
function yearSpan(text: string): { from: string; to: string; length: number } | null {
  // A range in words is the span, whatever other years the sentence names ("before a recovery in 2021").
  const range = YEAR_RANGE.exec(text);
  if (range) {
    const [from, to] = [Number(range[1] ?? range[3]), Number(range[2] ?? range[4])];
    if (to > from) return { from: String(from), to: String(to), length: to - from };
  }
  // "a 2019 study", "the 2022-23 budget", "by 2030": years naming a thing or a target, not the span.
  const dated = [...text.matchAll(YEAR)].filter((m) => !/\b(?:a|an|the|its|their|by)\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index)) && !/^[-–]/.test(text.slice(m.index + 4)));
  const years = [...new Set(dated.map((m) => m[0]))].map(Number).sort((a, b) => a - b);
  if (years.length !== 2) return null;
  return { from: String(years[0]), to: String(years[1]), length: years[1]! - years[0]! };
}

/** The span in months between the sentence's two month-and-year dates. */
function monthSpan(text: string): { from: string; to: string; length: number } | null {
  const dates = [...text.matchAll(MONTH_YEAR)].map((m) => ({ words: m[0], at: Number(m[2]) * 12 + MONTHS.indexOf((m[1] ?? "").toLowerCase()) }));
  // "the six-month period from March to November": months without years, within one year or across its end.
  if (dates.length === 0) return bareMonthSpan(text);
  if (dates.length !== 2) return null;
  const [a, b] = dates[0]!.at <= dates[1]!.at ? [dates[0]!, dates[1]!] : [dates[1]!, dates[0]!];
  return { from: a.words, to: b.words, length: b.at - a.at };
}
