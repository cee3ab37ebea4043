/**
 * Benchmark of the public reading view (issue 5): seeds a 50,000-word article with 2,000 claims,
 * 4,000 reviews and 6,000 citations into a throwaway SQLite file, starts the built app on a free
 * loopback port, and loads /a/<slug> and the same HTML saved as a static file (public/, served by
 * the same server) with autocannon, twice:
 *
 * - uncompressed (no Accept-Encoding): the reading view against its HTML as a static file
 *   (target ≤ 3×, issue 5);
 * - as a browser asks (`Accept-Encoding: gzip, deflate, br, zstd`): the reading view against the
 *   very bytes it sent compressed (brotli or gzip, whichever it answered) saved as a static file
 *   `public/….html.<coding>` (target ≤ 2×, issue 13). That is a static server's precompressed
 *   file (nginx gzip_static): same server, same request headers, same bytes on the wire, nothing
 *   compressed per request for the static copy (next start does not compress a `.br`/`.gzip` file
 *   again: not a compressible type). Whatever the reading view does per request shows in the ratio.
 *
 * Builds the app first when .next has no production build. Everything it writes (database, the
 * static copy in public/) is removed at the end. BENCH_CPU_PROFILE=<dir> writes the server's CPU
 * profiles there.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { get as httpGet } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { createDatabase, type Database } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { freePort, mulberry32, startServer, stopServer } from "./next-server";

const WORDS = 50_000;
const CLAIMS = 2_000;
const SLUG = "bench-reading-view";
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = option("duration", 10);
const CONNECTIONS = option("connections", 10);

type Sample = { p50: number; p95: number; requests: number; errors: number; bytes: number };
/** What Chromium sends. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
type Autocannon = (
  opts: { url: string; connections: number; duration: number; timeout: number; headers?: Record<string, string> },
) => { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void } & PromiseLike<{ errors: number; non2xx: number }>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const publicDir = path.resolve("public");
  const createdPublicDir = !existsSync(publicDir);
  const staticFile = path.join(publicDir, `bench-${SLUG}.html`);
  let staticCompressed = "";
  let server: ChildProcess | null = null;
  try {
    console.log("bench: seeding…");
    migrateDatabase(url);
    const db = createDatabase(url);
    const counts = await seed(db);
    await db.$disconnect();
    console.log(`bench: ${counts.words} words, ${counts.claims} claims, ${counts.reviews} reviews, ${counts.citations} citations, ${counts.sources} sources`);

    if (!existsSync(".next/BUILD_ID")) {
      console.log("bench: no production build in .next, running `next build`…");
      execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port, url);
    const response = await fetch(`${base}/a/${SLUG}`);
    if (response.status !== 200) throw new Error(`GET /a/${SLUG} answered ${response.status}`);
    const html = await response.text();
    console.log(`bench: reading view HTML ${(html.length / 1024 / 1024).toFixed(2)} MiB`);
    // next start serves the public/ files it finds when it starts: write the copy, then restart.
    const compressed = await rawGet(`${base}/a/${SLUG}`, { "accept-encoding": BROWSER_ENCODINGS });
    const coding = String(compressed.headers["content-encoding"] ?? "");
    if (coding !== "br" && coding !== "gzip") throw new Error(`the reading view answered Content-Encoding "${coding}" to a browser's Accept-Encoding`);
    console.log(`bench: reading view as a browser asks: ${coding}, ${(compressed.body.byteLength / 1024).toFixed(0)} KiB, ETag ${compressed.headers.etag}, Vary ${compressed.headers.vary}`);
    staticCompressed = `${staticFile}.${coding}`;
    mkdirSync(publicDir, { recursive: true });
    writeFileSync(staticFile, html);
    writeFileSync(staticCompressed, compressed.body);
    if (process.env.BENCH_KEEP_HTML) writeFileSync(process.env.BENCH_KEEP_HTML, html);
    await stopServer(server);
    server = await startServer(port, url);
    const check = await fetch(`${base}/bench-${SLUG}.html`);
    if (check.status !== 200 || (await check.text()).length !== html.length) throw new Error("the static copy is not served as saved");
    const staticCompressedUrl = `${base}/${path.basename(staticCompressed)}`;
    const checkCompressed = await rawGet(staticCompressedUrl, { "accept-encoding": BROWSER_ENCODINGS });
    if (checkCompressed.status !== 200 || !checkCompressed.body.equals(compressed.body) || checkCompressed.headers["content-encoding"]) {
      throw new Error("the static compressed copy is not served as saved (or was compressed again)");
    }

    const reading = await load(`${base}/a/${SLUG}`);
    await drain(base); // autocannon stops sending at the deadline; let the server finish what it accepted
    const staticCopy = await load(`${base}/bench-${SLUG}.html`);
    await drain(base);
    const browser = { "accept-encoding": BROWSER_ENCODINGS };
    const readingBr = await load(`${base}/a/${SLUG}`, browser);
    await drain(base);
    const staticBr = await load(staticCompressedUrl, browser);
    const row = (name: string, s: Sample) =>
      `${name.padEnd(22)} p50 ${s.p50.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms   ${String(s.requests).padStart(6)} requests   ${(s.bytes / Math.max(1, s.requests) / 1024).toFixed(0).padStart(6)} KiB each   ${s.errors} errors`;
    const verdict = (name: string, ratio: number, target: number) =>
      `ratio ${name} (reading view p50 / static p50): ${ratio.toFixed(2)} (target ≤ ${target}) ${ratio <= target ? "OK" : "OVER TARGET"}`;
    console.log(`\nbench: autocannon, ${CONNECTIONS} connections, ${DURATION} s each, 127.0.0.1`);
    console.log(row("reading view", reading));
    console.log(row("static copy", staticCopy));
    console.log(row(`reading view, ${compressed.headers["content-encoding"]}`, readingBr));
    console.log(row(`static ${path.extname(staticCompressed)}`, staticBr));
    const plainRatio = reading.p50 / staticCopy.p50;
    const brRatio = readingBr.p50 / staticBr.p50;
    console.log(verdict("uncompressed", plainRatio, 3));
    console.log(verdict(`as a browser asks (${BROWSER_ENCODINGS})`, brRatio, 2));
    process.exitCode = plainRatio <= 3 && brRatio <= 2 && reading.errors + staticCopy.errors + readingBr.errors + staticBr.errors === 0 ? 0 : 1;
  } finally {
    if (server) await stopServer(server);
    rmSync(staticFile, { force: true });
    if (staticCompressed) rmSync(staticCompressed, { force: true });
    if (createdPublicDir) rmSync(publicDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the article, claims, reviews, sources and citations with createMany (raw rows, no verbs). */
