/**
 * Benchmark of the numbers checker: checkNumbers over a 2,000-claim article, in process.
 *
 *   npm run bench:number-checks
 *
 * Target (issue 17): ≤ 200 ms for 2,000 claims. The article is the claim benches' generated one
 * (./sample-article.ts) interleaved with passages every check reads closely — changes, multiples,
 * lists and tables with totals, shares, rates, back-references, spans of years — so no check is
 * timed on text it skips at a glance. Claims are extracted once, untimed; the figure is the median
 * of several runs after warm-up, printed with the machine's load (it is shared).
 */
import { execFileSync } from "node:child_process";
import { checkedClaimsOf, checkNumbers } from "../../lib/numbers";
import { article } from "./sample-article";

const CHECKED = [
  "Enrolment rose from 8,200 children in 2022 to 9,400 in 2024, an increase of about 15%. The program serves 4,300 families.",
  "Applications tripled this year, from 410 to 860. \"The 4,800 families in the program will lose help,\" the director said.",
  "Its $12 million gift would be split among four programs:\n\n- Literacy: $4.5 million\n- Tutoring: $3 million\n- Training: $2.5 million\n- Counselling: $3 million\n",
  "| Campus | 2023 | 2024 |\n|---|---:|---:|\n| North | 1,240 | 1,310 |\n| South | 960 | 1,020 |\n| **Total** | **2,200** | **2,430** |\n",
  "In the referendum, 54% of voters backed the measure and 49% opposed it. Of the 860 claims decided, 510 were refused and 390 were granted.",
  "The city recorded 84 homicides last year among its 700,000 residents, a rate of 21 per 100,000. Deaths have risen in each of the past ten years, climbing from 980 in 2019 to 2,140 in 2024.",
];

function build(claims: number): ReturnType<typeof checkedClaimsOf> {
  const parts = article(400_000).split("\n\n");
  const blocks: string[] = [];
  parts.forEach((p, i) => {
    blocks.push(p);
    if (i % 3 === 0) blocks.push(CHECKED[(i / 3) % CHECKED.length]!);
  });
  const all = checkedClaimsOf(blocks.join("\n\n"));
  if (all.length < claims) throw new Error(`the generated article has ${all.length} claims, fewer than ${claims}`);
  return all.slice(0, claims);
}

const claims = build(2_000);
for (let i = 0; i < 3; i++) checkNumbers(claims);
// Wall time is the figure; CPU time beside it shows how much of it a loaded, shared machine added.
const times: number[] = [];
const cpu: number[] = [];
let findings = 0;
for (let i = 0; i < 9; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  findings = checkNumbers(claims).length;
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const cpuMedian = cpu[Math.floor(cpu.length / 2)]!;
let load = "";
try {
  load = execFileSync("uptime", { encoding: "utf8" }).trim();
} catch {
  load = "(uptime not available)";
}
console.log(`checkNumbers, ${claims.length} claims (${findings} findings): median ${median.toFixed(1)} ms of ${times.length} runs (fastest ${times[0]!.toFixed(1)}, slowest ${times[times.length - 1]!.toFixed(1)}; CPU time median ${cpuMedian.toFixed(1)} ms); target ≤ 200 ms`);
console.log(`load: ${load}`);
