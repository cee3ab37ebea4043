/**
 * What the HTTP benchmarks share: a built app started with `next start` on a throwaway database and
 * a free loopback port, stopped again, and a seeded PRNG so every run measures the same article.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/** The session secret of benchmark servers only; tokens a benchmark signs use it too. */
export const BENCH_AUTH_SECRET = "bench-only-secret-not-for-deployment";

/**
 * Starts the built app on 127.0.0.1:`port` against `databaseUrl` and waits for /api/health.
 * BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the server there.
 */
export async function startServer(port: number, databaseUrl: string): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const next = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [...profile, next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AUTH_SECRET: BENCH_AUTH_SECRET, AUTH_TRUST_HOST: "true", CLAIMDESK_PUBLIC_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer within 60 s");
}

/** Stops a server started by {@link startServer} and waits until it has exited. */
export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A small seeded PRNG, so every run benchmarks the same articles. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
