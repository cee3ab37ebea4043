import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";

// CLAIMDESK_E2E_DATABASE=postgres runs the same specs on a throwaway PostgreSQL cluster, plus the
// two-server project (tests/e2e/multi-server/) behind nginx; the default is a throwaway SQLite file.
const postgres = process.env.CLAIMDESK_E2E_DATABASE === "postgres";
// E2E_MULTI_SERVER=1 adds the two-server project on SQLite too (one file, one machine): for working on it.
// It needs Debian's nginx (scripts/proxy/nginx.ts); .ci/run installs it, elsewhere its absence is said.
const nginx = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const multiServer = (postgres || process.env.E2E_MULTI_SERVER === "1") && existsSync(nginx);
if ((postgres || process.env.E2E_MULTI_SERVER === "1") && !multiServer && !process.env.E2E_PORT) {
  console.log(`e2e: the two-server project is SKIPPED: no nginx at ${nginx} (apt-get install -y nginx)`);
}

// Free loopback ports, chosen once by the main process; the workers it spawns inherit them.
const freePort = () =>
  execFileSync(
    process.execPath,
    ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"],
    { encoding: "utf8" },
  ).trim();
process.env.E2E_PORT ??= freePort();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
if (multiServer) {
  process.env.E2E_PROXY_PORT ??= freePort();
  // The two app servers' own ports, for the one spec that goes round the proxy on purpose.
  process.env.E2E_SERVER_PORTS ??= `${freePort()},${freePort()}`;
}
if (postgres) {
  // scripts/e2e-server.ts writes the cluster's URL here; tests/e2e/e2e-database.ts hands it to the tests.
  process.env.E2E_STATE_FILE ??= path.resolve("data", `e2e-${process.env.E2E_PORT}.json`);
} else {
  // The throwaway database of this run: the server is set up on it, and tests seed their own articles into it.
  process.env.E2E_DATABASE_URL ??= `file:${path.resolve("data", `e2e-${process.pid}-${Date.now()}.db`)}`;
}
const proxyURL = `http://127.0.0.1:${process.env.E2E_PROXY_PORT}`;

const browser: PlaywrightTestConfig["use"] = {
  trace: "retain-on-failure",
  launchOptions: {
    // Debian's Chromium, never a downloaded browser (../shared/STACK.md).
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // E2E_WORKERS: more than one only where the specs were measured to allow it (README, "Tests").
  workers: Number(process.env.E2E_WORKERS ?? 1),
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  // On PostgreSQL an import is a pg-boss job that a worker takes up within its poll (a second),
  // two workers share the machine with three app servers, and first requests on a new server are
  // slower: the same readiness signals are waited for longer there, never slept on.
  timeout: postgres ? 120_000 : 60_000,
  expect: { timeout: postgres ? 15_000 : 5_000 },
  globalSetup: postgres ? "./tests/e2e/e2e-database.ts" : undefined,
  use: { baseURL, ...browser },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /multi-server\//, dependencies: ["setup"] },
    // Two app servers behind nginx on one PostgreSQL: only there is "several servers" meaningful.
    ...(multiServer
      ? [{ name: "multi-server", testDir: "tests/e2e/multi-server", use: { ...devices["Desktop Chrome"], baseURL: proxyURL }, dependencies: ["setup"] }]
      : []),
  ],
  webServer: {
    // Builds the app (E2E_SKIP_BUILD=1 reuses a build just made), then serves it on a throwaway
    // database with the content and demo accounts.
    command: `${process.env.E2E_SKIP_BUILD ? "" : "npm run --silent build && "}tsx scripts/e2e-server.ts`,
    // On PostgreSQL the proxy answers last, once the e2e server and both servers behind it do.
    url: `${multiServer ? proxyURL : baseURL}/api/health`,
    // Locally a server already on E2E_PORT (say `next dev` on E2E_DATABASE_URL) is reused; CI always starts its own.
    reuseExistingServer: !process.env.CI && !multiServer,
    timeout: 300_000,
    // SIGTERM, not Playwright's default SIGKILL: the server stops its cluster, proxy and servers.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
