/**
 * Per-period figures over a span: "$120 million over four years, or $30 million a year"; "a
 * five-year, $60 million grant, about $12 million annually". The yearly figure must be presented as
 * following from the total ("or", "about", "works out to", "averaging"), so a figure of its own ("plus
 * $5 million a year for upkeep") is never read as the total spread out.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { formatAmount, formatNumber, overlaps, times, type Interval } from "../interval";
import type { NumberFinding } from "../types";

const N = "(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)";
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20, thirty: 30 };
/** The span the total covers: "over four years", "across the next 10 years", "a five-year". */
const SPAN = new RegExp(`\\b(?:(?:over|across|for|during|spanning|spread over|in)\\s+(?:the\\s+(?:next|past|last|coming|following)\\s+|a\\s+)?${N}\\s+(years?|months?)|${N}[- ](year|month)\\b(?!-old))`, "i");
/** The per-period figure: "$30 million a year", "annually", "per month". */
const PER_PERIOD = /^\s*(?:a|per|each|every)\s+(year|month)\b|^\s*(annually|yearly|a year|monthly)\b/i;
const FOLLOWS = /(?:,\s*(?:or\s+)?|\b(?:or|works? out to|worked out to|amounts? to|comes? to|averag(?:e|es|ed|ing)(?: of)?|that is|roughly|about|around|some|equal to|means?)\s+)(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+|an average of\s+|just over\s+|just under\s+)?$/i;

const amount = (f: Figure) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw);

/** Per-year (or per-month) figures that the total and its span do not bear out. */
export function checkPerPeriod(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const read of claims) {
    const { text } = read.claim;
    const span = SPAN.exec(text);
    if (!span) continue;
    const count = (span[1] ?? span[3] ?? "").toLowerCase();
    const spanUnit = /^month/i.test(span[2] ?? span[4] ?? "") ? "month" : "year";
    const n = WORDS[count] ?? Number(count);
    if (!Number.isFinite(n) || n < 2) continue;
    for (const each of read.figures) {
      const per = PER_PERIOD.exec(text.slice(each.end, each.end + 16));
      if (!amount(each) || !per || !FOLLOWS.test(text.slice(Math.max(0, each.at - 40), each.at))) continue;
      const perUnit = /month/i.test(per[1] ?? per[2] ?? "") ? "month" : "year";
      const periods = perUnit === spanUnit ? n : perUnit === "month" ? n * 12 : n / 12;
      // The total: a figure of the same unit before it, not itself per period.
      const totals = read.figures.filter((t) => t !== each && t.end <= each.at && amount(t) && t.unit === each.unit && t.value > each.value && !PER_PERIOD.test(text.slice(t.end, t.end + 16)));
      if (totals.length === 0) continue;
      const readings = totals.map((t) => ({ t, range: times(t.cited, 1 / periods) as Interval }));
      if (readings.some((r) => overlaps(r.range, each.range))) continue;
      const { t } = readings[0]!;
      const expected = t.value / periods;
      out.push(
        finding("rate", {
          claims: [read],
          message: `${t.raw} over ${formatNumber(periods)} ${perUnit}s is ${formatAmount(expected, t.unit)} a ${perUnit}, the text says ${each.raw}`,
          computation: `${formatNumber(t.value)} / ${formatNumber(periods)} = ${formatNumber(expected, 2)}`,
          expected: formatAmount(expected, t.unit),
          stated: each.raw,
          tolerance: `${each.tolerance}; the total's rounding, up to 1%, is allowed for`,
        }),
      );
    }
  }
  return out;
}
