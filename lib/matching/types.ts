/**
 * What the matcher hands out: plain data, so the workbench, the desk, the API and the evaluation
 * read the same thing. A match always joins a claim to an earlier, checked claim in another article.
 */

/**
 * "same" only when no guard objects (figures, written numbers, polarity, contrasting subjects) and the
 * learned same-claim model is sure enough (same-claim.ts); otherwise the earlier claim is only "related".
 */
export const MATCH_RELATIONS = ["same", "related"] as const;
export type MatchRelation = (typeof MATCH_RELATIONS)[number];

export interface ClaimMatch {
  /** The new claim. */
  claimId: string;
  /** The earlier, checked claim in another article. */
  matchedClaimId: string;
  /** 0..1, higher is better. */
  score: number;
  relation: MatchRelation;
  /** In words: "same figures: 36 → 149, FY 2020", "different number: 150 vs 149", "shared words: participating, agencies", "the same claim: 91% sure". */
  reasons: string[];
}
