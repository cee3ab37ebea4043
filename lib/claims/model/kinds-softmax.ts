/**
 * Multinomial (softmax) logistic regression over sparse binary features, trained by AdaGrad SGD with
 * lazy L2, for the kind model. Hand-written for the reasons ./logistic.ts gives (the registry's
 * learners are dense). Used at training time only; the shipped model is a table (./kinds.ts).
 */

/** One example: its active feature indices and the index of its class. */
export interface SoftmaxExample {
  features: number[];
  label: number;
}

export interface SoftmaxOptions {
  /** Number of features; index 0 is the bias, which is not penalised. */
  size: number;
  classes: number;
  l2: number;
  epochs: number;
  rate: number;
  seed?: number;
}

/** mulberry32, so that training twice gives the same weights. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class probabilities for an example's features under weights laid out [feature × classes]. */
export function softmax(w: ArrayLike<number>, features: number[], classes: number): number[] {
  const z = new Array<number>(classes).fill(0);
  for (const f of features) for (let k = 0; k < classes; k++) z[k]! += w[f * classes + k] ?? 0;
  const top = Math.max(...z);
  const e = z.map((x) => Math.exp(x - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** Trains the weights, [feature × classes] flattened. */
export function trainSoftmax(examples: SoftmaxExample[], options: SoftmaxOptions): Float64Array {
  const { size, classes, l2, epochs, rate, seed = 1 } = options;
  const w = new Float64Array(size * classes);
  const g2 = new Float64Array(size * classes).fill(1e-8);
  const order = examples.map((_, i) => i);
  const next = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const ex = examples[index]!;
      const p = softmax(w, ex.features, classes);
      for (const f of ex.features) {
        for (let k = 0; k < classes; k++) {
          const at = f * classes + k;
          const grad = p[k]! - (k === ex.label ? 1 : 0) + (f === 0 ? 0 : l2 * w[at]!);
          g2[at]! += grad * grad;
          w[at]! -= (rate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return w;
}
