import { z } from "zod";

/**
 * One zod schema per revision operation, shared by the forms and the server actions. Zod only: this
 * file is bundled into client forms. The article text itself is checked in full (size, binary
 * content) by importArticle's own schema on the server.
 */

const Id = (what: string) => z.string({ error: `${what} is missing` }).trim().min(1, `${what} is missing`);

/** Import a new revision of an existing article from pasted text or an uploaded file's text. */
export const ImportRevisionInput = z.object({
  slug: z.string().trim().min(1, "The article is missing").max(120),
  text: z.string({ error: "Paste the article's new text or choose a file" }).refine((t) => t.trim() !== "", "Paste the article's new text or choose a file"),
  /** The uploaded file's name: its extension says the format (.md, .txt, .html). Absent for pasted text. */
  fileName: z.string().trim().max(255, "That file name is too long").optional(),
});
export type ImportRevisionInput = z.input<typeof ImportRevisionInput>;

/** Put an orphaned claim on a span selected in the latest revision (UTF-16 offsets). */
export const ReattachClaimInput = z
  .object({
    claimId: Id("The claim"),
    revisionId: Id("The revision"),
    sourceStart: z.number().int().min(0, "The selection starts before the text"),
    sourceEnd: z.number().int().min(1, "The selection is empty"),
  })
  .refine((v) => v.sourceStart < v.sourceEnd, { message: "Select the claim's text in the article first", path: ["sourceEnd"] });
export type ReattachClaimInput = z.input<typeof ReattachClaimInput>;

/** Two revisions to compare, by number, as the diff view's query string gives them. */
export const CompareRevisionsInput = z.object({
  from: z.coerce.number().int().min(1).optional().catch(undefined),
  to: z.coerce.number().int().min(1).optional().catch(undefined),
});
