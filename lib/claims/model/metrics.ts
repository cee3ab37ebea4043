/**
 * The figures the check-worthiness model is judged by: precision/recall/F1 at a threshold, the
 * ranking measures of CLEF CheckThat! Task 1 (average precision, precision at k, reciprocal rank),
 * and a calibration table.
 */

export interface Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of "check-worthy" when every score ≥ `threshold` is called positive. */
export function prf(scores: number[], labels: number[], threshold: number): Counts {
  let tp = 0, fp = 0, fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The threshold among the scores that maximises F1. */
export function bestThreshold(scores: number[], labels: number[]): number {
  const candidates = [...new Set(scores.map((s) => Math.round(s * 1000) / 1000))].sort((a, b) => a - b);
  let best = 0.5;
  let bestF1 = -1;
  for (const t of candidates) {
    const { f1 } = prf(scores, labels, t);
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return best;
}

/** Labels in rank order: highest score first, ties in document order (a stable sort), as CheckThat! ranks. */
function ranked(scores: number[], labels: number[]): number[] {
  return scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => labels[x.i]!);
}

/** Average precision of one ranking: mean precision at each relevant line's rank. */
export function averagePrecision(scores: number[], labels: number[]): number {
  const order = ranked(scores, labels);
  let hits = 0, sum = 0;
  order.forEach((y, k) => {
    if (y === 1) sum += ++hits / (k + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

/** Precision among the top `k` lines. */
export function precisionAt(scores: number[], labels: number[], k: number): number {
  return ranked(scores, labels).slice(0, k).filter((y) => y === 1).length / k;
}

/** 1 / rank of the first relevant line (0 when there is none). */
export function reciprocalRank(scores: number[], labels: number[]): number {
  const first = ranked(scores, labels).indexOf(1);
  return first === -1 ? 0 : 1 / (first + 1);
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanScore: number;
  observed: number;
}

/** Scores cut into bins of width `width`, each with its mean score and the observed rate of positives. */
export function calibrationTable(scores: number[], labels: number[], width = 0.1): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let from = 0; from < 1 - 1e-9; from += width) {
    const to = Math.min(1, from + width);
    const inside = scores.map((s, i) => ({ s, y: labels[i]! })).filter(({ s }) => s >= from && (s < to || (to === 1 && s <= 1)));
    const count = inside.length;
    bins.push({
      from,
      to,
      count,
      meanScore: count ? inside.reduce((a, x) => a + x.s, 0) / count : 0,
      observed: count ? inside.filter((x) => x.y === 1).length / count : 0,
    });
  }
  return bins;
}
