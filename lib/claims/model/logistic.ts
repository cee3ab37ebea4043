/**
 * L2-regularised logistic regression over sparse binary features, trained by AdaGrad SGD, and Platt
 * scaling of its margins into probabilities.
 *
 * Hand-written rather than a library: the JavaScript ones on the registry are dense
 * (ml-logistic-regression multiplies full ml-matrix rows, ~10k sentences × ~60k features) or a
 * dense unconstrained minimiser (fmin) whose gradient we would write anyway. Used only at training
 * time; the shipped model is a table of weights (./checkworthy.ts).
 */

/** One training example: the indices of its active features, its label (0/1) and its weight. */
export interface Example {
  features: number[];
  label: number;
  weight?: number;
}

export interface TrainOptions {
  /** Number of features (weights) in the index space. */
  size: number;
  /** L2 penalty per example (lambda / n); larger is smoother. */
  l2: number;
  epochs?: number;
  rate?: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight?: number;
  seed?: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A small deterministic PRNG (mulberry32) so that training twice gives the same weights. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains the weights; index 0 is conventionally the bias, which is not penalised. */
export function train(examples: Example[], options: TrainOptions): Float64Array {
  const { size, l2, epochs = 12, rate = 0.2, positiveWeight = 1, seed = 1 } = options;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  const order = examples.map((_, i) => i);
  const next = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const ex = examples[index]!;
      const p = sigmoid(margin(w, ex.features));
      const scale = (ex.weight ?? 1) * (ex.label === 1 ? positiveWeight : 1);
      const error = (p - ex.label) * scale;
      for (const f of ex.features) {
        // Lazy L2: the penalty is applied where the feature occurs, scaled so rare features are not spared.
        const grad = error + (f === 0 ? 0 : l2 * w[f]!);
        g2[f]! += grad * grad;
        w[f]! -= (rate * grad) / Math.sqrt(g2[f]!);
      }
    }
  }
  return w;
}

/** The model's margin (log-odds before calibration) for one example. */
export function margin(w: ArrayLike<number>, features: number[]): number {
  let z = 0;
  for (const f of features) z += w[f] ?? 0;
  return z;
}

/** Platt's calibration: p = sigmoid(a·z + b), fitted by Newton's method with Platt's smoothed targets. */
export function fitPlatt(margins: number[], labels: number[]): { a: number; b: number } {
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    margins.forEach((z, i) => {
      const t = labels[i] === 1 ? hi : lo;
      const p = sigmoid(a * z + b);
      const d = p - t;
      const h = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += h * z * z;
      hab += h * z;
      hbb += h;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
