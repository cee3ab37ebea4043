/**
 * The servers the end-to-end tests talk to, started by playwright.config.ts's webServer: the built
 * app on E2E_PORT over a throwaway database (never the developer's data/claimdesk.db), set up like
 * a fresh machine, and removed again when Playwright stops this process (SIGTERM).
 *
 * CLAIMDESK_E2E_DATABASE picks the engine:
 * - `sqlite` (default): the file E2E_DATABASE_URL names.
 * - `postgres`: a throwaway PostgreSQL cluster (scripts/postgres-cluster.mjs), migrated and seeded
 *   by the same `npm run setup`. Its URL is written to E2E_STATE_FILE, where the tests' global setup
 *   (tests/e2e/e2e-database.ts) reads it. With E2E_PROXY_PORT set, two more app servers on that
 *   database behind nginx (scripts/multi-server.ts) serve the multi-server project.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startMultiServer, stopProcess, waitForHealth, type MultiServer } from "./multi-server";
import { startCluster, type PostgresCluster } from "./postgres-cluster.mjs";

const port = process.env.E2E_PORT ?? "3100";
const engine = process.env.CLAIMDESK_E2E_DATABASE === "postgres" ? "postgres" : "sqlite";
const authSecret = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-deployment";
const stateFile = process.env.E2E_STATE_FILE;

let cluster: PostgresCluster | undefined;
let main: ChildProcess | undefined;
let stack: MultiServer | undefined;
let sqliteFile: string | undefined;
let stopping = false;

async function start(): Promise<void> {
  const started = Date.now();
  let url: string;
  if (engine === "postgres") {
    if (!stateFile) throw new Error("E2E_STATE_FILE is not set: run the tests through playwright.config.ts");
    // Not durable: a crash loses only a cluster that is thrown away anyway, and the suite runs faster.
    cluster = await startCluster({ durable: false, database: "claimdesk_e2e" });
    url = cluster.url;
  } else {
    url = process.env.E2E_DATABASE_URL ?? `file:${path.resolve("data", `e2e-${process.pid}-${Date.now()}.db`)}`;
    sqliteFile = url.slice("file:".length);
  }
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "test" as const, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/setup.ts"], { env, stdio: "inherit" });
  console.log(`e2e-server: ${engine} database set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (stateFile) {
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ engine, databaseUrl: url }));
  }

  main = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", port], {
    env: {
      ...env,
      NODE_ENV: "production",
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: "true",
      // Required in production (lib/reading/site-origin.ts): the address the tests use, playwright.config.ts's baseURL.
      CLAIMDESK_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: "inherit",
  });
  main.on("exit", (code) => {
    if (!stopping) void stop(code ?? 1);
  });

  if (process.env.E2E_PROXY_PORT) {
    // The proxy answers only once every server does: Playwright waits for the proxy's health.
    await waitForHealth(`http://127.0.0.1:${port}`, main);
    stack = await startMultiServer({
      databaseUrl: url,
      authSecret,
      proxyPort: Number(process.env.E2E_PROXY_PORT),
      serverPorts: process.env.E2E_SERVER_PORTS?.split(",").map(Number),
      pin: true,
    });
    console.log(`e2e-server: proxy ${stack.proxyUrl} → ${stack.servers.map((s) => `${s.name} ${s.url}`).join(", ")}`);
  }
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stack?.stop();
  if (main) await stopProcess(main);
  await cluster?.stop();
  if (sqliteFile) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile + suffix, { force: true });
  if (stateFile) rmSync(stateFile, { force: true });
  process.exit(code);
}

// playwright.config.ts asks for SIGTERM (webServer.gracefulShutdown), so everything above is undone.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

start().catch((error: unknown) => {
  console.error(`e2e-server: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
