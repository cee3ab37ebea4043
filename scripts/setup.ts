/**
 * `npm run setup` (run before `npm run dev`, and by the e2e server): creates and migrates the
 * database, imports every article in content/, and, outside production, the demo accounts.
 * Safe to run again: migrations and imports of unchanged files do nothing.
 */
import { randomBytes } from "node:crypto";
import { appendFile, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { importArticle } from "@/lib/articles/import-article";
import { publishSeedArticle } from "@/lib/articles/publish-seed";
import { readArticleFile } from "@/lib/articles/source-file";
import { formatOfFileName } from "@/lib/claims/format";
import { ensureDemoAccounts } from "@/lib/auth/demo-accounts";
import { createDatabase } from "@/lib/db/create-database";
import { databaseUrl } from "@/lib/db/database-url";
import { migrateDatabase, enableWriteAheadLog } from "@/lib/db/migrate";
import { cliMessage } from "@/lib/errors";

const CONTENT_DIR = "content";

async function main(): Promise<void> {
  const url = databaseUrl();
  migrateDatabase(url);
  const db = createDatabase(url);
  try {
    await enableWriteAheadLog(db, url);
    const files = (await readdir(CONTENT_DIR)).filter((f) => formatOfFileName(f) !== undefined).sort();
    for (const file of files) {
      const full = path.join(CONTENT_DIR, file);
      // importArticle reads it as `npm run import` and `npm run claims` do (lib/claims/prepare.ts).
      const outcome = await importArticle(db, { text: await readArticleFile(full), fileName: file });
      console.log(`setup: ${outcome.status} ${outcome.slug} (revision ${outcome.revisionNumber}, ${outcome.claimCount} claims)`);
    }
    // Outside production the seed is published, so a newcomer sees the reading view at once.
    await publishSeedArticle(db);
    await ensureDevelopmentAuthSecret();
    const created = await ensureDemoAccounts(db);
    if (created.length > 0) console.log(`setup: demo accounts created: ${created.join(", ")} (password in README)`);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Sessions are signed with AUTH_SECRET. A fresh development checkout has none, so setup writes a
 * random one to the git-ignored .env.local (which Next reads); production must set its own.
 */
async function ensureDevelopmentAuthSecret(): Promise<void> {
  if (process.env.NODE_ENV === "production" || process.env.AUTH_SECRET) return;
  const existing = await readFile(".env.local", "utf8").catch(() => "");
  if (/^AUTH_SECRET=/m.test(existing)) return;
  const line = `AUTH_SECRET=${randomBytes(33).toString("base64")}\n`;
  await appendFile(".env.local", (existing && !existing.endsWith("\n") ? "\n" : "") + line);
  console.log("setup: wrote a development AUTH_SECRET to .env.local");
}

main().catch((error: unknown) => {
  console.error(`setup failed: ${cliMessage(error)}`);
  process.exit(1);
});
