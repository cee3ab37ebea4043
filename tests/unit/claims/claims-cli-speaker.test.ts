/**
 * The claims command prints who said each claim of a transcript (the turn's "NAME:" label), right
 * after its context, and null for an ordinary article.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
type Printed = { claims: Array<Record<string, unknown>> };
const claimsOf = (file: string): Printed => JSON.parse(execFileSync(process.execPath, ["scripts/claims-cli.mjs", file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }));

describe("claims command: speaker", () => {
  it("a town-hall transcript's claims name their speakers, after context", () => {
    const { claims } = claimsOf("tests/fixtures/claims/corpus/train/g2-townhall-college-funding.txt");
    const keys = Object.keys(claims[0] ?? {});
    expect(keys.indexOf("speaker")).toBe(keys.indexOf("context") + 1);
    const speakers = new Set(claims.map((c) => c.speaker));
    // Both candidates speak claims; the moderator's lines are mostly running the event (an optional
    // "Early voting begins October 21." sits at the model's even odds), so only who it may be is asked.
    for (const name of ["PAUL HAVERTY", "DENISE MARCHETTI"]) expect(speakers).toContain(name);
    for (const speaker of speakers) expect(["MODERATOR", "PAUL HAVERTY", "DENISE MARCHETTI"]).toContain(speaker);
  }, 60_000);

  it("an ordinary article's claims have a null speaker", () => {
    const { claims } = claimsOf("tests/fixtures/claims/articles/council-budget.md");
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) expect(c.speaker).toBeNull();
  }, 60_000);
});
