/**
 * The shapes the numbers checker reads and hands out: plain data, so the workbench, the reports, the
 * desk and the evaluation script all read the same findings.
 */
import type { ClaimKind, Quantity } from "../claims/types";

/** The kinds of inconsistency the checker looks for (issue 17). */
export const FINDING_TYPES = ["change", "multiple", "sum", "share", "rate", "restated", "period"] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** A claim as the checker reads it: what the pipeline stored, in reading order. */
export interface CheckedClaim {
  id: string;
  text: string;
  kind: ClaimKind;
  position: number;
  context: string | null;
  quantities: Quantity[];
}

/** One place where the article's figures disagree with each other. */
export interface NumberFinding {
  /** Stable across requests and re-imports when the same claims say the same thing: type + a hash of the claims' texts and the figures. An explanation is stored against it. */
  key: string;
  type: FindingType;
  /** The claims involved, the one to look at first. */
  claimIds: string[];
  /** What a reviewer reads: "36 → 149 is +314%, the text says 'doubled'". */
  message: string;
  /** The arithmetic: "(149 − 36) / 36 = +313.9%". */
  computation: string;
  expected: string;
  stated: string;
  /** "±0.5 percentage points (rounding to whole percent)" */
  tolerance: string;
}
