/**
 * Interval arithmetic over what figures admit: the checker computes what the cited figures allow and
 * compares it with what the stated figure allows, so rounding on either side is never an error.
 */

/** A closed interval [lo, hi]; either end may be infinite ("more than 40%"). */
export type Interval = [number, number];

/** a − b. */
export const minus = ([a, b]: Interval, [c, d]: Interval): Interval => [a - d, b - c];

/** a / b, for b > 0 (the checks divide by counts and totals only). */
export function divide([a, b]: Interval, [c, d]: Interval): Interval {
  if (c <= 0) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const q = [a / c, a / d, b / c, b / d].filter((x) => !Number.isNaN(x));
  return [Math.min(...q), Math.max(...q)];
}

/** k · a for a constant k ≥ 0. */
export const times = ([a, b]: Interval, k: number): Interval => [a * k, b * k];

/** a + b. */
export const plus = ([a, b]: Interval, [c, d]: Interval): Interval => [a + c, b + d];

/** Whether two intervals share a point. */
export const overlaps = ([a, b]: Interval, [c, d]: Interval): boolean => a <= d && c <= b;

/** The interval stretched by `slack` either way. */
export const widen = ([a, b]: Interval, slack: number): Interval => [a - slack, b + slack];

/**
 * A number as a reviewer reads it: thousands separators, at most `digits` decimals, no trailing
 * zeros. Written out by hand because `toLocaleString` costs microseconds a call, and every figure
 * of a 2,000-claim article gets its tolerance in words.
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "−∞";
  const fixed = Math.abs(n).toFixed(digits);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = fraction.replace(/0+$/, "");
  const s = decimals ? `${grouped}.${decimals}` : grouped;
  return n < 0 && s !== "0" ? `−${s}` : s;
}

/** A signed percent: "+313.9%", "−25%". */
export const formatChange = (n: number, digits = 1): string => `${n >= 0 ? "+" : "−"}${formatNumber(Math.abs(n), digits)}%`;

/** A money or count figure with its unit: "$2.4 million" for USD, "1,261" for a bare count. */
export function formatAmount(n: number, unit: string | null): string {
  const sign = n < 0 ? "−" : "";
  const a = Math.abs(n);
  const scaled = a >= 1e9 ? `${formatNumber(a / 1e9, 3)} billion` : a >= 1e6 ? `${formatNumber(a / 1e6, 3)} million` : formatNumber(a, 2);
  if (unit === "USD") return `${sign}$${scaled}`;
  if (unit === "EUR") return `${sign}€${scaled}`;
  if (unit === "GBP") return `${sign}£${scaled}`;
  if (unit === "percent") return `${sign}${formatNumber(a, 2)}%`;
  if (unit === "points") return `${sign}${formatNumber(a, 2)} percentage points`;
  return `${sign}${scaled}${unit && unit !== "USD" ? ` ${unit}` : ""}`;
}
