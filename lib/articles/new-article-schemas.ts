import { z } from "zod";
import { OptionalHttpUrl } from "@/lib/domain/http-url";
import { NewSlug } from "./slug";

/**
 * One zod schema per operation of the import form, used by the form before sending and by the
 * route handlers on the multipart body they receive. Zod only: the form bundles this file. The
 * article's bytes (size, binary, UTF-8) are checked on the server by the command line's own reader
 * (source-file.ts), so both say the same sentences.
 */

/** What a form without text or file is told. */
export const SOURCE_MISSING = "Paste the article's text or choose its file";

/** A blank field is a field not given. */
const blankIsAbsent = (v: string | undefined) => v || undefined;
const optionalText = (what: string, max: number) =>
  z.string().trim().max(max, `${what} is longer than ${max} characters`).optional().transform(blankIsAbsent);

/** A calendar day, as `<input type="date">` sends it and the article pages show it. */
const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist");

/** The article's metadata as the person set it; empty fields are filled from the file, or derived. */
export const ArticleFields = z.object({
  title: optionalText("The title", 500),
  slug: z.string().trim().optional().transform(blankIsAbsent).pipe(NewSlug.optional()),
  publisher: optionalText("The publisher", 300),
  author: optionalText("The author", 300),
  originalUrl: OptionalHttpUrl,
  publishedOn: z.string().trim().optional().transform(blankIsAbsent).pipe(CalendarDay.optional()),
});
export type ArticleFields = z.output<typeof ArticleFields>;

/** The field names, in the form's order: the error summary lists them so. */
export const FIELD_ORDER = ["file", "text", "title", "slug", "publisher", "author", "originalUrl", "publishedOn"] as const;
export type FieldName = (typeof FIELD_ORDER)[number];

/** A browser sends an empty File for a file input left empty; that is no file. */
const ChosenFile = z
  .instanceof(File)
  .optional()
  .transform((f) => (f && (f.size > 0 || f.name !== "") ? f : undefined));

/** The article itself: a chosen file (which wins) or pasted text. */
const ArticleSource = z.object({ file: ChosenFile, text: z.string().optional() });

const hasSource = (s: z.output<typeof ArticleSource>) => s.file !== undefined || (s.text ?? "").trim() !== "";

/** Preview: find the claims and the metadata of a file or pasted text, writing nothing. */
export const PreviewArticleInput = ArticleSource.refine(hasSource, { message: SOURCE_MISSING, path: ["text"] });
export type PreviewArticleInput = z.input<typeof PreviewArticleInput>;

/** Import: create a new article from a file or pasted text with the metadata the form holds. */
export const CreateArticleInput = ArticleSource.extend(ArticleFields.shape).refine(hasSource, { message: SOURCE_MISSING, path: ["text"] });
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

/** A multipart body as the schemas above read it: text fields as strings, the file as a File. */
export function formDataObject(form: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const name of FIELD_ORDER) {
    const value = form.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}
