/**
 * Next's own floor for the HTTP run of `npm run bench:saves`: the same fifty reviewers, each asking
 * the same running server for /api/health (one `SELECT 1`, the cheapest answer the app gives that
 * touches the database) as many times as they save, back to back. The bare node:http floor says
 * what a save needs; this one says what any request to this `next start` costs under the same load
 * on this machine, so a save's p95 can be read against both: a save near this floor spends its time
 * in the framework's request handling, not in the save.
 */
import type { SeededSaves } from "./saves-seed";

export type FloorRun = { p50: number; p95: number; p99: number; errors: number; requests: number; wallMs: number };

export async function nextFloorOverHttp(base: string, seeded: SeededSaves, requests: number): Promise<FloorRun> {
  const latencies: number[] = [];
  let errors = 0;
  const began = performance.now();
  await Promise.all(
    seeded.reviewers.map(async (reviewer) => {
      for (let n = 0; n < requests; n++) {
        const started = performance.now();
        try {
          // The reviewer's cookie rides along, as on every request a signed-in tab makes.
          const response = await fetch(`${base}/api/health`, { headers: { cookie: reviewer.cookie } });
          const body = (await response.json()) as { ok?: boolean };
          if (!response.ok || body.ok !== true) throw new Error(`answered ${response.status}`);
          latencies.push(performance.now() - started);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), errors, requests: latencies.length, wallMs: performance.now() - began };
}
