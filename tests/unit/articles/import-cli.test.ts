import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_ARTICLE_BYTES } from "@/lib/articles/source-file";

// The command-line import, run as a user runs it, against a database file of its own.
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-cli-"));
const dbFile = path.join(dir, "cli.db");
const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
const tsx = path.resolve("node_modules/.bin/tsx");

function runImport(...args: string[]) {
  const result = spawnSync(tsx, ["scripts/import.ts", ...args], { env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function articleRows(): string {
  if (!existsSync(dbFile)) return "no database";
  return execFileSync("sqlite3", [dbFile, "SELECT count(*) FROM Article; SELECT count(*) FROM Revision;"], { encoding: "utf8" }).trim();
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test runs the CLI as whole processes (tsx, the pipeline, Prisma), two or three times and
// synchronously: on the loaded two-core CI machine, with two test files at a time, that outlasted
// the suite's 60 s (83 s once), so these get three minutes.
describe("npm run import", { timeout: 180_000 }, () => {
  const badInputs: Array<[string, () => string, RegExp]> = [
    ["a missing file", () => path.join(dir, "missing.md"), /does not exist/],
    ["an empty file", () => write("empty.md", ""), /is empty/],
    ["a binary file", () => write("image.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a])), /binary/],
    ["a file that is not UTF-8", () => write("latin1.txt", Buffer.from("Caf\xe9 au lait co\xfbte 2 \u20ac.", "latin1")), /not valid UTF-8/],
    ["a file over the size limit", () => write("huge.md", "word ".repeat(MAX_ARTICLE_BYTES / 5 + 10)), /limit is 5\.0 MiB/],
  ];

  for (const [what, makeFile, reason] of badInputs) {
    it(`refuses ${what} with a one-line reason and writes nothing`, () => {
      const result = runImport(makeFile());
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr.split("\n")).toHaveLength(1);
      expect(result.stdout).toBe("");
      expect(articleRows()).toBe("no database");
    });
  }

  it("imports the seed, then reports it unchanged the second time", () => {
    const first = runImport("content/ice-287g-fy2020.md");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported: ice-287g-fy2020 revision 1, \d+ claims$/);
    // Off a terminal, no progress bar: stderr stays empty for whoever reads it.
    expect(first.stderr).toBe("");
    const second = runImport("content/ice-287g-fy2020.md");
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^unchanged: ice-287g-fy2020 revision 1/);
    expect(articleRows()).toBe("1\n1");
  });

  it("takes --slug and refuses a bad one", () => {
    const file = write("note.md", "# A note\n\nThe county hired 12 new inspectors in 2024.\n");
    const bad = runImport(file, "--slug", "Bad Slug");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/slug/);
    const good = runImport(file, "--slug", "county-note");
    expect(good.stdout).toMatch(/^imported: county-note revision 1/);
    expect(articleRows()).toBe("2\n2");
  });

  it("imports an edited text as a new revision and says how its claims were re-anchored", () => {
    const seed = readFileSync("content/ice-287g-fy2020.md", "utf8");
    const edited = seed
      .replace("from 36 to 149", "from 36 to 150")
      .replace(" These same officials made false claims of discrimination associated with the program.", "");
    const result = runImport(write("ice-287g-fy2020.md", edited));
    expect(result.code).toBe(0);
    const line = /^new revision: ice-287g-fy2020 revision 2, (\d+) claims \((\d+) re-anchored: (\d+) exact, (\d+) changed; (\d+) orphaned; (\d+) new\)$/.exec(result.stdout);
    expect(line, result.stdout).not.toBeNull();
    const [claims, reanchored, exact, changed, orphaned, added] = line!.slice(1).map(Number) as [number, number, number, number, number, number];
    expect({ changed, orphaned, added }).toEqual({ changed: 1, orphaned: 1, added: 0 });
    expect(exact).toBeGreaterThanOrEqual(20);
    expect(reanchored).toBe(exact + changed);
    expect(claims).toBe(reanchored + added);
    expect(articleRows()).toBe("2\n3");
  });
});

describe("npm run import on a terminal", () => {
  it.runIf(existsSync("/usr/bin/script"))("draws a progress bar on stderr through every stage, and still prints its line", () => {
    const file = write("terminal.md", "# On a terminal\n\nThe county hired 12 new inspectors in 2024. The state paid $4.1 million for them.\n");
    // script(1) runs the import on a pseudo-terminal, so stderr is a TTY as it is for a user.
    const result = spawnSync("script", ["-qec", `${tsx} scripts/import.ts ${file}`, "/dev/null"], { env, encoding: "utf8" });
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain("finding claims");
    expect(result.stdout).toMatch(/writing claims\s+\[[^\]]+\] 2\/2/);
    expect(result.stdout).toMatch(/imported: terminal revision 1, 2 claims/);
  });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
