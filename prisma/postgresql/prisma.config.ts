// The Prisma CLI's configuration for PostgreSQL (issue 14): the generated schema beside this file and
// its own migration history, applied through @prisma/adapter-pg and the WebAssembly schema engine
// (nothing downloaded, as for SQLite: ../../prisma.config.ts). Used as
// `prisma migrate deploy --config prisma/postgresql/prisma.config.ts` with DATABASE_URL set.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "prisma/no-native-engine";
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "prisma/no-native-engine";

import { defineConfig } from "prisma/config";
import { postgresMigrationAdapter } from "../../lib/db/postgres-migration-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL for prisma/postgresql/prisma.config.ts");
    return postgresMigrationAdapter(url);
  },
});
