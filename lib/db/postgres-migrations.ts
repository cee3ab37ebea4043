import { execFileSync } from "node:child_process";
import { redactedUrl } from "./database-url";

/**
 * The script a child Node runs: migrateDatabase is synchronous (tests and scripts call it before
 * anything else), and node-postgres is not, so the question is asked in a child process and
 * answered on stdout. Reading the table fails softly when it does not exist (a new database).
 */
const QUERY_APPLIED = `
const { Client } = require("pg");
const client = new Client({ connectionString: process.env.CLAIMDESK_MIGRATIONS_URL, connectionTimeoutMillis: 10000 });
client.connect()
  .then(() => client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present"))
  .then((r) => r.rows[0].present
    ? client.query('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
    : { rows: [] })
  .then((r) => { process.stdout.write(JSON.stringify(r.rows.map((row) => row.migration_name))); return client.end(); })
  .catch((e) => { process.stderr.write(e.message); process.exit(1); });
`;

/** The migrations recorded as applied in a PostgreSQL database; throws, naming DATABASE_URL, when it cannot be reached. */
export function appliedPostgresMigrations(url: string): Set<string> {
  try {
    const out = execFileSync(process.execPath, ["-e", QUERY_APPLIED], {
      env: { ...process.env, CLAIMDESK_MIGRATIONS_URL: url },
      stdio: "pipe",
      encoding: "utf8",
    });
    return new Set(JSON.parse(out) as string[]);
  } catch (error) {
    const said = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`Could not read the applied migrations of DATABASE_URL=${redactedUrl(url)}: ${said}`);
  }
}
