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
    testTimeout: 30_000,
    // On a PostgreSQL run (npm run test:unit:postgres) one throwaway cluster for the whole run.
    globalSetup: ["tests/support/postgres-global-setup.ts"],
  },
});
