/**
 * Benchmark of the claim pipeline: extraction time on generated ~1 MB and ~10 MB articles, as a ratio
 * to remark-parse alone on the same text, and the 10 MB / 1 MB ratio (1.0 per MB means linear).
 *
 *   npm run bench:claims
 *
 * Targets (issue 3): 1 MB extraction ≤ 3× remark-parse alone; 10 MB ≤ 11× the 1 MB time; (issue 12)
 * a 2,000-word article ≤ 50 ms in process, with the check-worthiness model scoring every unit.
 */
import remarkParse from "remark-parse";
import { unified } from "unified";
import { extractClaims } from "../../lib/claims";
import { article, articleOfWords } from "./sample-article";

function time(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const remark = unified().use(remarkParse);
const small = article(1_000_000);
const large = article(10_000_000);

// Warm up the JIT on both paths so the first measured run is not a compile.
extractClaims(small.slice(0, 100_000));
remark.parse(small.slice(0, 100_000));

const parse1 = time(() => remark.parse(small));
let claims1 = 0;
const extract1 = time(() => {
  claims1 = extractClaims(small).claims.length;
});
// Each large run starts from a collected heap (when node runs with --expose-gc, as `npm run
// bench:claims` does), and the extraction runs before the 10 MB remark-parse baseline, whose
// minutes of garbage would otherwise be billed to whichever run comes next.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
collect();
let claims10 = 0;
const extract10 = time(() => {
  claims10 = extractClaims(large).claims.length;
}, 1);
collect();
const parse10 = time(() => remark.parse(large), 1);

const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log(`1 MB article (${small.length} chars, ${claims1} claims): remark-parse ${ms(parse1)}, extraction ${ms(extract1)}, ratio ${(extract1 / parse1).toFixed(2)}× (target ≤ 3×)`);
console.log(`10 MB article (${large.length} chars, ${claims10} claims): remark-parse ${ms(parse10)}, extraction ${ms(extract10)}, ratio ${(extract10 / parse10).toFixed(2)}×`);
const words2000 = articleOfWords(2000);
for (let i = 0; i < 5; i++) extractClaims(words2000);
const perArticle = time(() => extractClaims(words2000), 20);
console.log(`2,000-word article (${words2000.split(/\s+/).length} words): ${perArticle.toFixed(1)} ms in process (target ≤ 50 ms)`);
console.log(`10 MB / 1 MB extraction time: ${(extract10 / extract1).toFixed(2)}× (target ≤ 11×)`);
