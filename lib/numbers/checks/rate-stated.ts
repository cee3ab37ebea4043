/**
 * A rate stated as a level beside its part and whole: "240 of the 6,000 patients admitted caught an
 * infection, and the infection rate stands at 5%"; "Of the 1,200 students tested, 180 failed; the
 * failure rate was 25%". No cue says the rate follows from the figures ("works out to", "or"), so
 * the part and whole must be named as such ("N of the M", "N out of M", "Of the M, N") in the rate's
 * sentence or the one just before, and a finding means no such pair gives the rate.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatNumber, overlaps, times } from "../interval";
import type { NumberFinding } from "../types";

const STATED = /\b(?:rate|share|proportion|percentage)\s+(?:[\w-]+\s+){0,3}?(?:stands at|stood at|standing at|is|was|were|of|at|reached|hit|came to|came in at|sits at|sat at|is now|was now)\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|some\s+|just over\s+|just under\s+)?$/i;
// Another whole than the figures beside it: "the statewide rate", "the national average".
const OTHER_WHOLE = /\b(?:statewide|nationwide|national|state|federal|country|average|target|goal|typical|last year|a year earlier|previous|prior|before|in (?:19|20)\d\d)\b/i;

// ", the state employment department said": who says it, not another whole the rate is of.
const ATTRIBUTION = /^,\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:said|says|reported|reports|announced|found|estimated)\b/i;

interface PartOfWhole {
  part: Figure;
  whole: Figure;
}

/** Parts of a whole as the words name them: "180 of the 1,200", "240 out of 6,000", "Of the 1,200 …, 180". */
function partsOfWholes(read: ReadClaim): PartOfWhole[] {
  const { text } = read.claim;
  const counts = read.figures.filter((f) => f.unit === null && /\d/.test(f.raw) && f.value > 0);
  const out: PartOfWhole[] = [];
  counts.forEach((part, i) => {
    const whole = counts[i + 1];
    // "240 out of 6,000", "180 of the 1,200", "5,100 residents unemployed out of a labour force of 85,000".
    if (whole && whole.value > part.value && /^\s+(?:[\w-]+\s+){0,3}?(?:out of|of|among)\s+(?:the\s+|its\s+|their\s+|all\s+|(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:of|totall?ing)\s+)?$/i.test(text.slice(part.end, whole.at))) out.push({ part, whole });
  });
  const opener = /^(?:of|among)\s+(?:the\s+|its\s+|their\s+|all\s+)?/i.exec(text);
  const first = counts[0];
  if (opener && first && first.at === opener[0].length) {
    const comma = text.indexOf(",", first.end);
    const part = comma > 0 ? counts.find((f) => f.at > comma && f.value < first.value) : undefined;
    if (part) out.push({ part, whole: first });
  }
  return out;
}

// Words reporters use in turn for what one rate counts: "jobless rate" beside "unemployed".
const SAME_STEM: Record<string, string> = { jobl: "unem", pove: "poor", turn: "vote" };
const stems = (words: string[]) => new Set(words.filter((w) => w.length >= 4).map((w) => w.toLowerCase().slice(0, 4)).map((s) => SAME_STEM[s] ?? s));
/** The words naming what a rate counts: "the infection rate stands at" → infection. */
const qualifierOf = (before: string): string[] => {
  const m = /((?:[\w-]+\s+){0,3})(?:rate|share|proportion|percentage)\b(?![^]*\b(?:rate|share|proportion|percentage)\b)/i.exec(before);
  return (m?.[1] ?? "").split(/[\s-]+/).filter((w) => w && !/^(?:the|its|their|a|an|this|that|of|and)$/i.test(w));
};
const sharesStem = (qualifier: string[], text: string): boolean => {
  const own = stems(qualifier);
  return [...stems(text.split(/[^\w]+/))].some((s) => own.has(s));
};

/** Rates stated as a level that their part and whole beside them do not give. */
export function checkStatedRates(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const { text } = read.claim;
    for (const rate of read.figures) {
      if (rate.unit !== "percent" || rate.value > 100) continue;
      const before = text.slice(Math.max(0, rate.at - 60), rate.at);
      if (!STATED.test(before) || OTHER_WHOLE.test(before.slice(Math.max(0, before.search(/\b(?:rate|share|proportion|percentage)\b[^]*$/i) - 30))) || (OTHER_WHOLE.test(text.slice(rate.end, rate.end + 30)) && !ATTRIBUTION.test(text.slice(rate.end, rate.end + 60)))) continue;
      // The rate names what it counts in the words beside its part and whole ("240 … caught an
      // infection, and the infection rate"), or it may be another rate of the sentence's subject.
      const qualifier = qualifierOf(before);
      const ownWords = text.slice(0, Math.max(0, rate.at - before.length + before.search(/(?:[\w-]+\s+){0,3}(?:rate|share|proportion|percentage)\b(?![^]*\b(?:rate|share|proportion|percentage)\b)/i)));
      let pairs = sharesStem(qualifier, ownWords) ? partsOfWholes(read).filter((p) => p.whole.end <= rate.at) : [];
      let involved = [read];
      const previous = claims[i - 1];
      // The sentence before only when the rate names what it counts in that sentence's words ("180
      // failed" … "the failure rate"), or goes on from it after a semicolon: an unrelated rate
      // ("the unemployment rate was 3.9 percent") after "Of the 860 claims, 510 …" is not its share.
      if (pairs.length === 0 && previous && (/^[a-z]/.test(text) || sharesStem(qualifierOf(before), previous.claim.text))) {
        pairs = partsOfWholes(previous);
        involved = [read, previous];
      }
      if (pairs.length === 0) continue;
      const readings = pairs.map((p) => ({ ...p, range: times(divide(p.part.cited, p.whole.cited), 100) }));
      if (readings.some((r) => overlaps(r.range, rate.range))) continue;
      const { part, whole } = readings[0]!;
      const value = (part.value / whole.value) * 100;
      out.push(
        finding("rate", {
          claims: involved,
          message: `${part.raw} of ${whole.raw} is ${formatNumber(value, 1)}%, the text says ${rate.raw}`,
          computation: `${formatNumber(part.value)} / ${formatNumber(whole.value)} × 100 = ${formatNumber(value, 2)}%`,
          expected: `${formatNumber(value, 1)}%`,
          stated: rate.raw,
          tolerance: `${rate.tolerance}; the inputs' rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  });
  return out;
}
