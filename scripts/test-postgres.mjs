/**
 * `npm run test:postgres`, the PostgreSQL half of `npm test` (issue 14): the unit tests that can meet
 * a database, then the end-to-end suite with the two-server project behind nginx, each on a
 * throwaway PostgreSQL cluster (scripts/postgres-cluster.mjs). Where PostgreSQL's server programs
 * are missing it says plainly that it skipped them, and succeeds: SQLite stays the embedded default.
 *
 *   node scripts/test-postgres.mjs [--reuse-build] [--unit-only] [--all-unit]
 *
 * --reuse-build: `npm test` has just built for the SQLite e2e run. The build does not depend on the
 *   engine (the adapter is picked from DATABASE_URL at run time), so it serves this run too.
 * --unit-only: leaves the e2e suite out (CLAIMDESK_TEST_E2E_POSTGRES=0 does the same).
 * --all-unit: every unit test file, not only those that can meet a database.
 */
import { spawnSync } from "node:child_process";
import { databaseTestFiles } from "../tests/support/database-test-files.mjs";
import { serverBinariesPresent } from "./postgres-cluster.mjs";

const line = "=".repeat(78);
const header = (text) => console.log(`\n${line}\n== ${text}\n${line}`);
const flag = (name) => process.argv.includes(name);

function run(title, command, args, env = {}) {
  header(title);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`== ${title}: ${result.status === 0 ? "passed" : "FAILED"} in ${minutes} min`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!serverBinariesPresent()) {
  header("PostgreSQL: SKIPPED (unit and e2e tests ran on SQLite only)");
  console.log(
    "PostgreSQL's server programs (initdb, pg_ctl, postgres) are not in PG_BIN, /usr/lib/postgresql/*/bin or PATH.\n" +
      "Install them (Debian: apt-get install -y postgresql) to run the PostgreSQL part; .ci/run always does.",
  );
  process.exit(0);
}

// A test file that never opens a database runs the same code on either engine, and has just passed
// on SQLite: the PostgreSQL run takes only those that can meet one (tests/support/database-test-files.mjs).
let unitFiles = [];
if (!flag("--all-unit")) {
  const { database, pure } = await databaseTestFiles();
  header(`PostgreSQL unit tests: ${database.length} files that can meet a database; ${pure.length} that cannot are left out`);
  console.log(
    "Left out (no database in their text or import graph, so they ran the same on SQLite just now):\n" +
      pure.map((file) => `  ${file}`).join("\n") +
      "\n(npm run test:unit:postgres, or --all-unit here, runs every file)",
  );
  unitFiles = database.map((d) => d.file);
}
run(`PostgreSQL unit tests (CLAIMDESK_TEST_DATABASE=postgres vitest run, ${unitFiles.length || "all"} files)`, "npx", ["vitest", "run", ...unitFiles], {
  CLAIMDESK_TEST_DATABASE: "postgres",
});

if (flag("--unit-only") || process.env.CLAIMDESK_TEST_E2E_POSTGRES === "0") {
  header("PostgreSQL e2e tests: NOT RUN (--unit-only or CLAIMDESK_TEST_E2E_POSTGRES=0)");
  process.exit(0);
}
run(
  `PostgreSQL e2e tests, every spec plus two app servers behind nginx (CLAIMDESK_E2E_DATABASE=postgres playwright test${flag("--reuse-build") ? ", the build just made" : ""})`,
  "npx",
  ["playwright", "test"],
  {
    CLAIMDESK_E2E_DATABASE: "postgres",
    E2E_WORKERS: process.env.E2E_WORKERS ?? "2",
    ...(flag("--reuse-build") ? { E2E_SKIP_BUILD: "1" } : {}),
  },
);
