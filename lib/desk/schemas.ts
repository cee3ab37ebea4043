import { z } from "zod";
import { Confidence, Verdict } from "@/lib/domain/vocabulary";

/**
 * One zod schema per desk, API-token and JSON-API operation (STYLE.md "Input and errors"). The desk
 * forms and the server actions and route handlers parse with the same schema. Zod only: this file
 * is bundled into client forms.
 */

const Id = (what: string) => z.string({ error: `${what} is missing` }).trim().min(1, `${what} is missing`).max(200);

const ArticleSlug = z
  .string({ error: "The article is missing" })
  .trim()
  .min(1, "The article is missing")
  .max(120, "The slug is longer than 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lower-case letters, digits and single hyphens");

/** Longest selection an editor can assign at once; "all unassigned" has no limit. */
export const MAX_ASSIGN_SELECTION = 5_000;

/**
 * Assign claims of one article to a person: the selected claims, or every claim nobody is assigned
 * to yet. `assigneeId: null` takes the selected claims off everyone's list.
 */
export const AssignClaimsInput = z
  .object({
    slug: ArticleSlug,
    assigneeId: Id("The reviewer").nullable(),
    claimIds: z.array(Id("A claim")).max(MAX_ASSIGN_SELECTION, "Too many claims selected at once").default([]),
    allUnassigned: z.boolean().default(false),
  })
  .refine((v) => v.allUnassigned || v.claimIds.length > 0, {
    message: "Select at least one claim, or choose “all unassigned claims”",
    path: ["claimIds"],
  })
  .refine((v) => !(v.allUnassigned && v.assigneeId === null), {
    message: "Choose the reviewer to give the unassigned claims to",
    path: ["assigneeId"],
  });
export type AssignClaimsInput = z.input<typeof AssignClaimsInput>;

/** The editor writes their own verdict on a claim and approves it as final in one step. */
export const ApproveOwnVerdictInput = z.object({
  claimId: Id("The claim"),
  verdict: Verdict,
  confidence: Confidence.nullish().transform((v) => v ?? null),
  note: z.string().max(20_000, "The note is longer than 20,000 characters").default(""),
});
export type ApproveOwnVerdictInput = z.input<typeof ApproveOwnVerdictInput>;



/** One article, by slug (desk pages, publish, the JSON API). */
export const ArticleBySlugInput = z.object({ slug: ArticleSlug });
export type ArticleBySlugInput = z.input<typeof ArticleBySlugInput>;

/** Create a personal API token; the name says where it is used. */
export const CreateApiTokenInput = z.object({
  name: z
    .string({ error: "Name the token" })
    .trim()
    .min(1, "Name the token, e.g. “newsroom CMS”")
    .max(100, "Keep the name under 100 characters"),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>;

export const RevokeApiTokenInput = z.object({ tokenId: Id("The token") });
export type RevokeApiTokenInput = z.input<typeof RevokeApiTokenInput>;

/** Largest page the JSON API returns. */
export const MAX_PAGE_SIZE = 100;

/** `?page=&pageSize=` of the JSON API's lists; query strings arrive as text. */
export const PageQuery = z.object({
  page: z.coerce
    .number({ error: "page must be a number" })
    .int("page must be a whole number")
    .min(1, "page starts at 1")
    .max(1_000_000, "page is too large")
    .default(1),
  pageSize: z.coerce
    .number({ error: "pageSize must be a number" })
    .int("pageSize must be a whole number")
    .min(1, "pageSize must be at least 1")
    .max(MAX_PAGE_SIZE, `pageSize can be at most ${MAX_PAGE_SIZE}`)
    .default(20),
});
export type PageQuery = z.output<typeof PageQuery>;

/** The claims of one article, a page at a time. */
export const ListClaimsQuery = PageQuery.extend({ slug: ArticleSlug });
export type ListClaimsQuery = z.input<typeof ListClaimsQuery>;
