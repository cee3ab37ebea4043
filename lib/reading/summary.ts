import { ClaimKind, KIND_LABELS, VERDICTS, type Verdict } from "@/lib/domain/vocabulary";
import { UNRATED_ID, UNRATED_LABEL } from "./verdict-words";

/** One row of the summary: a verdict (or "none" for not yet rated) or a kind, with its count. */
export type SummaryRow<Id extends string> = { id: Id; label: string; count: number };

export type ReadingSummary = {
  /** Claims marked in the article. */
  total: number;
  /** Claims with an approved verdict. */
  checked: number;
  /** Every verdict of the scale in scale order, then "Not yet rated"; zero counts included. */
  byVerdict: SummaryRow<Verdict | typeof UNRATED_ID>[];
  /** Every kind in the vocabulary's order; zero counts included. */
  byKind: SummaryRow<ClaimKind>[];
  /** Counts by "<kind> <verdict or none>", for filters that combine both. */
  byKindAndVerdict: Record<string, number>;
};

/**
 * Counts the marked claims by approved verdict and by kind, for the summary at the top of the
 * reading view. Rows keep a fixed order (the rating scale, the kind vocabulary) so two articles'
 * summaries read the same way.
 */
export function summarizeClaims(claims: ReadonlyArray<{ kind: ClaimKind; verdict: Verdict | null }>): ReadingSummary {
  const verdictCounts = new Map<string, number>();
  const kindCounts = new Map<string, number>();
  const byKindAndVerdict: Record<string, number> = {};
  let checked = 0;
  for (const claim of claims) {
    const verdictKey = claim.verdict ?? UNRATED_ID;
    if (claim.verdict !== null) checked++;
    verdictCounts.set(verdictKey, (verdictCounts.get(verdictKey) ?? 0) + 1);
    kindCounts.set(claim.kind, (kindCounts.get(claim.kind) ?? 0) + 1);
    const pair = `${claim.kind} ${verdictKey}`;
    byKindAndVerdict[pair] = (byKindAndVerdict[pair] ?? 0) + 1;
  }
  return {
    total: claims.length,
    checked,
    byVerdict: [
      ...VERDICTS.map((v) => ({ id: v.id, label: v.label, count: verdictCounts.get(v.id) ?? 0 })),
      { id: UNRATED_ID, label: UNRATED_LABEL, count: verdictCounts.get(UNRATED_ID) ?? 0 },
    ],
    byKind: ClaimKind.options.map((kind) => ({ id: kind, label: KIND_LABELS[kind], count: kindCounts.get(kind) ?? 0 })),
    byKindAndVerdict,
  };
}

/** One sentence for the page description and OpenGraph, e.g. "12 claims marked, 5 checked: 2 False, 3 Accurate." */
export function describeSummary(summary: ReadingSummary): string {
  const head = `${summary.total} ${summary.total === 1 ? "claim" : "claims"} marked, ${summary.checked} checked`;
  const verdicts = summary.byVerdict.filter((row) => row.id !== UNRATED_ID && row.count > 0).map((row) => `${row.count} ${row.label}`);
  return verdicts.length > 0 ? `${head}: ${verdicts.join(", ")}.` : `${head}.`;
}
