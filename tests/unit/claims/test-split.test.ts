/**
 * The held-out test split (tests/fixtures/claims/corpus/test/), scored in process by the same rules as
 * the outside check, pooled over its documents. Only the four pooled figures are printed: per-claim
 * results on held-out articles are never looked at, so the rules are not tuned to them.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { readArticles } from "@/scripts/claims-data";
import { poolScores, scoreDocument } from "@/tests/support/score-claims";

describe("held-out test split", () => {
  const test = readArticles().filter((a) => a.split === "test");

  it("reaches recall ≥ 0.95, precision ≥ 0.90, kind ≥ 0.90, boundaries ≥ 0.95 pooled", () => {
    expect(test.length).toBeGreaterThan(0);
    const pooled = poolScores(test.map((a) => scoreDocument(a.labels, a.text, extractClaims(a.text, { format: a.format }).claims)));
    const f = (x: number) => x.toFixed(3);
    console.log(`test split, ${test.length} docs: recall ${f(pooled.recall)} precision ${f(pooled.precision)} kind ${f(pooled.kind)} boundaries ${f(pooled.boundaries)}`);
    expect(pooled.recall).toBeGreaterThanOrEqual(0.95);
    expect(pooled.precision).toBeGreaterThanOrEqual(0.9);
    expect(pooled.kind).toBeGreaterThanOrEqual(0.9);
    expect(pooled.boundaries).toBeGreaterThanOrEqual(0.95);
  });
});
