import { extractQuantities } from "@/lib/claims/quantities";
import type { Quantity } from "@/lib/claims/types";

/**
 * Whether two claims state the same figures: every number of one has an equal number, in a
 * compatible unit, in the other, and they speak of the same years. "1.2 million" equals
 * "1,200,000" (equal to the precision the less precise one is written with); "1.5 percent" is not
 * "1.5 percentage points"; "from 36 to 149" is not "from 36 to 150". Pure.
 */

/** One number as compared: its value, unit and how precisely it was written. */
export interface Figure {
  raw: string;
  value: number;
  unit: string | null;
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
    const unit = q.unit?.toLowerCase().replace(/^per ?cent$/, "percent").replace(/s$/, "") ?? null;
    if (q.change) {
      // "from 71% in 2018 to 84%": both ends written alike; the raw text is split at " to ".
      const [fromRaw, toRaw] = q.raw.split(/\s+to\s+/i);
      out.push({ raw: (fromRaw ?? q.raw).replace(/^from\s+/i, "").replace(/\s+in\s+\d{4}$/, ""), value: q.change.from, unit, tolerance: toleranceOf(fromRaw ?? q.raw, q.change.from) });
      out.push({ raw: toRaw ?? q.raw, value: q.change.to, unit, tolerance: toleranceOf(toRaw ?? q.raw, q.change.to) });
    } else {
      out.push({ raw: q.raw, value: q.value, unit, tolerance: toleranceOf(q.raw, q.value) });
    }
  }
  return out;
}

/** The years a claim names ("in 2023", "FY 2020", "between 2018 and 2023"). */
export function yearsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => m[0]))].sort();
}

function equalFigures(a: Figure, b: Figure): boolean {
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  const tolerance = Math.max(a.tolerance, b.tolerance, Math.abs(a.value) * 1e-9);
  return Math.abs(a.value - b.value) <= tolerance;
}

/** Figures and years of two claims compared, with the reasons in words. */
export function compareFigures(a: { text: string; quantities?: readonly Quantity[] }, b: { text: string; quantities?: readonly Quantity[] }): FigureComparison {
  const fa = figuresOf(a.quantities ?? extractQuantities(a.text));
  const fb = figuresOf(b.quantities ?? extractQuantities(b.text));
  const ya = yearsOf(a.text);
  const yb = yearsOf(b.text);
  const reasons: string[] = [];
  let differs = false;
  if (ya.length > 0 && yb.length > 0 && ya.join() !== yb.join()) {
    differs = true;
    reasons.push(`different year: ${ya.join(", ")} vs ${yb.join(", ")}`);
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
  if (unused.length > 0) {
    reasons.push(`figures in one claim only: ${unused.map((f) => f.raw).join(", ")}`);
    return { agreement: differs ? "different" : "one-sided", reasons };
  }
  if (differs) return { agreement: "different", reasons };
  const shown = fa.map((f) => f.raw).join(", ");
  reasons.push(`same figures: ${shown}${ya.length > 0 ? `, ${ya.join(", ")}` : ""}`);
  return { agreement: "same", reasons };
}
