import { z } from "zod";

/**
 * The zod schema of marking a number check explained, shared by the workbench form and the server
 * action, so a reviewer reads the same message in the browser and from the server. Zod only: this
 * file is bundled into the client form.
 */

/** The longest reason kept: a few paragraphs, like a review note's summary. */
export const REASON_MAX = 2000;

export const ExplainNumberCheckInput = z.object({
  /** The claim the reviewer is looking at: one of the finding's claims. */
  claimId: z.string({ error: "The claim is missing" }).trim().min(1, "The claim is missing").max(64),
  findingKey: z.string({ error: "The number check is missing" }).trim().min(1, "The number check is missing").max(200),
  reason: z
    .string({ error: "Say why the figures are right as they stand" })
    .trim()
    .min(1, "Say why the figures are right as they stand")
    .max(REASON_MAX, `Keep the reason under ${REASON_MAX.toLocaleString("en")} characters`),
});
export type ExplainNumberCheckInput = z.input<typeof ExplainNumberCheckInput>;
