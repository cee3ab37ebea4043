// Prisma 6.19 runs migrations through its WebAssembly schema engine and the better-sqlite3 driver
// adapter, so nothing is downloaded. The two paths below name an empty file that exists: that stops
// the CLI from trying to fetch native engines it will not use (see ../shared/STACK.md).
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "prisma/no-native-engine";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "prisma/no-native-engine";

import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/claimdesk.db", timeout: 5000 }),
});
