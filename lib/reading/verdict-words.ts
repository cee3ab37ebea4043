import { KIND_LABELS, VERDICTS, type ClaimKind, type Verdict } from "@/lib/domain/vocabulary";

/** How a claim without an approved verdict is named to readers: never a guessed verdict. */
export const UNRATED_LABEL = "Not yet rated";

/** The data-verdict value the claim-mark plugin writes for a claim without a verdict. */
export const UNRATED_ID = "none";

const VERDICT_BY_ID = new Map<string, (typeof VERDICTS)[number]>(VERDICTS.map((v) => [v.id, v]));

/** The reader-facing label of a verdict, e.g. "Mostly accurate"; UNRATED_LABEL for null. */
export function verdictLabel(verdict: Verdict | null): string {
  return verdict === null ? UNRATED_LABEL : (VERDICT_BY_ID.get(verdict)?.label ?? verdict);
}

/** ClaimReview's ratingValue (5 Accurate … 1 False), or null for the unrated verdicts. */
export function verdictRating(verdict: Verdict): number | null {
  return VERDICT_BY_ID.get(verdict)?.rating ?? null;
}

export function kindLabel(kind: ClaimKind): string {
  return KIND_LABELS[kind];
}
