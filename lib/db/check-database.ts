import { databaseUrl, engineOf, redactedUrl } from "./database-url";
import { pendingMigrations } from "./migrate";

/**
 * What stops this process from using its database, as one sentence naming DATABASE_URL (the
 * password hidden), or null when it is ready: a URL of no engine we know, a PostgreSQL server
 * that cannot be reached or refuses the password, or a database missing migrations. For the app's
 * start and the worker's, so they refuse to start instead of failing on the first request.
 * Synchronous, like migrateDatabase, so a start-up hook can call it before anything else.
 */
export function databaseProblem(url: string = databaseUrl()): string | null {
  let pending: string[];
  try {
    engineOf(url);
    pending = pendingMigrations(url);
  } catch (error) {
    return (error as Error).message;
  }
  if (pending.length === 0) return null;
  return `DATABASE_URL=${redactedUrl(url)} is not migrated: ${pending.length} migration(s) not applied (first ${pending[0]}); run \`npm run setup\` (or prisma migrate deploy) first.`;
}
