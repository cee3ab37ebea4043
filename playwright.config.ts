import { execFileSync } from "node:child_process";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One free loopback port per run, chosen once by the main process; the workers it spawns inherit it.
process.env.E2E_PORT ??= execFileSync(
  process.execPath,
  ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"],
  { encoding: "utf8" },
).trim();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
// The throwaway database of this run: the server is set up on it, and tests seed their own articles into it.
process.env.E2E_DATABASE_URL ??= `file:${path.resolve("data", `e2e-${process.pid}-${Date.now()}.db`)}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  use: {
    baseURL,
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
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    // Builds the app, then serves it on a throwaway database with the content and demo accounts.
    command: "npm run --silent build && tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // Locally a server already on E2E_PORT (say `next dev` on E2E_DATABASE_URL) is reused; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
