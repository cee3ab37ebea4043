/**
 * Benchmark of the reviewer's workbench (issue 13): seeds an article with 25 claims and one of
 * 50,000 words with 2,000 claims (two reviews with notes and three citations per claim) into a
 * throwaway SQLite file, starts the built app on a free loopback port, and requests each workbench
 * page as a signed-in reviewer: time to first byte, whole response, and HTML size, against the same
 * bytes saved as a static file and served by the same server (the floor). Also times the request
 * the workbench makes when a claim is selected (GET …/review/claims/<id>), and fifty reviewers
 * saving at once through saveReview (p50/p95/p99, errors, and that every acknowledged write is
 * there).
 *
 *   npx tsx scripts/bench/workbench.ts [--runs 9]
 *
 * Targets at 2,000 claims: first byte ≤ 300 ms, HTML ≤ 1.5 MB. Builds the app first when .next has
 * no production build. BENCH_KEEP_HTML=<prefix> keeps each page as <prefix>-<claims>.html. Everything it writes (database, the static copies in public/) is removed.
 * Not measured here: Chromium time to interactive, j and save-to-visible, and saves through the
 * UI's real path over HTTP.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { saveReview } from "@/lib/review/save-review";
import { BENCH_AUTH_SECRET, freePort, mulberry32, startServer, stopServer } from "./next-server";

const SECRET = BENCH_AUTH_SECRET;
const COOKIE = "authjs.session-token";
const SIZES = [
  { claims: 25, words: 630 },
  { claims: 2_000, words: 50_000 },
];
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 9);
const TARGET_TTFB_MS = 300;
const TARGET_BYTES = 1.5 * 1024 * 1024;

type Timing = { ttfb: number; total: number; bytes: number; status: number };

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-workbench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const publicDir = path.resolve("public");
  const createdPublicDir = !existsSync(publicDir);
  const statics: string[] = [];
  let server: ChildProcess | null = null;
  try {
    migrateDatabase(url);
    const db = createDatabase(url);
    const reviewer = await db.user.create({ data: { email: "bench-a@claimdesk.test", name: "Reviewer a", role: "reviewer" }, select: { id: true, email: true, name: true } });
    const other = await db.user.create({ data: { email: "bench-b@claimdesk.test", name: "Reviewer b", role: "reviewer" }, select: { id: true } });
    const seeded = [];
    for (const size of SIZES) seeded.push({ ...size, ...(await seed(db, size.claims, size.words, [reviewer.id, other.id])) });
    const saves = await concurrentSaves(db, seeded[seeded.length - 1]!.claims);
    // A session row as signing in makes one (lib/auth/sessions.ts): the JWT names it by `sid`, and
    // a JWT without a live row is a signed-out visitor, sent to the sign-in page.
    const sid = randomBytes(32).toString("base64url");
    await db.session.create({ data: { sessionToken: sid, userId: reviewer.id, expires: new Date(Date.now() + 3_600_000) } });
    await db.$disconnect();
    const cookie = `${COOKIE}=${await encode({ token: { sub: reviewer.id, email: reviewer.email, name: reviewer.name, sid }, secret: SECRET, salt: COOKIE })}`;

    if (!existsSync(".next/BUILD_ID")) {
      console.log("bench: no production build in .next, running `next build`…");
      execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port, url);

    const pages: { label: string; path: string; cold: Timing; warm: Timing; html: Buffer; detail: Timing }[] = [];
    for (const s of seeded) {
      const page = `/articles/${s.slug}/review`;
      const cold = await timed(`${base}${page}`, cookie);
      if (cold.status !== 200) throw new Error(`GET ${page} answered ${cold.status}`);
      const html = await body(`${base}${page}`, cookie);
      if (process.env.BENCH_KEEP_HTML) writeFileSync(`${process.env.BENCH_KEEP_HTML}-${s.claims}.html`, html);
      const warm = median(await repeat(() => timed(`${base}${page}`, cookie)));
      const detail = median(await repeat(() => timed(`${base}${page}/claims/${s.middleClaimId}`, cookie)));
      if (detail.status !== 200) throw new Error(`GET ${page}/claims/… answered ${detail.status}`);
      pages.push({ label: `${s.claims} claims`, path: page, cold, warm, html, detail });
    }

    // next start serves the public/ files it finds when it starts: write the copies, then restart.
    mkdirSync(publicDir, { recursive: true });
    for (const p of pages) {
      const file = path.join(publicDir, `bench-workbench-${p.label.replace(/\D/g, "")}.html`);
      writeFileSync(file, p.html);
      statics.push(file);
    }
    await stopServer(server);
    server = await startServer(port, url);

    console.log(`\nbench: workbench as a signed-in reviewer, median of ${RUNS} sequential requests, 127.0.0.1`);
    let ok = true;
    for (const [i, p] of pages.entries()) {
      const staticPath = `/${path.basename(statics[i]!)}`;
      await timed(`${base}${staticPath}`, "");
      const floor = median(await repeat(() => timed(`${base}${staticPath}`, "")));
      const mb = p.html.length / 1024 / 1024;
      console.log(
        `${p.label.padEnd(12)} first byte ${ms(p.warm.ttfb)} (cold ${ms(p.cold.ttfb)})  whole ${ms(p.warm.total)}  HTML ${mb.toFixed(2)} MiB` +
          `   static copy: first byte ${ms(floor.ttfb)}, whole ${ms(floor.total)}   ratio (whole) ${(p.warm.total / floor.total).toFixed(1)}×` +
          `   claim detail ${ms(p.detail.total)}`,
      );
      if (i === pages.length - 1) {
        const pass = p.warm.ttfb <= TARGET_TTFB_MS && p.html.length <= TARGET_BYTES;
        ok = pass;
        console.log(`2,000 claims: first byte ${ms(p.warm.ttfb)} (target ≤ ${TARGET_TTFB_MS} ms), HTML ${mb.toFixed(2)} MiB (target ≤ 1.5 MB): ${pass ? "OK" : "OVER TARGET"}`);
      }
    }
    const { latencies, errors, lost } = saves;
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    console.log(
      `\n${REVIEWERS} reviewers saving at once, ${SAVES_EACH} saves each, through saveReview in one process (the action without its HTTP and session): ` +
        `p50 ${ms(at(0.5))}, p95 ${ms(at(0.95))}, p99 ${ms(at(0.99))}, ${errors} errors, ${lost} acknowledged writes missing (target p95 ≤ 100 ms)`,
    );
    process.exitCode = ok && errors === 0 && lost === 0 ? 0 : 1;
  } finally {
    if (server) await stopServer(server);
    for (const file of statics) rmSync(file, { force: true });
    if (createdPublicDir) rmSync(publicDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

const REVIEWERS = 50;
const SAVES_EACH = 10;

/**
 * Fifty reviewers, each saving their own review of a claim of the 2,000-claim article ten times
 * (first a create, then updates from the version the last save gave), all at once. Checks that
 * every acknowledged save is what the database holds at the end.
 */
