import { z } from "zod";
import { ArticleStatus } from "@/lib/domain/vocabulary";

/** How many articles the front page lists at a time. */
export const HOME_PAGE_SIZE = 25;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The front page's search form, as it arrives in the URL (`?q=&status=&page=`). The form is a plain
 * GET, so anything may be typed into the address bar: a value that does not parse means "no filter"
 * rather than an error page.
 */
export const HomeQuery = z.object({
  q: z.preprocess(first, z.string().trim().max(200).catch("")).optional().transform((q) => q || undefined),
  status: z.preprocess(first, ArticleStatus.optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1).default(1),
});
export type HomeQuery = z.output<typeof HomeQuery>;
export type HomeQueryInput = z.input<typeof HomeQuery>;
