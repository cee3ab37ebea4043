import { z } from "zod";
import { httpUrl, OptionalHttpUrl } from "@/lib/domain/http-url";
import { ClaimKind, Confidence, Stance, Verdict } from "@/lib/domain/vocabulary";

/**
 * One zod schema per review and claim-correction operation (STYLE.md "Input and errors"). The
 * workbench forms and the server actions parse with the same schema, so a person sees the same
 * message in the browser and from the server. Zod only: this file is bundled into client forms.
 */

/** Longest note a review keeps; long enough for a careful write-up, short enough to render fast. */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_EXCERPT_LENGTH = 5_000;
export const MAX_CLAIM_LENGTH = 2_000;

/** Today as YYYY-MM-DD in the local calendar: "accessed on" is the checker's day, not UTC's. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const Id = (what: string) => z.string({ error: `${what} is missing` }).trim().min(1, `${what} is missing`);

/** A web address that may be cited: http or https only (the desk's one URL rule, lib/domain/http-url.ts). */
export const CitableUrl = httpUrl("Enter the source's web address");

/** An optional form field: blank (or only spaces) means "not given". */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is longer than ${max.toLocaleString("en")} characters`)
    .optional()
    .nullable()
    .transform((v) => v || undefined);

const isRealDate = (value: string) => {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === (m ?? 1) && date.getUTCDate() === (d ?? 1);
};

/** Publication dates are often known only to the year or month: YYYY, YYYY-MM or YYYY-MM-DD. */
const PublishedOn = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || undefined)
  .pipe(
    z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Write the publication date as YYYY-MM-DD (or YYYY-MM, or YYYY)")
      .refine(isRealDate, "That publication date does not exist")
      .optional(),
  );

const AccessedOn = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || todayIsoDate())
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the access date as YYYY-MM-DD")
      .refine(isRealDate, "That access date does not exist"),
  );

/** Optional: blank means none. */
const ArchiveUrl = OptionalHttpUrl;

/** Save the viewer's review of a claim (or, with reviewId, a named review the viewer may edit). */
export const SaveReviewInput = z.object({
  claimId: Id("The claim"),
  reviewId: Id("The review").optional(),
  verdict: Verdict.nullish().transform((v) => v ?? null),
  confidence: Confidence.nullish().transform((v) => v ?? null),
  note: z
    .string()
    .max(MAX_NOTE_LENGTH, `The note is longer than ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`)
    .default(""),
  /** The version the form was loaded with; null when the viewer had no review yet. */
  expectedVersion: z.number().int().min(1, "The review version is not valid").nullable(),
});
export type SaveReviewInput = z.input<typeof SaveReviewInput>;

const CitationFields = {
  url: CitableUrl,
  title: optionalText(500, "The title"),
  publisher: optionalText(300, "The publisher"),
  publishedOn: PublishedOn,
  accessedOn: AccessedOn,
  excerpt: z
    .string()
    .trim()
    .max(MAX_EXCERPT_LENGTH, `The excerpt is longer than ${MAX_EXCERPT_LENGTH.toLocaleString("en")} characters`)
    .default(""),
  stance: Stance.default("supports"),
  archiveUrl: ArchiveUrl,
};

/** Cite a source in the viewer's review of a claim. */
export const AddCitationInput = z.object({ claimId: Id("The claim"), ...CitationFields });
export type AddCitationInput = z.input<typeof AddCitationInput>;

/** Replace the fields of one citation (the form sends them all). */
export const UpdateCitationInput = z.object({ citationId: Id("The citation"), ...CitationFields });
export type UpdateCitationInput = z.input<typeof UpdateCitationInput>;

export const RemoveCitationInput = z.object({ citationId: Id("The citation") });
export type RemoveCitationInput = z.input<typeof RemoveCitationInput>;

/** Known sources offered while a URL or title is typed. */
export const SuggestSourcesInput = z.object({
  query: z.string().trim().min(1, "Type part of an address or title").max(300, "That search is too long"),
  limit: z.number().int().min(1).max(25).default(8),
});
export type SuggestSourcesInput = z.input<typeof SuggestSourcesInput>;

/** Add a claim anchored to a selected span of a revision's text (UTF-16 offsets). */
export const AddClaimInput = z
  .object({
    revisionId: Id("The revision"),
    sourceStart: z.number().int().min(0, "The selection starts before the text"),
    sourceEnd: z.number().int().min(1, "The selection is empty"),
    kind: ClaimKind.optional(),
  })
  .refine((v) => v.sourceStart < v.sourceEnd, { message: "Select some text first", path: ["sourceEnd"] });
export type AddClaimInput = z.input<typeof AddClaimInput>;

/** Split a claim at an offset into its text. */
export const SplitClaimInput = z.object({
  claimId: Id("The claim"),
  at: z.number().int().min(1, "Put the cursor inside the claim's text, not at its start"),
});
export type SplitClaimInput = z.input<typeof SplitClaimInput>;

/** Merge two adjacent claims; the earlier one grows, the later one is dismissed. */
export const MergeClaimsInput = z
  .object({ firstId: Id("The first claim"), secondId: Id("The second claim") })
  .refine((v) => v.firstId !== v.secondId, { message: "Choose two different claims to merge", path: ["secondId"] });
export type MergeClaimsInput = z.input<typeof MergeClaimsInput>;

export const ChangeClaimKindInput = z.object({ claimId: Id("The claim"), kind: ClaimKind });
export type ChangeClaimKindInput = z.input<typeof ChangeClaimKindInput>;

export const DismissClaimInput = z.object({
  claimId: Id("The claim"),
  reason: z
    .string({ error: "Say why this is not a claim to check" })
    .trim()
    .min(3, "Say why this is not a claim to check (at least 3 characters)")
    .max(500, "Keep the reason under 500 characters"),
});
export type DismissClaimInput = z.input<typeof DismissClaimInput>;

export const RestoreClaimInput = z.object({ claimId: Id("The claim") });
export type RestoreClaimInput = z.input<typeof RestoreClaimInput>;

/** An editor picks one review as the claim's final verdict. */
export const ApproveClaimInput = z.object({ claimId: Id("The claim"), reviewId: Id("The review") });
export type ApproveClaimInput = z.input<typeof ApproveClaimInput>;

/** An editor unlocks an approved claim so it can be reviewed again. */
/** An editor unlocks an approved claim, saying why (kept in the audit trail). */
export const ReopenClaimInput = z.object({
  claimId: Id("The claim"),
  reason: z
    .string({ error: "Say why the claim is reopened" })
    .trim()
    .min(3, "Say why the claim is reopened (at least 3 characters)")
    .max(500, "Keep the reason under 500 characters"),
});
export type ReopenClaimInput = z.input<typeof ReopenClaimInput>;

export const GetWorkbenchInput = z.object({ slug: z.string().trim().min(1, "The article is missing").max(120) });
export type GetWorkbenchInput = z.input<typeof GetWorkbenchInput>;
