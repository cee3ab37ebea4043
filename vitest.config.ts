import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Server modules import "server-only", which throws outside React Server Components.
    server: { deps: { inline: [] } },
    alias: { "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)) },
    // Two at a time, not Vitest's default of cores − 1 (one file at a time on CI's two cores): many
    // files wait on a database, a child process or a spreadsheet, and files are independent (each
    // has its own database). CLAIMDESK_TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.CLAIMDESK_TEST_WORKERS ?? 2),
    // Generous: with two files at a time on a shared two-core machine the heaviest (the claim
    // pipeline over every fixture article) took 30 s. A timeout makes no test pass that should fail.
    testTimeout: 60_000,
    // Hooks too (Vitest's default is 10 s): a file's beforeAll migrates and seeds a database, and
    // took longer than 10 s there, which failed every test of the file without running one.
    hookTimeout: 60_000,
    // One migrated template database per run, which each test file's database is copied from: a
    // SQLite file, or on a PostgreSQL run (npm run test:unit:postgres) a database on one throwaway cluster.
    globalSetup: ["tests/support/sqlite-global-setup.ts", "tests/support/postgres-global-setup.ts"],
  },
});
