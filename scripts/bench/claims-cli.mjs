#!/usr/bin/env node
/**
 * Benchmark of the claims command's start-up: wall time of `npm run --silent claims -- FILE` on the
 * seed article, median of several runs after one that may (re)build the bundle, beside a bare
 * `node -e 0` in the same run (the floor any Node command pays here).
 *
 *   node scripts/bench/claims-cli.mjs [RUNS]
 *
 * Target (issue 12): ≤ 1.5 s a call. This is a benchmark, not a test: machines here are shared.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const file = path.join(root, "content", "ice-287g-fy2020.md");
const runs = Number(process.argv[2] ?? 7);

function wall(cmd, args) {
  const t0 = performance.now();
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - t0;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

wall("npm", ["run", "--silent", "claims", "--", file]); // builds the bundle when stale
const command = Array.from({ length: runs }, () => wall("npm", ["run", "--silent", "claims", "--", file]));
const direct = Array.from({ length: runs }, () => wall(process.execPath, ["scripts/claims-cli.mjs", file]));
const bare = Array.from({ length: runs }, () => wall(process.execPath, ["-e", "0"]));
console.log(`claims command start-up, median of ${runs} runs (load ${loadavg().map((l) => l.toFixed(2)).join(" ")}):`);
console.log(`  npm run --silent claims -- FILE  ${median(command).toFixed(0)} ms  (target ≤ 1500 ms)`);
console.log(`  node scripts/claims-cli.mjs FILE ${median(direct).toFixed(0)} ms`);
console.log(`  node -e 0 (floor)                ${median(bare).toFixed(0)} ms`);
