import { z } from "zod";

/**
 * The words of the desk (../shared/DESIGN.md §2), each a zod enum so that every boundary checks them
 * the same way. The database keeps them as strings, so the same schema serves SQLite and PostgreSQL.
 */
export const Role = z.enum(["reviewer", "editor", "admin"]);
export type Role = z.infer<typeof Role>;

export const ArticleStatus = z.enum(["draft", "in_review", "published"]);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ClaimKind = z.enum(["statistic", "program_rule", "policy_assertion", "factual"]);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const ClaimOrigin = z.enum(["extracted", "manual"]);
export const ClaimState = z.enum(["open", "in_review", "reviewed", "approved", "dismissed", "orphaned"]);
export type ClaimState = z.infer<typeof ClaimState>;

/** Verdicts: five rated (ClaimReview ratingValue 5…1) and two unrated. */
export const VERDICTS = [
  { id: "accurate", label: "Accurate", rating: 5 },
  { id: "mostly_accurate", label: "Mostly accurate", rating: 4 },
  { id: "missing_context", label: "Missing context", rating: 3 },
  { id: "misleading", label: "Misleading", rating: 2 },
  { id: "false", label: "False", rating: 1 },
  { id: "unsupported", label: "Unsupported", rating: null },
  { id: "opinion", label: "Opinion", rating: null },
] as const;
export const Verdict = z.enum(["accurate", "mostly_accurate", "missing_context", "misleading", "false", "unsupported", "opinion"]);
export type Verdict = z.infer<typeof Verdict>;

export const Confidence = z.enum(["low", "medium", "high"]);
export type ConfidenceLevel = z.infer<typeof Confidence>;
export const Stance = z.enum(["supports", "refutes", "context"]);
export type StanceName = z.infer<typeof Stance>;

/** Human labels for the kinds, in the fact-checker's words. */
export const KIND_LABELS: Record<ClaimKind, string> = {
  statistic: "Statistic",
  program_rule: "Program rule",
  policy_assertion: "Policy assertion",
  factual: "Factual",
};