async function seed(db: Database) {
  const random = mulberry32(20_26);
  const vocabulary =
    "the county sheriff program agency officers report increase arrests detention federal local state policy budget immigration enforcement crime rate percent residents officials data record annual department court order funding community safety year".split(
      " ",
    );
  const sentences: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const length = 14 + Math.floor(random() * 12);
    const picked = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    picked.splice(3, 0, String(Math.floor(random() * 9000) + 100));
    if (sentences.length % 7 === 3) picked[5] = `**${picked[5]}**`;
    const sentence = picked.join(" ");
    sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + ".");
    words += picked.length;
  }
  // Paragraphs of five sentences, a heading every ten paragraphs; claims on five of every six sentences.
  let text = `---\ntitle: "Benchmark article"\n---\n\n# Benchmark article\n\n`;
  const spans: { start: number; end: number; sentence: string }[] = [];
  sentences.forEach((sentence, i) => {
    if (i % 50 === 0 && i > 0) text += `## Section ${i / 50}\n\n`;
    const start = text.length;
    text += sentence;
    if (spans.length < CLAIMS && i % 6 !== 5) spans.push({ start, end: text.length, sentence });
    text += i % 5 === 4 ? "\n\n" : " ";
  });

  const editor = await db.user.create({ data: { email: "bench-editor@claimdesk.test", name: "Bench Editor", role: "editor" }, select: { id: true } });
  const reviewers = await Promise.all(
    ["a", "b"].map((k) => db.user.create({ data: { email: `bench-${k}@claimdesk.test`, name: `Reviewer ${k}`, role: "reviewer" }, select: { id: true } })),
  );
  const article = await db.article.create({
    data: { slug: SLUG, title: "Benchmark article", publisher: "Bench Daily", author: "A. Writer", originalUrl: "https://bench.example/article", status: "published", publishedAt: new Date() },
    select: { id: true },
  });
  const revision = await db.revision.create({
    data: { articleId: article.id, number: 1, text, sourceFormat: "markdown", contentHash: "bench" },
    select: { id: true },
  });
  const kinds = ["statistic", "program_rule", "policy_assertion", "factual"];
  const verdicts = ["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"];
  await db.claim.createMany({
    data: spans.map((span, i) => ({
      id: `bc${i}`,
      articleId: article.id,
      revisionId: revision.id,
      kind: kinds[i % kinds.length]!,
      text: span.sentence.replace(/\*\*/g, ""),
      sourceStart: span.start,
      sourceEnd: span.end,
      quoteExact: span.sentence,
      quotePrefix: text.slice(Math.max(0, span.start - 32), span.start),
      quoteSuffix: text.slice(span.end, span.end + 32),
      score: 0.5,
      position: i,
      state: "reviewed",
    })),
  });
  await db.review.createMany({
    data: spans.flatMap((_, i) =>
      reviewers.map((reviewer, r) => ({
        id: `br${i}-${r}`,
        claimId: `bc${i}`,
        reviewerId: reviewer.id,
        verdict: verdicts[(i + r) % verdicts.length]!,
        confidence: "medium",
        note: `Checked against the **annual report** (table ${i % 40}); see the sources below. Reviewer ${r + 1}.`,
      })),
    ),
  });
  const SOURCES = 1_500;
  await db.source.createMany({
    data: Array.from({ length: SOURCES }, (_, s) => ({
      id: `bs${s}`,
      url: `https://data.example/reports/${s}`,
      normalizedUrl: `https://data.example/reports/${s}`,
      title: `Annual enforcement report ${s}`,
      publisher: "Data Office",
    })),
  });
  // The first review of each claim cites two sources, the second one: 6,000 citations.
  await db.citation.createMany({
    data: spans.flatMap((_, i) => [
      { reviewId: `br${i}-0`, sourceId: `bs${(i * 3) % SOURCES}`, stance: "supports", excerpt: `Row ${i} of the report.`, position: 0 },
      { reviewId: `br${i}-0`, sourceId: `bs${(i * 3 + 1) % SOURCES}`, stance: "context", excerpt: "", position: 1 },
      { reviewId: `br${i}-1`, sourceId: `bs${(i * 3 + 2) % SOURCES}`, stance: "refutes", excerpt: `Contrary figure ${i}.`, position: 0 },
    ]),
  });
  // Nine claims in ten approved (the first review); the rest stay reviewed, shown as not yet rated.
  await db.$executeRawUnsafe(
    `UPDATE "Claim" SET state = 'approved', approvedReviewId = 'br' || substr(id, 3) || '-0', approvedById = ?, approvedAt = CURRENT_TIMESTAMP WHERE CAST(substr(id, 3) AS INTEGER) % 10 <> 9`,
    editor.id,
  );
  return { words, claims: spans.length, reviews: spans.length * 2, citations: spans.length * 3, sources: SOURCES };
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Sample> {
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  await rawGet(url, headers); // one warm-up request, timed on its own
  console.log(`bench: one request to ${new URL(url).pathname}${headers["accept-encoding"] ? " (compressed)" : ""}: ${(performance.now() - started).toFixed(0)} ms`);
  const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION, timeout: 120, headers });
  instance.on("response", (_client, _status, resBytes, ms) => {
    times.push(ms);
    bytes += resBytes;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), requests: times.length, errors: result.errors + result.non2xx, bytes };
}

/** A GET that keeps the body as sent: fetch would decode a compressed one. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function drain(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await fetch(`${base}/api/health`);
    if (performance.now() - started < 50) return;
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
