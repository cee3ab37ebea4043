import { numbersAsDigits } from "./number-words";

/**
 * A backstop under figures.ts: the numbers a claim writes, read plainly (digits, with "million"
 * and the like, number words made digits first), with no reading of units, changes or periods.
 * figures.ts reads a claim's quantities finely and so can miss one it does not parse; this reads
 * every digit run, so a number changed where figures.ts sees nothing still keeps two claims apart.
 * Pure.
 */

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, b: 1e9, bn: 1e9 };
/** A number, with a scale word, or a "k" ("$14.3k"), or after a "$" an "M", "B" or "bn" ("$1.5M"). */
const NUMBER = /(?<![\w.])(\$)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion)\b|(k)\b|(m|b|bn)\b)?/gi;

/** The values of the numbers a claim writes, in order; `digits` is its text with number words as digits, when already made. */
export function writtenNumbers(text: string, digits = numbersAsDigits(text)): number[] {
  const out: number[] = [];
  for (const m of digits.matchAll(NUMBER)) {
    const [, dollar, digitsOf, decimals, word, k, money] = m;
    const whole = digitsOf!.replace(/,/g, "");
    // "M" and "B" scale only money: "5m" alone may be metres.
    const scale = word ?? k ?? (dollar ? money : undefined);
    const value = Number(decimals ? `${whole}.${decimals}` : whole) * (scale ? SCALE[scale.toLowerCase()]! : 1);
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** Equal to the precision the less precise side is written with (1.2 million is 1,200,000; 149 is not 150). */
export const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 + 0.005 * Math.max(Math.abs(a), Math.abs(b)) * (Number.isInteger(a) && Number.isInteger(b) && Math.max(a, b) < 1e5 ? 0 : 1);

/**
 * How the written numbers of two claims compare: "conflict" when each writes a number the other
 * does not (one figure changed), "one-sided" when only one has a number the other lacks, "agree"
 * when each number has its equal, "none" when neither writes any.
 */
export function compareWrittenNumbers(a: readonly number[], b: readonly number[]): "agree" | "conflict" | "one-sided" | "none" {
  if (a.length === 0 && b.length === 0) return "none";
  const aOnly = a.some((x) => !b.some((y) => sameNumber(x, y)));
  const bOnly = b.some((y) => !a.some((x) => sameNumber(x, y)));
  if (aOnly && bOnly) return "conflict";
  return aOnly || bOnly ? "one-sided" : "agree";
}
