/**
 * Krippendorff's alpha, the agreement of reviewers beyond chance, computed the standard way
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): a coincidence matrix of the
 * pairable values, a difference metric, and alpha = 1 - D_o / D_e. Pure: plain numbers in and out.
 *
 * The desk uses the ordinal metric over rated verdicts (5 Accurate … 1 False); nominal and interval
 * are here because the published worked example checks the coincidence matrix with all three.
 */

export type AlphaMetric = "ordinal" | "interval" | "nominal";

/** The values each unit (a claim) received, one per coder (a reviewer); missing values left out. */
export type RatedUnit = readonly number[];

/** coder id → unit id → value: the "reliability data" of the paper, with missing cells absent. */
export type RatingsByCoder = ReadonlyMap<string, ReadonlyMap<string, number>>;

export type PairAlpha = {
  /** The two coders, in the order they were first met. */
  coders: [string, string];
  /** Units both coders rated. */
  units: number;
  alpha: number | null;
};

/**
 * Alpha over units of values. Units with fewer than two values are not pairable and are ignored.
 * Null when alpha is undefined: fewer than two pairable values, or no variation among them (every
 * pairable value the same, so the disagreement expected by chance is zero).
 */
export function krippendorffAlpha(units: readonly RatedUnit[], metric: AlphaMetric = "ordinal"): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length < 2) return null;
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;

  // o[c][k]: for every unit, each ordered pair of its values (c from one coder, k from another)
  // counts 1 / (m_u - 1), so each unit contributes m_u pairable values in all.
  const o = values.map(() => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    const counts = new Array<number>(size).fill(0);
    for (const v of unit) counts[index.get(v)!]! += 1;
    for (let c = 0; c < size; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < size; k++) {
        const pairs = counts[c]! * (counts[k]! - (c === k ? 1 : 0));
        if (pairs > 0) o[c]![k]! += pairs / (unit.length - 1);
      }
    }
  }
  const marginals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = marginals.reduce((sum, x) => sum + x, 0);
  if (n < 2) return null;

  const delta = differenceFunction(metric, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return null;
  // alpha = 1 - D_o / D_e with D_o = Σ o·δ / n and D_e = Σ n_c·n_k·δ / (n(n-1)).
  return 1 - ((n - 1) * observed) / expected;
}

/** The squared difference δ²(c, k) between the c-th and k-th smallest values. */
function differenceFunction(metric: AlphaMetric, values: number[], marginals: number[]): (c: number, k: number) => number {
  if (metric === "nominal") return (c, k) => (c === k ? 0 : 1);
  if (metric === "interval") return (c, k) => (values[c]! - values[k]!) ** 2;
  // Ordinal: how many pairable values lie between c and k, counting c and k half each.
  const cumulative = [0];
  for (const m of marginals) cumulative.push(cumulative.at(-1)! + m);
  return (c, k) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
  };
}

/** Turns coder → unit → value data into the units alpha takes, optionally for some coders only. */
export function unitsOf(ratings: RatingsByCoder, coders: readonly string[] = [...ratings.keys()]): RatedUnit[] {
  const byUnit = new Map<string, number[]>();
  for (const coder of coders) {
    for (const [unit, value] of ratings.get(coder) ?? []) {
      const values = byUnit.get(unit) ?? [];
      values.push(value);
      byUnit.set(unit, values);
    }
  }
  return [...byUnit.values()];
}

/** Alpha for every pair of coders who rated at least one unit in common. */
export function alphaByPair(ratings: RatingsByCoder, metric: AlphaMetric = "ordinal"): PairAlpha[] {
  const coders = [...ratings.keys()];
  const pairs: PairAlpha[] = [];
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = coders[i]!;
      const b = coders[j]!;
      const units = unitsOf(ratings, [a, b]).filter((u) => u.length === 2);
      if (units.length === 0) continue;
      pairs.push({ coders: [a, b], units: units.length, alpha: krippendorffAlpha(units, metric) });
    }
  }
  return pairs;
}
