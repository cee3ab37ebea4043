/**
 * `npm run bench:saves-multi-server`: fifty reviewers saving at once through nginx to two app
 * servers on one PostgreSQL (issue 14, "Load"). Each reviewer has a session (a Session row and the
 * JWT cookie Auth.js sets at sign-in) and a claim of their own, and saves back to back from the
 * version their last save returned, over HTTP exactly as the workbench does: a POST of the save
 * server action (Next-Action header, the arguments as JSON, an RSC stream back). Then every
 * acknowledged save is looked for in the database: the review at its last acknowledged version,
 * verdict and note, and one audit event per acknowledged save.
 *
 * Needs a build (`npm run build`), Debian's nginx and PostgreSQL's server programs. The cluster is
 * durable (fsync on), so the figures are what a real server would give.
 *
 *   npm run bench:saves-multi-server [-- --saves 10 --reviewers 50]
 *
 * The request code is this file's own: scripts/bench/saves.ts (S13, one server on SQLite) had no
 * HTTP path yet when this was written.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { openSession } from "@/lib/auth/sessions";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { startMultiServer } from "../multi-server";
import { startCluster } from "../postgres-cluster.mjs";
import { cpuPerSave, cpuSnapshot, postmasterPid, type ProcessGroups } from "./saves-multi-server-cpu";
import { startFloor, type Floor } from "./saves-multi-server-floor";

const SESSION_COOKIE = "authjs.session-token";
const SECRET = "bench-only-secret-not-for-deployment";
const SLUG = "ice-287g-fy2020";
const VERDICTS = ["accurate", "misleading", "missing_context", "false"] as const;

type Reviewer = { id: string; cookie: string; sessionToken: string; claimId: string };
type Ack = { reviewId: string; version: number; note: string; verdict: string };
type Save = { claimId: string; verdict: string; confidence: string | null; note: string; expectedVersion: number | null };

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The id Next gave the workbench's save action in this build. */
function saveActionId(): string {
  const file = path.resolve(".next/server/server-reference-manifest.json");
  let manifest: { node: Record<string, { exportedName?: string; filename?: string }> };
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === "saveReviewAction" && a.filename?.endsWith("review/actions.ts"))?.[0];
  if (!id) throw new Error("saveReviewAction is not in the build's server-reference manifest");
  return id;
}

/** Reviewers with open sessions, each on a claim of the seed article (wrapping round when there are fewer claims). */
async function seedReviewers(db: Database, count: number, prefix: string): Promise<Reviewer[]> {
  const claims = await db.claim.findMany({ where: { article: { slug: SLUG } }, orderBy: { position: "asc" }, select: { id: true } });
  const out: Reviewer[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-${i}@claimdesk.test`;
    const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: `Saver ${i}`, role: "reviewer" }, select: { id: true, name: true } });
    const { sessionToken } = await openSession(db, { userId: user.id });
    // What lib/auth/config.ts's jwt callback puts in the cookie at sign-in: who, and which Session row.
    const jwt = await encode({ token: { name: user.name, email, sub: user.id, sid: sessionToken }, secret: SECRET, salt: SESSION_COOKIE });
    out.push({ id: user.id, cookie: `${SESSION_COOKIE}=${jwt}`, sessionToken, claimId: claims[(i * 7) % claims.length]!.id });
  }
  return out;
}

/**
 * One save over HTTP, as the browser sends it; resolves with the review's id and version and the
 * server that answered, or throws with what came back instead.
 */
async function saveOverHttp(proxyUrl: string, actionId: string, reviewer: Reviewer, input: Save): Promise<{ reviewId: string; version: number; server: string }> {
  const response = await fetch(`${proxyUrl}/articles/${SLUG}/review`, {
    method: "POST",
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: proxyUrl, Cookie: reviewer.cookie },
    body: JSON.stringify([input]),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 120)}`);
  // The RSC stream: one `<id>:<json>` row per line; the action's result is the row with `ok`.
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    const row = JSON.parse(json) as { ok?: boolean; data?: { review?: { id: string; version: number } }; error?: { code: string; message: string } };
    if (row.ok === true && row.data?.review) return { reviewId: row.data.review.id, version: row.data.review.version, server: response.headers.get("x-claimdesk-server") ?? "?" };
    if (row.ok === false) throw new Error(`${row.error?.code}: ${row.error?.message}`);
  }
  throw new Error(`no action result in: ${body.slice(0, 120)}`);
}

