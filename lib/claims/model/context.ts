/**
 * Check-worthiness in a transcript: a sentence's own margin plus its neighbours' in the same speaker
 * turn. Fact-checkers check runs of sentences (a claim and the figures that back it), so a sentence
 * next to a check-worthy one is likelier to be checked itself.
 *
 * The three weights are learned on ClaimBuster, from held-out margins of sentences whose previous and
 * next sentence_id are both in the data (scripts/train-claims.ts), never on the transcripts we are
 * measured on.
 */

/** Weights of the own, previous and next margins, and the margin that stands in for a missing neighbour. */
export interface ContextWeights {
  bias: number;
  own: number;
  previous: number;
  next: number;
  /** The mean held-out margin on ClaimBuster: no neighbour in the turn tells nothing either way. */
  absent: number;
}

/**
 * Combines each line's margin with its neighbours' in the same turn (`turns[i]` names the speaker, or
 * any key that groups a run of lines). Returns log-odds, in the same order as `margins`.
 */
export function inContext(margins: number[], turns: string[], w: ContextWeights): number[] {
  return margins.map((own, i) => {
    const previous = i > 0 && turns[i - 1] === turns[i] ? margins[i - 1]! : w.absent;
    const next = i + 1 < margins.length && turns[i + 1] === turns[i] ? margins[i + 1]! : w.absent;
    return w.bias + w.own * own + w.previous * previous + w.next * next;
  });
}

/** Logistic regression on a few dense features by Newton's method (a small system solved directly). */
export function fitDense(rows: number[][], labels: number[], iterations = 25, ridge = 1e-3): number[] {
  const d = (rows[0]?.length ?? 0) + 1;
  const beta = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? ridge : 0)));
    rows.forEach((row, n) => {
      const x = [1, ...row];
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * beta[j]!, 0)));
      const h = p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i]! += (p - labels[n]!) * x[i]!;
        for (let j = 0; j < d; j++) hess[i]![j]! += h * x[i]! * x[j]!;
      }
    });
    const step = solve(hess, grad);
    for (let i = 0; i < d; i++) beta[i]! -= step[i]!;
    if (step.reduce((s, v) => s + Math.abs(v), 0) < 1e-9) break;
  }
  return beta;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
