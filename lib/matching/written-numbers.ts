import { numbersAsDigits } from "./number-words";

/**
 * A backstop under figures.ts: the numbers a claim writes, read plainly (digits, with "million"
 * and the like, number words made digits first), with no reading of units, changes or periods.
 * figures.ts reads a claim's quantities finely and so can miss one it does not parse; this reads
 * every digit run, so a number changed where figures.ts sees nothing still keeps two claims apart.
 * Pure.
 */

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const NUMBER = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion)\b|(k)\b)?/gi;

/** The values of the numbers a claim writes, in order; `digits` is its text with number words as digits, when already made. */
export function writtenNumbers(text: string, digits = numbersAsDigits(text)): number[] {
  const out: number[] = [];
  for (const m of digits.matchAll(NUMBER)) {
    const whole = m[1]!.replace(/,/g, "");
    const value = Number(m[2] ? `${whole}.${m[2]}` : whole) * (m[3] || m[4] ? SCALE[(m[3] ?? m[4])!.toLowerCase()]! : 1);
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** Equal to the precision the less precise side is written with (1.2 million is 1,200,000; 149 is not 150). */
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 + 0.005 * Math.max(Math.abs(a), Math.abs(b)) * (Number.isInteger(a) && Number.isInteger(b) && Math.max(a, b) < 1e5 ? 0 : 1);

/**
 * How the written numbers of two claims compare: "conflict" when each writes a number the other
 * does not (one figure changed), "one-sided" when only one has a number the other lacks, "agree"
 * when each number has its equal, "none" when neither writes any.
 */
export function compareWrittenNumbers(a: readonly number[], b: readonly number[]): "agree" | "conflict" | "one-sided" | "none" {
  if (a.length === 0 && b.length === 0) return "none";
  const aOnly = a.some((x) => !b.some((y) => near(x, y)));
  const bOnly = b.some((y) => !a.some((x) => near(x, y)));
  if (aOnly && bOnly) return "conflict";
  return aOnly || bOnly ? "one-sided" : "agree";
}
