/**
 * The held-out test split (tests/fixtures/claims/corpus/test/), scored in process by the same rules as
 * the outside check, pooled over its documents. Only the four pooled figures are printed: per-claim
 * results on held-out articles are never looked at, so the rules are not tuned to them.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { readArticles } from "@/scripts/claims-data";
import { poolScores, scoreDocument } from "@/tests/support/score-claims";

/**
 * Issue 12's bars on this split: recall ≥ 0.95, precision ≥ 0.90, kind ≥ 0.90, boundaries ≥ 0.95.
 * Recall and boundaries meet them. Precision (0.897) and kind (0.868) do not yet, measured three
 * times in all this session, each time after changes made on the training split alone; until they
 * do, those two are held at a floor just under today's figures, so a change that makes claim finding
 * worse on unseen articles fails here, and the issue stays open.
 */
const BARS = { recall: 0.95, precision: 0.9, kind: 0.9, boundaries: 0.95 };
const FLOORS = { ...BARS, precision: 0.88, kind: 0.85 };

describe("held-out test split", () => {
  const test = readArticles().filter((a) => a.split === "test");

  it("keeps recall ≥ 0.95 and boundaries ≥ 0.95 pooled, and precision and kind at their floors", () => {
    expect(test.length).toBeGreaterThanOrEqual(13);
    const pooled = poolScores(test.map((a) => scoreDocument(a.labels, a.text, extractClaims(a.text, { format: a.format }).claims)));
    const f = (x: number) => x.toFixed(3);
    const gaps = (Object.keys(BARS) as (keyof typeof BARS)[]).filter((k) => pooled[k] < BARS[k]);
    console.log(
      `test split, ${test.length} docs: recall ${f(pooled.recall)} precision ${f(pooled.precision)} kind ${f(pooled.kind)} boundaries ${f(pooled.boundaries)}` +
        (gaps.length ? ` (below issue 12's bars: ${gaps.join(", ")})` : " (all of issue 12's bars met)"),
    );
    for (const k of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) expect(pooled[k], k).toBeGreaterThanOrEqual(FLOORS[k]);
  });
});
