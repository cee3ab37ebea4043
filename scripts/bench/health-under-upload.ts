/**
 * Benchmark of the server's health while a hostile upload is processed (issue 11, finding 8): seeds
 * an article into a throwaway SQLite file, starts the built app on a free loopback port, posts a
 * 5 MB single-line revision through the real revision upload (the server action, as a signed-in
 * editor's browser posts it), and polls /api/health every 20 ms until the upload answers. Prints
 * the health check's p50/p99/max latency, the upload's own answer and time, and the machine's load.
 *
 *   npx tsx scripts/bench/health-under-upload.ts [--bytes 5000000]
 *
 * Target: /api/health p99 < 100 ms while the upload runs. Needs a production build (`npm run build`).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { importArticle } from "@/lib/articles/import-article";
import { createDatabase } from "@/lib/db/create-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { BENCH_AUTH_SECRET, freePort, startServer, stopServer } from "./next-server";

const COOKIE = "authjs.session-token";
const args = process.argv.slice(2);
const BYTES = Number(args[args.indexOf("--bytes") + 1] || 5_000_000);
const POLL_MS = 20;
const TARGET_P99_MS = 100;

/** The server action's id in the build, looked up by its exported name. */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in .next/server/server-reference-manifest.json`);
  return id;
}

/** A line of prose with figures, repeated: the probe's 5 MB single line (1,000s of * or [ are refused up front instead). */
function singleLine(bytes: number): string {
  const piece = "The council said spending rose by 7 percent to $42 million in 2023, and critics disagreed. ";
  return piece.repeat(Math.ceil(bytes / piece.length)).slice(0, bytes);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build in .next: run npm run build first");
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-health-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  migrateDatabase(url);
  const db = createDatabase(url);
  const editor = await db.user.create({ data: { email: "editor@bench.example", name: "Bench Editor", role: "editor" } });
  await importArticle(db, { text: readFileSync("content/ice-287g-fy2020.md", "utf8"), fileName: "ice.md", slug: "ice", actorId: editor.id });
  // A session row as signing in makes one (lib/auth/sessions.ts); the JWT names it by `sid`.
  const sid = randomBytes(32).toString("base64url");
  await db.session.create({ data: { sessionToken: sid, userId: editor.id, expires: new Date(Date.now() + 3_600_000) } });
  await db.$disconnect();

  const port = await freePort();
  const server = await startServer(port, url);
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookie = `${COOKIE}=${await encode({ token: { sub: editor.id, email: editor.email, name: editor.name, sid }, secret: BENCH_AUTH_SECRET, salt: COOKIE })}`;
    const text = singleLine(BYTES);
    // The server's first upload builds the worker bundle when it is missing (esbuild, ~2 s); a small one first.
    const post = (body: unknown) =>
      fetch(`${base}/articles/ice/revisions`, {
        method: "POST",
        headers: { cookie, origin: base, "next-action": actionId("importRevisionAction"), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        body: JSON.stringify([body]),
      });
    await (await post({ slug: "ice", text: "# Warm-up\n\nThe city spent $4 million on roads in 2023.\n", fileName: "warm.md" })).text();
    const loadBefore = load();
    const latencies: number[] = [];
    let failures = 0;
    let uploading = true;
    const started = performance.now();
    const upload = post({ slug: "ice", text, fileName: "line.md" }).then(async (res) => ({ status: res.status, body: (await res.text()).slice(0, 400), ms: performance.now() - started }));
    void upload.finally(() => (uploading = false));
    while (uploading) {
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (!res.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_MS - (performance.now() - t))));
    }
    const answer = await upload;
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = pct(sorted, 0.99);
    console.log(`bench: /api/health every ${POLL_MS} ms while a ${(BYTES / 1e6).toFixed(1)} MB single-line revision upload is processed (next start, 127.0.0.1)`);
    console.log(`  upload answered ${answer.status} after ${(answer.ms / 1000).toFixed(1)} s: ${answer.body.replace(/\s+/g, " ").slice(0, 300)}`);
    console.log(`  health: ${latencies.length} requests, ${failures} failed; p50 ${pct(sorted, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? "met" : "NOT met"})`);
    console.log(`  machine load (1/5/15 min) before ${loadBefore}, after ${load()}; ${execFileSync("uptime").toString().trim()}`);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