async function concurrentSaves(db: Database, claimCount: number) {
  const people = await Promise.all(
    Array.from({ length: REVIEWERS }, (_, i) =>
      db.user.create({ data: { email: `bench-save-${i}@claimdesk.test`, name: `Saver ${i}`, role: "reviewer" }, select: { id: true, email: true, name: true } }),
    ),
  );
  const latencies: number[] = [];
  let errors = 0;
  const acknowledged = new Map<string, { version: number; note: string }>();
  await Promise.all(
    people.map(async (person, i) => {
      const viewer = { ...person, role: "reviewer" as const };
      const claimId = `b${claimCount}c${(i * 37) % claimCount}`;
      let version: number | null = null;
      for (let n = 0; n < SAVES_EACH; n++) {
        const note = `Save ${n} by ${i}`;
        const started = performance.now();
        try {
          const saved = await saveReview(db, { viewer, claimId, verdict: n % 2 ? "accurate" : "misleading", confidence: null, note, expectedVersion: version });
          latencies.push(performance.now() - started);
          version = saved.version;
          acknowledged.set(saved.id, { version: saved.version, note });
        } catch {
          errors++;
        }
      }
    }),
  );
  const stored = await db.review.findMany({ where: { id: { in: [...acknowledged.keys()] } }, select: { id: true, version: true, note: true } });
  const lost = [...acknowledged].filter(([id, want]) => !stored.some((r) => r.id === id && r.version === want.version && r.note === want.note)).length;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, lost };
}

