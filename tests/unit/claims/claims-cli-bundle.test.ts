/**
 * The claims command runs from an esbuild bundle (scripts/claims-cli.mjs) so it starts fast; it must
 * print exactly what the TypeScript source prints, and refuse bad files the same way.
 */
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const fixtures = ["tests/fixtures/claims/articles/vaccine-exemptions.html", "tests/fixtures/claims/articles/council-budget.md", "tests/fixtures/claims/articles/ice-287g-fy2020.txt"];
const tsx = path.join(root, "node_modules", ".bin", "tsx");

describe("claims command bundle", () => {
  it.each(fixtures)("prints the same claims as the source for %s", (file) => {
    const bundled = execFileSync(process.execPath, ["scripts/claims-cli.mjs", file, "--all"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    const source = execFileSync(tsx, ["scripts/claims.ts", file, "--all"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    expect(JSON.parse(bundled).claims.length).toBeGreaterThan(5);
    expect(bundled).toBe(source);
  }, 60_000);

  it("refuses a missing file with one line and a non-zero exit", () => {
    const run = spawnSync(process.execPath, ["scripts/claims-cli.mjs", "no/such/article.md"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe("claims: no such file: no/such/article.md");
  }, 60_000);
});
