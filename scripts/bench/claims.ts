/**
 * Benchmark of the claim pipeline: extraction time on generated ~1 MB and ~10 MB articles, as a ratio
 * to remark-parse alone on the same text, and the 10 MB / 1 MB ratio (1.0 per MB means linear).
 *
 *   npm run bench:claims
 *
 * Targets (issue 3): 1 MB extraction ≤ 3× remark-parse alone; 10 MB ≤ 11× the 1 MB time.
 */
import remarkParse from "remark-parse";
import { unified } from "unified";
import { extractClaims } from "../../lib/claims";

const PARAGRAPHS = [
  "The city council voted 6-3 on Tuesday to approve a $412.6 million budget for the 2025-26 fiscal year, ending a month of negotiations.",
  "According to the Department of Labor, the unemployment rate was 3.9 percent in April, compared with a national rate of 4.2 percent.",
  "Agencies are permitted to detain people for up to 48 hours until federal agents arrive. Employers must respond within 10 business days.",
  "Between 2017 and 2021, the number of participating departments increased from 36 to 149, yielding significant progress in public safety.",
  '"We spent $11 million on it last year and we budgeted six," Vasquez said. Dr. Smith, who joined the U.S. agency in Jan. 2019, disagreed.',
  "Scaling back the program would jeopardize communities across the state. Critics say it has made neighborhoods less safe, not safer.",
  "I have walked these trails for forty years. What are we getting in return? Subscribe to our newsletter for more.",
];
const LIST = "Officials reported the following arrests:\n\n- 1,261 for dangerous drugs;\n- 920 for assault;\n- 37 for homicide.\n";
const TABLE = "| Service | 2019 | 2024 | Recovery |\n| --- | ---: | ---: | ---: |\n| Blue Line | 48,200 | 35,900 | 74% |\n| Local bus | 96,400 | 86,100 | 89% |\n";

/** A realistic article of about `bytes` characters: headings, paragraphs, lists and tables. */
function article(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block =
      i % 10 === 0 ? `## Section ${i / 10 + 1}: budget figures\n` : i % 10 === 4 ? LIST : i % 10 === 7 ? TABLE : PARAGRAPHS[i % PARAGRAPHS.length]!;
    parts.push(block);
    size += block.length + 1;
  }
  return parts.join("\n");
}

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
console.log(`10 MB / 1 MB extraction time: ${(extract10 / extract1).toFixed(2)}× (target ≤ 11×)`);