/** An article of about `words` words with `count` claims, two reviews and three citations each (createMany, no verbs). */
async function seed(db: Database, count: number, words: number, reviewers: string[]) {
  const slug = `bench-workbench-${count}`;
  const random = mulberry32(count);
  const vocabulary = "the county sheriff program agency officers report increase arrests detention federal local state policy budget immigration enforcement crime rate percent residents officials data record annual department court order funding community safety year".split(" ");
  let text = `# Benchmark article\n\n`;
  const spans: { start: number; end: number; sentence: string }[] = [];
  for (let i = 0, n = 0; n < words; i++) {
    if (i % 50 === 0 && i > 0) text += `## Section ${i / 50}\n\n`;
    const picked = Array.from({ length: 14 + Math.floor(random() * 12) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    picked.splice(3, 0, String(Math.floor(random() * 9000) + 100));
    n += picked.length;
    const sentence = picked.join(" ");
    const start = text.length;
    text += sentence[0]!.toUpperCase() + sentence.slice(1) + ".";
    if (spans.length < count && i % 6 !== 5) spans.push({ start, end: text.length, sentence: text.slice(start) });
    text += i % 5 === 4 ? "\n\n" : " ";
  }
  const article = await db.article.create({ data: { slug, title: `Benchmark article (${count} claims)`, status: "in_review" }, select: { id: true } });
  const revision = await db.revision.create({ data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: slug }, select: { id: true } });
  const kinds = ["statistic", "program_rule", "policy_assertion", "factual"];
  const verdicts = ["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"];
  const id = (i: number) => `b${count}c${i}`;
  await db.claim.createMany({
    data: spans.map((span, i) => ({
      id: id(i),
      articleId: article.id,
      revisionId: revision.id,
      kind: kinds[i % kinds.length]!,
      text: span.sentence,
      sourceStart: span.start,
      sourceEnd: span.end,
      quoteExact: span.sentence,
      quotePrefix: text.slice(Math.max(0, span.start - 32), span.start),
      quoteSuffix: text.slice(span.end, span.end + 32),
      score: random(),
      reasons: JSON.stringify(["names a number", "cites an agency"]),
      position: i,
      state: "reviewed",
    })),
  });
  await db.review.createMany({
    data: spans.flatMap((_, i) =>
      reviewers.map((reviewerId, r) => ({
        id: `${id(i)}r${r}`,
        claimId: id(i),
        reviewerId,
        verdict: verdicts[(i + r) % verdicts.length]!,
        confidence: "medium",
        note: `Checked against the **annual report** (table ${i % 40}); see the [sources](https://data.example/reports/${i}) below. Reviewer ${r + 1}.`,
      })),
    ),
  });
  await db.source.createMany({ data: spans.map((_, i) => ({ id: `${id(i)}s`, url: `https://data.example/${count}/${i}`, normalizedUrl: `https://data.example/${count}/${i}`, title: `Annual report ${i}` })) });
  await db.citation.createMany({
    data: spans.flatMap((_, i) => [
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "supports", excerpt: `Row ${i} of the report.`, position: 0 },
      { reviewId: `${id(i)}r0`, sourceId: `${id(i)}s`, stance: "context", excerpt: "", position: 1 },
      { reviewId: `${id(i)}r1`, sourceId: `${id(i)}s`, stance: "refutes", excerpt: `Contrary figure ${i}.`, position: 0 },
    ]),
  });
  return { slug, middleClaimId: id(Math.floor(spans.length / 2)) };
}

/** One GET: ms to the first byte of the body and to the last, and the body's size. */
function timed(url: string, cookie: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    let bytes = 0;
    const req = request(url, { headers: cookie ? { cookie } : {} }, (res) => {
      res.on("data", (chunk: Buffer) => {
        if (bytes === 0) ttfb = performance.now() - started;
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ ttfb, total: performance.now() - started, bytes, status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function body(url: string, cookie: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url, { headers: { cookie } })).arrayBuffer());
}

async function repeat(run: () => Promise<Timing>): Promise<Timing[]> {
  const out: Timing[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await run());
  return out;
}

function median(samples: Timing[]): Timing {
  const at = (key: "ttfb" | "total") => [...samples].sort((a, b) => a[key] - b[key])[Math.floor(samples.length / 2)]![key];
  return { ttfb: at("ttfb"), total: at("total"), bytes: samples[0]!.bytes, status: samples[0]!.status };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
