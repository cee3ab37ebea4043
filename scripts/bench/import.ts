/**
 * Benchmark of the command-line import (issue 13): a generated ~50,000-word article with about
 * 2,000 claims, imported, re-imported with 1% of its sentences edited, and re-imported unchanged,
 * each as a whole process of what `npm run import` runs (`node scripts/import-cli.mjs`, the bundled
 * command) on a throwaway SQLite file, against the floor: a whole Node process that bulk-inserts the
 * same article, revision and claim rows with bare better-sqlite3 (one transaction, prepared
 * multi-row INSERT). Each is measured with claim matching on import on (CLAIMDESK_MATCH_ON_IMPORT=1,
 * the default) and off (=0), and the re-import uses the extraction cache the first import left, as
 * a user's second import would.
 *
 *   npx tsx scripts/bench/import.ts [--runs 3]
 *
 * Targets: import ≤ 10× the floor; re-import with 1% edited ≤ 1.5 s; identical re-import ≤ 300 ms.
 * Prints the median of each, wall and CPU, the ratio to the floor and the machine's load (`uptime`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { migrateDatabase } from "@/lib/db/migrate";
import { articleOfWords } from "./sample-article";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 3) || 3;
/** The generated article's claim density is about 3,760 per 50,000 words; opinion filler pads it. */
const CLAIM_WORDS = 26_600;
const TOTAL_WORDS = 50_000;
const FILLER = "I have walked these trails for forty years, and I love them. What are we getting in return?";

/** What `npm run import` runs. */
const IMPORT = ["scripts/import-cli.mjs"];
const MODES = [
  { name: "matching on import on", env: "1" },
  { name: "matching on import off", env: "0" },
] as const;

/** The benchmark article: claim-bearing sections interleaved with opinion prose to ~50,000 words. */
export function benchArticle(): string {
  const blocks = articleOfWords(CLAIM_WORDS).split("\n");
  const words = blocks.join(" ").split(/\s+/).filter(Boolean).length;
  const fillerWords = FILLER.split(/\s+/).length;
  const fillers = Math.max(0, Math.round((TOTAL_WORDS - words) / fillerWords));
  // One filler paragraph after every k-th blank line, so the claims stay spread through the text.
  const gaps = blocks.map((b, i) => (b === "" && blocks[i - 1] !== "" && !/^[|-]/.test(blocks[i - 1] ?? "") ? i : -1)).filter((i) => i >= 0);
  const perGap = Math.ceil(fillers / Math.max(1, gaps.length));
  const out: string[] = ["---", 'title: "Import benchmark"', "---", "", "# Import benchmark", ""];
  let left = fillers;
  blocks.forEach((block, i) => {
    out.push(block);
    if (block === "" && gaps.includes(i) && left > 0) {
      const n = Math.min(perGap, left);
      left -= n;
      out.push(Array.from({ length: n }, () => FILLER).join(" "), "");
    }
  });
  return out.join("\n") + "\n";
}

/** The article with 1 in 100 of its sentences edited (a word added), so re-anchoring marks them changed. */
export function editOnePercent(text: string): { text: string; edited: number } {
  let seen = 0;
  let edited = 0;
  const out = text.replace(/(^|[.!?] )([A-Z][a-z]+) /gm, (all, lead: string, word: string) => {
    seen += 1;
    if (seen % 100 !== 0) return all;
    edited += 1;
    return `${lead}${word} reportedly `;
  });
  return { text: out, edited };
}

const TIME = "/usr/bin/time";
const haveTime = existsSync(TIME);

/**
 * Runs a whole process: its wall time, and its CPU time (user + system, from time(1) when present),
 * which a machine shared by other work inflates far less than the wall time.
 */
