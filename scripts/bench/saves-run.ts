/**
 * The workload of `npm run bench:saves` and its check: fifty reviewers, each on a claim of their
 * own, saving back to back from the version their last save gave, all at once; then every
 * acknowledged save is looked for in the file itself (bare better-sqlite3, not the code measured):
 * the review at its last acknowledged version and note, and one audit event per acknowledged save.
 */
import Sqlite from "better-sqlite3";
import type { SaveReviewInput } from "@/lib/review/schemas";
import type { BenchReviewer, SeededSaves } from "./saves-seed";

export type Ack = { reviewId: string; version: number };
export type SaveFn = (reviewer: BenchReviewer, input: SaveReviewInput) => Promise<Ack>;
type Acknowledged = { reviewId: string; version: number; note: string; verdict: string };
/** `cpuMs`: this process's CPU time (user + system) over the run: the whole save in process, the client's share over HTTP. */
export type Run = { latencies: number[]; errors: number; errorSamples: string[]; acknowledged: Acknowledged[]; wallMs: number; cpuMs: number };
export type Outcome = Run & { p50: number; p95: number; p99: number; lost: number };

const VERDICTS = ["accurate", "misleading", "missing_context", "false"] as const;
/** Each run (tag) takes other claims, so runs on one file never meet each other's reviews. */
const RUN_OFFSETS: Record<string, number> = { verb: 0, answer: 1, http: 2, floor: 3, alone: 5 };

/** The claim reviewer `i` saves on in a run: spread over the article, one per reviewer. */
export function claimOf(seeded: SeededSaves, i: number, tag: string): string {
  return seeded.claimIds[(i * 37 + (RUN_OFFSETS[tag] ?? 4)) % seeded.claimIds.length]!;
}

/** The note of a reviewer's n-th save: Markdown, so each save renders a new note. */
export function noteOf(tag: string, i: number, n: number): string {
  return `**Save ${n}** by reviewer ${i} (${tag}): matches [the annual report](https://data.example/r/${i}/${n}), table ${n}.`;
}

export async function runReviewers(file: string, seeded: SeededSaves, saves: number, tag: string, save: SaveFn): Promise<Run> {
  const start = startVersions(file, seeded, tag);
  const run: Run = { latencies: [], errors: 0, errorSamples: [], acknowledged: [], wallMs: 0, cpuMs: 0 };
  const began = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    seeded.reviewers.map(async (reviewer, i) => {
      const claimId = claimOf(seeded, i, tag);
      let version = start.get(`${claimId} ${reviewer.id}`) ?? null;
      for (let n = 0; n < saves; n++) {
        const note = noteOf(tag, i, n);
        const verdict = VERDICTS[n % VERDICTS.length]!;
        const started = performance.now();
        try {
          const ack = await save(reviewer, { claimId, verdict, confidence: n % 2 ? "high" : null, note, expectedVersion: version });
          run.latencies.push(performance.now() - started);
          version = ack.version;
          run.acknowledged.push({ reviewId: ack.reviewId, version: ack.version, note, verdict });
        } catch (error) {
          run.errors++;
          if (run.errorSamples.length < 3) run.errorSamples.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  run.wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  run.cpuMs = (used.user + used.system) / 1000;
  run.latencies.sort((a, b) => a - b);
  return run;
}

/** Versions of the reviews the run's reviewers already have (a database benchmarked before). */
function startVersions(file: string, seeded: SeededSaves, tag: string): Map<string, number> {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    const read = sqlite.prepare<[string, string], { version: number }>('SELECT "version" FROM "Review" WHERE "claimId" = ? AND "reviewerId" = ?');
    const out = new Map<string, number>();
    seeded.reviewers.forEach((reviewer, i) => {
      const claimId = claimOf(seeded, i, tag);
      const row = read.get(claimId, reviewer.id);
      if (row) out.set(`${claimId} ${reviewer.id}`, row.version);
    });
    return out;
  } finally {
    sqlite.close();
  }
}

/** Counts acknowledged saves the file does not hold: the review's last state, and each save's audit event. */
export function checkAcknowledged(file: string, run: Run): Outcome {
  const sqlite = new Sqlite(file, { readonly: true });
  let lost = 0;
  try {
    const review = sqlite.prepare<[string], { version: number; note: string; verdict: string | null }>('SELECT "version", "note", "verdict" FROM "Review" WHERE "id" = ?');
    const events = sqlite.prepare<[string], { after: string | null }>('SELECT "after" FROM "AuditEvent" WHERE "entityType" = \'review\' AND "entityId" = ? AND "action" = \'review.save\'');
    const last = new Map<string, Acknowledged>();
    for (const ack of run.acknowledged) if ((last.get(ack.reviewId)?.version ?? 0) < ack.version) last.set(ack.reviewId, ack);
    for (const want of last.values()) {
      const row = review.get(want.reviewId);
      if (!row || row.version !== want.version || row.note !== want.note || row.verdict !== want.verdict) lost++;
    }
    const byReview = new Map<string, Set<string>>();
    for (const ack of run.acknowledged) {
      let seen = byReview.get(ack.reviewId);
      if (!seen) {
        seen = new Set(events.all(ack.reviewId).map((e) => { const after = JSON.parse(e.after ?? "{}") as { version?: number; note?: string }; return `${after.version} ${after.note}`; }));
        byReview.set(ack.reviewId, seen);
      }
      if (!seen.has(`${ack.version} ${ack.note}`)) lost++;
    }
  } finally {
    sqlite.close();
  }
  const at = (q: number) => run.latencies[Math.min(run.latencies.length - 1, Math.floor(q * run.latencies.length))] ?? Number.NaN;
  return { ...run, lost, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const ms = (value: number) => `${value.toFixed(0)}`;
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(1)}×`;

/** One line of figures, with each percentile's ratio to the floor's. */
export function summary(outcome: Outcome, floor: Outcome): string {
  const rate = (outcome.acknowledged.length / outcome.wallMs) * 1000;
  const errors = outcome.errors ? ` (${outcome.errorSamples.join(" | ")})` : "";
  return (
    `p50 ${ms(outcome.p50)} / p95 ${ms(outcome.p95)} / p99 ${ms(outcome.p99)} ms` +
    ` (${ratio(outcome.p50, floor.p50)} / ${ratio(outcome.p95, floor.p95)} / ${ratio(outcome.p99, floor.p99)} floor),` +
    ` ${rate.toFixed(0)} saves/s, CPU ${(outcome.cpuMs / Math.max(1, outcome.acknowledged.length)).toFixed(2)} ms/save, ${outcome.errors} errors${errors}, ${outcome.lost} lost`
  );
}
