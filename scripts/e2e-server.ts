/**
 * The server the end-to-end tests talk to: the built app on E2E_PORT with a throwaway SQLite file
 * (never the developer's data/claimdesk.db), set up like a fresh machine. The file is removed when
 * Playwright stops the server.
 */
import { spawn, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const url = process.env.E2E_DATABASE_URL ?? `file:${path.resolve("data", `e2e-${process.pid}-${Date.now()}.db`)}`;
const file = url.slice("file:".length);
const env = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "test" as const, NEXT_TELEMETRY_DISABLED: "1" };

execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/setup.ts"], { env, stdio: "inherit" });

const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", port], {
  env: {
    ...env,
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-deployment",
    AUTH_TRUST_HOST: "true",
    // Required in production (lib/reading/site-origin.ts): the address the tests use, playwright.config.ts's baseURL.
    CLAIMDESK_PUBLIC_URL: `http://127.0.0.1:${port}`,
  },
  stdio: "inherit",
});

function cleanUp(): void {
  server.kill("SIGTERM");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(0);
  });
}
server.on("exit", (code) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  process.exit(code ?? 0);
});
