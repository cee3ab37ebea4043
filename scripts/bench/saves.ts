/**
 * Fifty reviewers saving at once (issue 13). Each reviewer saves their own review of a claim of a
 * 2,000-claim article N times, back to back (a create, then updates from the version the last save
 * gave), all fifty at once. Reports p50/p95/p99 and errors, and checks afterwards, in the file
 * itself, that every acknowledged save is what the database holds (no lost write).
 *
 *   npm run bench:saves [-- --saves 10] [--database /path/file.db] [--seed-only] [--steps] [--only verb|alone|answer]
 *   npm run bench:saves -- --url http://127.0.0.1:PORT --database /path/file.db --next-dir /wt/.next
 *
 * Without --url it runs in process, through the save action's steps (saves-action.ts): the
 * session cookie decoded, the Session row and user read, the permission checked, the input parsed,
 * saveReview; then saveReview alone with the viewer known (the verb's own share); then the action
 * with its answer (the changed claim, as the workbench takes it).
 * With --url it POSTs the server action to a running `next start` exactly as the browser does
 * (saves-http.ts); the server must run on --database with AUTH_SECRET set to --secret (default:
 * the benchmarks' secret). It builds and starts nothing; the database is a fresh seeded temp file
 * unless --database names one (seeded on first use; --seed-only stops there, for starting a server
 * on it).
 *
 * The floor (saves-floor.ts): bare better-sqlite3 running the same statements, in process under
 * the same fifty reviewers, and for --url as a bare node:http server; for --url also Next's own floor,
 * /api/health asked as often by the same clients (saves-next-floor.ts). Targets: p95 ≤ 100 ms in
 * process, ≤ 300 ms over HTTP, 0 errors, 0 lost writes.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findSessionViewer } from "@/lib/auth/sessions";
import { createDatabase } from "@/lib/db/create-database";
import { saveReview } from "@/lib/review/save-review";
import { migrateDatabase } from "@/lib/db/migrate";
import { BENCH_AUTH_SECRET } from "./next-server";
import { saveThroughAction, stepCosts } from "./saves-action";
import { profiled } from "./saves-profile";
import { floorInProcess, floorOverHttp } from "./saves-floor";
import { saveOverHttp } from "./saves-http";
import { nextFloorOverHttp, type FloorRun } from "./saves-next-floor";
import { checkAcknowledged, runReviewers, summary, type Outcome } from "./saves-run";
import { seedSaves } from "./saves-seed";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SAVES = Number(option("--saves") ?? 10) || 10;
const REVIEWERS = Number(option("--reviewers") ?? 50) || 50;
const SECRET = option("--secret") ?? BENCH_AUTH_SECRET;
const BASE = option("--url");
/** --only verb|alone|answer: one run alone (for profiling with --cpu-prof); the floor then runs too. */
const ONLY = option("--only");
const wanted = (run: string) => !ONLY || ONLY === run;
const TARGET_IN_PROCESS_MS = 100;
const TARGET_HTTP_MS = 300;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-saves-"));
  const file = path.resolve(option("--database") ?? path.join(dir, "bench.db"));
  const url = `file:${file}`;
  try {
    migrateDatabase(url);
    const db = createDatabase(url);
    const seeded = await seedSaves(db, { claims: 2_000, words: 50_000, reviewers: REVIEWERS, secret: SECRET });
    if (args.includes("--seed-only")) {
      console.log(`bench:saves: seeded ${file} (${seeded.claimIds.length} claims, ${seeded.reviewers.length} reviewers)`);
      await db.$disconnect();
      return;
    }
    const results: Array<{ what: string; outcome: Outcome; target?: number }> = [];
    let nextFloor: FloorRun | null = null;
    // The floor runs on a copy, so its writes never meet the measured ones.
    const floorFile = path.join(dir, "floor.db");
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    copyFileSync(file, floorFile);

    if (args.includes("--steps")) {
      console.log(`\nbench:saves: each step of the action alone, mean of 100, one at a time`);
      for (const [what, ms] of await stepCosts(db, { secret: SECRET, reviewer: seeded.reviewers[0]!, claimId: seeded.claimIds[seeded.claimIds.length - 1]!, n: 100 })) {
        console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${what}`);
      }
    }
    if (!BASE) {
      if (wanted("verb")) {
      const plain = await profiled("verb", () => runReviewers(file, seeded, SAVES, "verb", (reviewer, input) => saveThroughAction(db, { secret: SECRET, cookie: reviewer.cookie, input, answer: false })));
      results.push({ what: "in process: session, permission, parse, saveReview", outcome: checkAcknowledged(file, plain), target: TARGET_IN_PROCESS_MS });
      }
      if (wanted("alone")) {
        // The verb alone, its viewer known: what the session and JWT cost is the difference.
        const viewers = new Map(await Promise.all(seeded.reviewers.map(async (r) => [r.id, (await findSessionViewer(db, r.sessionToken))!] as const)));
        const alone = await profiled("alone", () => runReviewers(file, seeded, SAVES, "alone", async (reviewer, input) => {
          const saved = await saveReview(db, { viewer: viewers.get(reviewer.id)!, ...input });
          return { reviewId: saved.id, version: saved.version };
        }));
        results.push({ what: "in process: saveReview alone (viewer already known)", outcome: checkAcknowledged(file, alone) });
      }
      if (wanted("answer")) {
      const answered = await profiled("answer", () => runReviewers(file, seeded, SAVES, "answer", (reviewer, input) => saveThroughAction(db, { secret: SECRET, cookie: reviewer.cookie, input, answer: true })));
      results.push({ what: "in process, with the action's answer (changed claim)", outcome: checkAcknowledged(file, answered) });
      }
      const floor = await floorInProcess(floorFile, seeded, SAVES);
      results.push({ what: "floor: bare better-sqlite3, same statements", outcome: checkAcknowledged(floorFile, floor) });
    } else {
      const over = await runReviewers(file, seeded, SAVES, "http", (reviewer, input) => saveOverHttp({ base: BASE, slug: seeded.slug, nextDir: option("--next-dir") ?? ".next", cookie: reviewer.cookie, input }));
      results.push({ what: `HTTP: server action POST to ${BASE}`, outcome: checkAcknowledged(file, over), target: TARGET_HTTP_MS });
      nextFloor = await nextFloorOverHttp(BASE, seeded, SAVES);
      const floor = await floorOverHttp(floorFile, seeded, SAVES);
      results.push({ what: "floor: bare node:http + better-sqlite3", outcome: checkAcknowledged(floorFile, floor) });
    }
    await db.$disconnect();

    const floor = results[results.length - 1]!.outcome;
    console.log(`\nbench:saves: ${REVIEWERS} reviewers at once, ${SAVES} saves each, ${seeded.claimIds.length}-claim article`);
    let ok = true;
    for (const { what, outcome, target } of results) {
      const line = summary(outcome, floor);
      const verdict = target === undefined ? "" : outcome.p95 <= target && outcome.errors === 0 && outcome.lost === 0 ? `  target p95 ≤ ${target} ms: OK` : `  target p95 ≤ ${target} ms: MISSED`;
      if (target !== undefined && !verdict.endsWith("OK")) ok = false;
      console.log(`${what.padEnd(56)} ${line}${verdict}`);
    }
    if (nextFloor) {
      const save = results[0]!.outcome;
      const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
      console.log(
        `${"Next's floor: GET /api/health, same server and clients".padEnd(56)} p50 ${nextFloor.p50.toFixed(0)} / p95 ${nextFloor.p95.toFixed(0)} / p99 ${nextFloor.p99.toFixed(0)} ms,` +
          ` ${((nextFloor.requests / nextFloor.wallMs) * 1000).toFixed(0)} requests/s, ${nextFloor.errors} errors; the save's p50 / p95 is ${x(save.p50, nextFloor.p50)} / ${x(save.p95, nextFloor.p95)} it`,
      );
    }
    console.log(`load: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
