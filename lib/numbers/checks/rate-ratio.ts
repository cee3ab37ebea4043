/**
 * Ratios stated beside the two counts they divide: "With 9,000 students and 450 teachers, the
 * district has a student-teacher ratio of 25 to 1" (20 to 1). The ratio names both nouns; each must
 * name a count in its sentence or the one before, and every such pair is tried.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatNumber, type Interval, overlaps } from "../interval";
import type { NumberFinding } from "../types";

const RATIO = /\b([a-z]+)[- ](?:to[- ])?([a-z]+)\s+ratio\s+(?:of|was|is|stands at|stood at|at|near)\s+(about\s+|roughly\s+|nearly\s+|almost\s+|around\s+)?(\d+(?:\.\d+)?)\s*(?:to|:|-to-)\s*1\b/gi;

const forms = (w: string): string[] => {
  const s = w.toLowerCase();
  return [s, `${s}s`, `${s}es`, s.replace(/y$/, "ies")];
};
const counts = (f: Figure, noun: string) => f.unit === null && /\d/.test(f.raw) && (f.counted ?? "").toLowerCase().split(/\s+/).some((w) => forms(noun).includes(w));

/** Ratios that the counts they name do not bear out. */
export function checkRatios(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const { text } = read.claim;
    if (!/ratio/i.test(text)) return;
    RATIO.lastIndex = 0;
    for (let m = RATIO.exec(text); m; m = RATIO.exec(text)) {
      const [a, b, hedge, n] = [m[1]!, m[2]!, m[3], Number(m[4])];
      const pool = [...(claims[i - 1]?.figures ?? []), ...read.figures];
      const tops = pool.filter((f) => counts(f, a));
      const bottoms = pool.filter((f) => counts(f, b));
      if (tops.length === 0 || bottoms.length === 0) continue;
      const half = m[4]!.includes(".") ? 0.05 : 0.5;
      const stated: Interval = hedge ? [n * 0.9 - half, n * 1.1 + half] : [n - half, n + half];
      const readings = tops.flatMap((t) => bottoms.map((d) => ({ t, d, range: divide(t.cited, d.cited), value: t.value / d.value })));
      if (readings.some((r) => overlaps(r.range, stated))) continue;
      const { t, d, value } = readings[0]!;
      const involved = [read, claims[i - 1]].filter((c): c is ReadClaim => c !== undefined && (c === read || c.figures.includes(t) || c.figures.includes(d)));
      out.push(
        finding("rate", {
          claims: involved,
          message: `${t.raw} / ${d.raw} is ${formatNumber(value, 1)} to 1, the text says ${m[4]} to 1`,
          computation: `${formatNumber(t.value)} / ${formatNumber(d.value)} = ${formatNumber(value, 2)}`,
          expected: `${formatNumber(value, 1)} to 1`,
          stated: `${m[4]} to 1`,
          tolerance: hedge ? `±10% ("${hedge.trim()}")` : `±${half} (rounding)`,
        }),
      );
    }
  });
  return out;
}