function timeProcess(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): { ms: number; cpu: number; stdout: string } {
  const cpuFile = path.join(tmpdir(), `claimdesk-bench-cpu-${process.pid}`);
  const [bin, argv] = haveTime ? [TIME, ["-f", "%U %S", "-o", cpuFile, command, ...commandArgs]] : [command, commandArgs];
  const start = performance.now();
  const result = spawnSync(bin, argv, { env, encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed: ${result.stderr}`);
  let cpu = Number.NaN;
  if (haveTime) {
    const [user, system] = readFileSync(cpuFile, "utf8").trim().split(/\s+/).slice(-2).map(Number);
    cpu = ((user ?? 0) + (system ?? 0)) * 1000;
    rmSync(cpuFile, { force: true });
  }
  return { ms, cpu, stdout: result.stdout.trim() };
}

/** The floor as a whole process: read the rows, insert them in one transaction of multi-row INSERTs. */
const FLOOR = `
const Sqlite = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
const fs = require("node:fs");
const [dbFile, rowsFile] = process.argv.slice(2);
const { article, revision, claims } = JSON.parse(fs.readFileSync(rowsFile, "utf8"));
const db = new Sqlite(dbFile);
const columns = Object.keys(claims[0]);
const BATCH = Math.floor(32766 / columns.length);
const insert = (n) => db.prepare("INSERT INTO Claim (" + columns.map((c) => '"' + c + '"').join(",") + ") VALUES " + Array(n).fill("(" + columns.map(() => "?").join(",") + ")").join(","));
db.transaction(() => {
  db.prepare("INSERT INTO Article (" + Object.keys(article).join(",") + ") VALUES (" + Object.keys(article).map(() => "?").join(",") + ")").run(...Object.values(article));
  db.prepare("INSERT INTO Revision (" + Object.keys(revision).join(",") + ") VALUES (" + Object.keys(revision).map(() => "?").join(",") + ")").run(...Object.values(revision));
  const full = insert(BATCH);
  for (let i = 0; i < claims.length; i += BATCH) {
    const batch = claims.slice(i, i + BATCH);
    (batch.length === BATCH ? full : insert(batch.length)).run(...batch.flatMap((c) => columns.map((k) => c[k])));
  }
})();
db.close();
`;

/** Writes the article, revision and claim rows of a first import to `rowsFile`; returns the claim count. */
function dumpRows(dbFile: string, rowsFile: string): number {
  const sqlite = new Sqlite(dbFile, { readonly: true });
  try {
    const article = sqlite.prepare("SELECT id, slug, title, createdAt, updatedAt FROM Article").get();
    const revision = sqlite.prepare("SELECT id, articleId, number, text, sourceFormat, contentHash, importedAt FROM Revision").get();
    const claims = sqlite.prepare("SELECT * FROM Claim").all();
    writeFileSync(rowsFile, JSON.stringify({ article, revision, claims }));
    return claims.length;
  } finally {
    sqlite.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-import-"));
  try {
    const original = benchArticle();
    const { text: revised, edited } = editOnePercent(original);
    const fileA = path.join(dir, "bench-import.md");
    const fileB = path.join(dir, "bench-import-edited.md");
    writeFileSync(fileA, original);
    writeFileSync(fileB, revised);
    const template = path.join(dir, "template.db");
    migrateDatabase(`file:${template}`);
    const floorScript = path.join(dir, "floor.cjs");
    writeFileSync(floorScript, FLOOR);

    type Run = { ms: number; cpu: number };
    type Times = { import: Run[]; reimport: Run[]; identical: Run[] };
    const times = new Map<string, Times>(MODES.map((m) => [m.name, { import: [], reimport: [], identical: [] }]));
    const floorRuns: Run[] = [];
    const nodeRuns: Run[] = [];
    const lines = new Map<string, string[]>();
    let claimCount = 0;
    const rowsFile = path.join(dir, "rows.json");
    const node = (script: string[], env: NodeJS.ProcessEnv) => timeProcess(process.execPath, script, env);
    for (let run = 0; run < RUNS; run++) {
      for (const mode of MODES) {
        const dbFile = path.join(dir, `run${run}-${mode.env}.db`);
        copyFileSync(template, dbFile);
        const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, CLAIMDESK_MATCH_ON_IMPORT: mode.env };
        // Not timed: builds the command's bundles if a source changed since they were made.
        if (run === 0) node([...IMPORT, fileA, "--slug", "bench-warm-up"], { ...env, DATABASE_URL: `file:${path.join(dir, "warm-up.db")}` });
        const a = node([...IMPORT, fileA, "--slug", "bench-import"], env);
        // The same rows the import wrote, inserted bare into a fresh copy of the schema.
        if (run === 0 && claimCount === 0) claimCount = dumpRows(dbFile, rowsFile);
        const b = node([...IMPORT, fileB, "--slug", "bench-import"], env);
        const c = node([...IMPORT, fileB, "--slug", "bench-import"], env);
        const t = times.get(mode.name)!;
        t.import.push(a);
        t.reimport.push(b);
        t.identical.push(c);
        lines.set(mode.name, [a.stdout, b.stdout, c.stdout]);
      }
      // What starting Node itself costs: no import can be faster than this.
      nodeRuns.push(node(["-e", "0"], process.env));
      const floorDb = path.join(dir, `floor${run}.db`);
      copyFileSync(template, floorDb);
      floorRuns.push(node([floorScript, floorDb, rowsFile], process.env));
    }

    const wall = (runs: Run[]) => median(runs.map((r) => r.ms));
    const cpu = (runs: Run[]) => median(runs.map((r) => r.cpu));
    const floor = { ms: wall(floorRuns), cpu: cpu(floorRuns) };
    console.log(`bench import: ${original.split(/\s+/).filter(Boolean).length} words, ${claimCount} claims, median of ${RUNS} whole processes of node scripts/import-cli.mjs`);
    console.log(`${"".padEnd(48)} ${"wall".padStart(9)} ${"CPU".padStart(9)}`);
    for (const mode of MODES) {
      const t = times.get(mode.name)!;
      console.log(`${mode.name} (CLAIMDESK_MATCH_ON_IMPORT=${mode.env}):`);
      for (const line of lines.get(mode.name) ?? []) console.log(`    ${line}`);
      const rows: Array<[string, Run[], string]> = [
        ["  import", t.import, `${(wall(t.import) / floor.ms).toFixed(1)}× floor wall, ${(cpu(t.import) / floor.cpu).toFixed(1)}× CPU (target ≤ 10×)`],
        [`  re-import, ${edited} sentences edited`, t.reimport, "target ≤ 1,500 ms"],
        ["  identical re-import", t.identical, "target ≤ 300 ms"],
      ];
      for (const [what, runs, note] of rows) console.log(`${what.padEnd(48)} ${fmt(wall(runs)).padStart(9)} ${fmt(cpu(runs)).padStart(9)}  ${note}`);
    }
    console.log(`${"floor: bare better-sqlite3 bulk insert".padEnd(48)} ${fmt(floor.ms).padStart(9)} ${fmt(floor.cpu).padStart(9)}  1.0×`);
    console.log(`${"node -e 0 (start-up alone)".padEnd(48)} ${fmt(wall(nodeRuns)).padStart(9)} ${fmt(cpu(nodeRuns)).padStart(9)}`);
    console.log(`load: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/bench/import.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
