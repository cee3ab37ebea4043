import { z } from "zod";

/**
 * The operations of "Checked before" (issue 16), one zod schema each: the workbench's buttons and
 * the server actions parse with the same schema. Zod only: the panel's client code imports this.
 */

const Id = (what: string) => z.string({ error: `${what} is missing` }).trim().min(1, `${what} is missing`).max(64, `${what} is not valid`);

/** A claim named in an address or a request (GET /api/claims/{id}/matches, "Look again"). */
export const ClaimMatchesInput = z.object({ claimId: Id("The claim") });
export type ClaimMatchesInput = z.input<typeof ClaimMatchesInput>;

/** Start the viewer's review of a claim from an earlier claim's review: its verdict, note and citations. */
export const ReuseReviewInput = z.object({
  claimId: Id("The claim"),
  /** The earlier review to copy (the earlier claim's approved review, or another review with a verdict). */
  fromReviewId: Id("The earlier review"),
  /** The version of the viewer's review the panel was shown with; null when they had none yet. */
  expectedVersion: z.number().int().min(1, "The review version is not valid").nullable(),
  /** The viewer confirmed replacing what their review already says. Without it, a review with content is never touched. */
  replace: z.boolean().default(false),
});
export type ReuseReviewInput = z.input<typeof ReuseReviewInput>;

/** The audit action of a reuse, and what its snapshot carries (lib/review/audit-history.ts reads it back). */
export const REUSE_ACTION = "claim.reuse";

/** The CONFLICT a reuse over a review with content gets until the viewer confirms (`details.reason`); the panel then asks. */
export const CONFIRM_REPLACE = "needs-confirmation";
