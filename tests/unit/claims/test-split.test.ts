/**
 * The blind held-out split (tests/fixtures/claims/corpus/heldout/), scored in process by the same rules
 * as the outside check, pooled over its documents. Its articles were labelled by someone who never saw
 * the rules, and nothing in lib/claims or models/ was made on them. Only the four pooled figures are
 * printed: per-claim results on held-out articles are never looked at, so the rules are not tuned to them.
 *
 * The old test split (13 articles) was looked at too often to stay a test and is training data now
 * (corpus/train/); until the lead adds the new split, this test says so and skips.
 */
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import { readArticles } from "@/scripts/claims-data";
import { poolScores, scoreDocument } from "@/tests/support/score-claims";

/** Issue 12's bars on unseen articles. */
const BARS = { recall: 0.95, precision: 0.9, kind: 0.9, boundaries: 0.95 };

const heldout = readArticles().filter((a) => a.split === "heldout");
if (heldout.length === 0) console.log("held-out split: tests/fixtures/claims/corpus/heldout/ is absent or empty, so there is nothing to score yet (skipped)");

describe("held-out split", () => {
  it.skipIf(heldout.length === 0)("meets issue 12's bars pooled: recall ≥ 0.95, precision ≥ 0.90, kind ≥ 0.90, boundaries ≥ 0.95", () => {
    const pooled = poolScores(heldout.map((a) => scoreDocument(a.labels, a.text, extractClaims(a.text, { format: a.format }).claims)));
    const f = (x: number) => x.toFixed(3);
    const gaps = (Object.keys(BARS) as (keyof typeof BARS)[]).filter((k) => pooled[k] < BARS[k]);
    console.log(
      `held-out split, ${heldout.length} docs: recall ${f(pooled.recall)} precision ${f(pooled.precision)} kind ${f(pooled.kind)} boundaries ${f(pooled.boundaries)}` +
        (gaps.length ? ` (below issue 12's bars: ${gaps.join(", ")})` : " (all of issue 12's bars met)"),
    );
    for (const k of Object.keys(BARS) as (keyof typeof BARS)[]) expect(pooled[k], k).toBeGreaterThanOrEqual(BARS[k]);
  });
});