/** Counts acknowledged saves the database does not hold (read back with plain queries, not the save path). */
async function lostWrites(db: Database, acks: Ack[]): Promise<number> {
  let lost = 0;
  const last = new Map<string, Ack>();
  for (const ack of acks) if ((last.get(ack.reviewId)?.version ?? 0) < ack.version) last.set(ack.reviewId, ack);
  const reviews = await db.review.findMany({ where: { id: { in: [...last.keys()] } }, select: { id: true, version: true, note: true, verdict: true } });
  const byId = new Map(reviews.map((r) => [r.id, r]));
  for (const want of last.values()) {
    const row = byId.get(want.reviewId);
    if (!row || row.version !== want.version || row.note !== want.note || row.verdict !== want.verdict) lost++;
  }
  const events = await db.auditEvent.findMany({ where: { entityType: "review", action: "review.save", entityId: { in: [...last.keys()] } }, select: { entityId: true, after: true } });
  const seen = new Set(events.map((e) => {
    const after = (typeof e.after === "string" ? JSON.parse(e.after) : e.after ?? {}) as { version?: number; note?: string };
    return `${e.entityId} ${after.version} ${after.note}`;
  }));
  for (const ack of acks) if (!seen.has(`${ack.reviewId} ${ack.version} ${ack.note}`)) lost++;
  return lost;
}

type Sender = (reviewer: Reviewer, input: Save) => Promise<{ reviewId: string; version: number; server: string }>;
type RunResult = { latencies: number[]; acks: Ack[]; servers: Map<string, number>; errors: string[]; wallMs: number; load: [number, number]; cpu: string; lost: number };

/**
 * The model: every reviewer at once, each saving back to back (no pause) from the version their
 * last save returned. A closed loop, so latency ≈ reviewers ÷ throughput: a figure of the whole
 * machine's throughput, the other processes on it included.
 */
