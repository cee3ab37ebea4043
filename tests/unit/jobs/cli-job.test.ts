import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { runSqlSync, serverBinariesPresent, startCluster, type PostgresCluster } from "@/scripts/postgres-cluster.mjs";

/**
 * `npm run import -- FILE --job` as a person runs it: the bundled command (scripts/import-cli.mjs,
 * so the bundle is shown to load pg-boss) against a throwaway PostgreSQL cluster of its own, with
 * `npm run worker` (scripts/worker.ts) as a child doing the job. On SQLite, --job imports inline.
 */
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-cli-job-"));
const note = path.join(dir, "note.md");
writeFileSync(note, "# A note\n\nThe county hired 12 new inspectors in 2024.\n\nIt spent $4.2 million on the program last year.\n");

function runImport(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/import-cli.mjs", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", timeout: 240_000 });
  return { code: result.status, stdout: (result.stdout ?? "").trim(), stderr: (result.stderr ?? "").trim() };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run import --job on SQLite", () => {
  it("is accepted and imports in this process, as without it", () => {
    const result = runImport(`file:${path.join(dir, "cli.db")}`, note, "--slug", "sqlite-note", "--job");
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^imported: sqlite-note revision 1, \d+ claims$/);
  }, 240_000);
});

if (!serverBinariesPresent()) console.warn("cli-job.test.ts: no PostgreSQL server binaries (scripts/postgres-cluster.mjs); the --job on PostgreSQL case is skipped.");

describe.skipIf(!serverBinariesPresent())("npm run import --job on PostgreSQL (pg-boss, a worker process)", () => {
  let cluster: PostgresCluster;
  let worker: ChildProcess | undefined;
  let workerOutput = "";

  /** import-file jobs pg-boss holds, by state ("completed" once a worker did one). */
  const fileJobs = () => runSqlSync(cluster.url, `SELECT state, count(*) FROM pgboss.job WHERE name = 'import-file' GROUP BY state ORDER BY state`).trim();

  beforeAll(async () => {
    cluster = await startCluster({ durable: false });
    migrateDatabase(cluster.url);
    worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: cluster.url, CLAIMDESK_JOBS_POLL_SECONDS: "1", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        workerOutput += chunk.toString();
        if (workerOutput.includes("worker: taking jobs")) resolve();
      };
      worker!.stdout!.on("data", onData);
      worker!.stderr!.on("data", onData);
      worker!.once("exit", (code) => reject(new Error(`the worker exited (${code}) before taking jobs: ${workerOutput}`)));
    });
  }, 240_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await cluster?.stop();
  }, 60_000);

  it("queues the import for the worker and prints the same line as an inline import", () => {
    const result = runImport(cluster.url, note, "--slug", "job-note", "--job");
    expect(result.code, `${result.stderr}\nworker: ${workerOutput}`).toBe(0);
    expect(result.stdout).toMatch(/^imported: job-note revision 1, \d+ claims$/);
    // Off a terminal no bar, and a worker was up: nothing on stderr.
    expect(result.stderr).toBe("");
    // It went through the queue: one import-file job, done by the worker.
    expect(fileJobs()).toBe("completed|1");
    expect(runSqlSync(cluster.url, `SELECT count(*) FROM "Revision" r JOIN "Article" a ON a."id" = r."articleId" WHERE a."slug" = 'job-note'`).trim()).toBe("1");
  }, 240_000);

  it("adds a revision through the queue, re-anchoring the claims on the worker", () => {
    writeFileSync(note, "# A note\n\nThe county hired 14 new inspectors in 2024.\n\nIt spent $4.2 million on the program last year.\n");
    const result = runImport(cluster.url, note, "--slug", "job-note", "--job");
    expect(result.code, `${result.stderr}\nworker: ${workerOutput}`).toBe(0);
    expect(result.stdout).toMatch(/^new revision: job-note revision 2, \d+ claims \(\d+ re-anchored: /);
    expect(fileJobs()).toBe("completed|2");
  }, 240_000);

  it("without --job imports in the command's own process, queuing nothing", () => {
    const other = path.join(dir, "other.md");
    writeFileSync(other, "# Another note\n\nThe city paid 3 contractors in 2023.\n");
    const result = runImport(cluster.url, other, "--slug", "inline-note");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^imported: inline-note revision 1, \d+ claims$/);
    expect(fileJobs()).toBe("completed|2");
  }, 240_000);
});
