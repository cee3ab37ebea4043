/** Run by runSeedScript (tests/e2e/support.ts) against the e2e database: publishes the seed article as setup does outside production. */
import { publishSeedArticle } from "@/lib/articles/publish-seed";
import { createDatabase } from "@/lib/db/create-database";

const db = createDatabase(process.env.DATABASE_URL);
publishSeedArticle(db, "test")
  .then(() => db.$disconnect())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