async function runReviewers(db: Database, reviewers: Reviewer[], saves: number, groups: ProcessGroups, send: Sender): Promise<RunResult> {
  const loadBefore = loadavg()[0]!;
  const cpuBefore = cpuSnapshot(groups);
  const latencies: number[] = [];
  const acks: Ack[] = [];
  const servers = new Map<string, number>();
  const errors: string[] = [];
  const began = performance.now();
  await Promise.all(
    reviewers.map(async (reviewer, i) => {
      let version: number | null = null;
      for (let n = 0; n < saves; n++) {
        const input: Save = { claimId: reviewer.claimId, verdict: VERDICTS[n % VERDICTS.length]!, confidence: n % 2 ? "high" : null, note: `**Save ${n}** by reviewer ${i}: matches [the report](https://data.example/r/${i}/${n}).`, expectedVersion: version };
        const started = performance.now();
        try {
          const ack = await send(reviewer, input);
          latencies.push(performance.now() - started);
          version = ack.version;
          acks.push({ reviewId: ack.reviewId, version: ack.version, note: input.note, verdict: input.verdict });
          servers.set(ack.server, (servers.get(ack.server) ?? 0) + 1);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const wallMs = performance.now() - began;
  const load: [number, number] = [loadBefore, loadavg()[0]!];
  const cpu = cpuPerSave(cpuBefore, cpuSnapshot(groups), acks.length);
  latencies.sort((a, b) => a - b);
  return { latencies, acks, servers, errors, wallMs, load, cpu, lost: await lostWrites(db, acks) };
}

function report(what: string, r: RunResult): number {
  const at = (q: number) => r.latencies[Math.min(r.latencies.length - 1, Math.floor(q * r.latencies.length))] ?? Number.NaN;
  console.log(what);
  console.log(
    `  p50 ${at(0.5).toFixed(0)} / p95 ${at(0.95).toFixed(0)} / p99 ${at(0.99).toFixed(0)} ms, ${((r.acks.length / r.wallMs) * 1000).toFixed(0)} saves/s, ` +
      `${r.errors.length} errors${r.errors.length ? ` (${[...new Set(r.errors)].slice(0, 3).join(" | ")})` : ""}, ${r.lost} lost of ${r.acks.length} acknowledged`,
  );
  console.log(`  answered by ${[...r.servers].map(([name, n]) => `${name} ${n}`).join(", ")}; load average ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after (1 min, ${availableParallelism()} cores)`);
  console.log(`  CPU per save (ms): ${r.cpu}`);
  return at(0.95);
}

async function main(): Promise<void> {
  const saves = option("saves", 10);
  const count = option("reviewers", 50);
  const serverCount = option("servers", 2);
  // --cpu-prof DIR: each app server writes a V8 CPU profile of its whole life into DIR when it stops.
  const profileDir = process.argv.includes("--cpu-prof") ? path.resolve(process.argv[process.argv.indexOf("--cpu-prof") + 1]!) : null;
  const actionId = saveActionId();
  // --sqlite: the same two servers on one SQLite file, for comparison.
  const sqlite = process.argv.includes("--sqlite");
  const file = path.join(tmpdir(), `claimdesk-bench-multi-${process.pid}.db`);
  const cluster = sqlite ? { url: `file:${file}`, stop: async () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })) } : await startCluster({ durable: true, database: "claimdesk_bench" });
  let stack: Awaited<ReturnType<typeof startMultiServer>> | undefined;
  let floor: Floor | undefined;
  const db = createDatabase(cluster.url);
  try {
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/setup.ts"], { env: { ...process.env, DATABASE_URL: cluster.url, NODE_ENV: "test" }, stdio: "ignore" });
    const reviewers = await seedReviewers(db, count + 1, "bench-multi");
    const warmUp = reviewers.pop()!;
    const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    stack = await startMultiServer({ databaseUrl: cluster.url, authSecret: SECRET, output: "ignore", count: serverCount, nodeArgs });
    const proxyUrl = stack.proxyUrl;
    // Each server compiles and connects on its first requests: not part of the figures.
    let warmVersion: number | null = null;
    for (let n = 0; n < 40; n++) warmVersion = (await saveOverHttp(proxyUrl, actionId, warmUp, { claimId: warmUp.claimId, verdict: "accurate", confidence: null, note: `warm ${n}`, expectedVersion: warmVersion })).version;

    const postmaster = "dataDir" in cluster ? postmasterPid(cluster.dataDir) : null;
    const database: ProcessGroups = postmaster ? { PostgreSQL: [postmaster] } : {};
    const claims = new Set(reviewers.map((r) => r.claimId)).size;
    console.log(
      `model: ${count} reviewers at once, each with their own review (on ${claims} claims of one article), saving ${saves} times back to back (no pause) ` +
        `from the version their last save returned, over HTTP as the workbench does; a closed loop, so latency ≈ reviewers ÷ throughput`,
    );
    const full = await runReviewers(db, reviewers, saves, { "app servers": stack.servers.map((s) => s.process.pid!), nginx: [stack.proxy.process.pid!], ...database }, (reviewer, input) =>
      saveOverHttp(proxyUrl, actionId, reviewer, input),
    );
    await stack.stop();
    stack = undefined;
    const p95 = report(`saves through nginx to ${serverCount} app servers (next start) on ${sqlite ? "one SQLite file" : "PostgreSQL (durable)"}: ${count} reviewers × ${saves} saves`, full);
    const met = p95 <= 150 && full.errors.length === 0 && full.lost === 0;
    console.log(`  target (issue 14): p95 ≤ 150 ms, 0 errors, 0 lost: ${met ? "met" : "NOT met"}`);
    if (full.errors.length > 0 || full.lost > 0) process.exitCode = 1;

    if (!sqlite && !process.argv.includes("--no-floor")) {
      // The floor: the same model on other reviewers of the same claims, through the same nginx, to bare servers.
      const floorReviewers = await seedReviewers(db, count, "bench-floor");
      floor = await startFloor(cluster.url, serverCount);
      const floorUrl = floor.proxyUrl;
      const bare = await runReviewers(db, floorReviewers, saves, { "floor servers": floor.servers.map((s) => s.pid!), nginx: [floor.proxy.process.pid!], ...database }, (reviewer, input) =>
        saveToFloor(floorUrl, reviewer, input),
      );
      const floorP95 = report(`floor: the same through nginx to ${serverCount} bare node:http servers (session row + saveReviewOnPostgres, no framework; saves-multi-server-floor.ts)`, bare);
      console.log(`  full stack ÷ floor: p95 ${(p95 / floorP95).toFixed(1)}×`);
      if (bare.errors.length > 0 || bare.lost > 0) process.exitCode = 1;
    }
  } finally {
    await stack?.stop();
    await floor?.stop();
    await db.$disconnect();
    await cluster.stop();
  }
}

/** One save to a floor server: the session's token and the input as JSON. */
async function saveToFloor(floorUrl: string, reviewer: Reviewer, input: Save): Promise<{ reviewId: string; version: number; server: string }> {
  const response = await fetch(floorUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessionToken: reviewer.sessionToken, save: input }) });
  const row = (await response.json()) as { ok: boolean; data?: { review: { id: string; version: number } }; error?: { code: string; message: string } };
  if (!row.ok || !row.data) throw new Error(`${row.error?.code}: ${row.error?.message}`);
  return { reviewId: row.data.review.id, version: row.data.review.version, server: response.headers.get("x-claimdesk-server") ?? "?" };
}

main().catch((error: unknown) => {
  console.error(`bench:saves-multi-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
