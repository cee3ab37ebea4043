/**
 * `npm run test:postgres`, the PostgreSQL half of `npm test` (issue 14): the unit tests and (with
 * --e2e) the end-to-end suite again, each on a throwaway PostgreSQL cluster (scripts/postgres-cluster.mjs),
 * the e2e run with the two-server project behind nginx. Where PostgreSQL's server programs are
 * missing it says plainly that it skipped them, and succeeds: SQLite stays the embedded default.
 *
 *   node scripts/test-postgres.mjs [--reuse-build]   (--reuse-build: `npm test` has just built)
 */
import { spawnSync } from "node:child_process";
import { serverBinariesPresent } from "./postgres-cluster.mjs";

const line = "=".repeat(78);
const header = (text) => console.log(`\n${line}\n== ${text}\n${line}`);

function run(title, args, env = {}) {
  header(title);
  const started = Date.now();
  const result = spawnSync("npm", ["run", "--silent", ...args], { stdio: "inherit", env: { ...process.env, ...env } });
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

run("PostgreSQL unit tests (npm run test:unit:postgres)", ["test:unit:postgres"]);
// The e2e suite on PostgreSQL, with the two-server project behind nginx, is not part of `npm test`
// yet: it has not had a clean run in CI (issue 14 stays open until it has). `--e2e` or
// CLAIMDESK_TEST_E2E_POSTGRES=1 runs it here; `npm run test:e2e:postgres` runs it alone.
if (!process.argv.includes("--e2e") && process.env.CLAIMDESK_TEST_E2E_POSTGRES !== "1") {
  header("PostgreSQL e2e tests: NOT RUN by npm test yet (npm run test:e2e:postgres, or CLAIMDESK_TEST_E2E_POSTGRES=1)");
  process.exit(0);
}
// Two workers: PostgreSQL takes concurrent writers, and CI's budget (at most 10 more minutes for the
// whole PostgreSQL part) leaves no room for a second serial run; E2E_WORKERS overrides it.
run("PostgreSQL e2e tests, with two app servers behind nginx (npm run test:e2e:postgres)", ["test:e2e:postgres"], {
  E2E_WORKERS: process.env.E2E_WORKERS ?? "2",
  ...(process.argv.includes("--reuse-build") ? { E2E_SKIP_BUILD: "1" } : {}),
});
