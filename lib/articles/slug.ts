import { z } from "zod";

/**
 * Slugs the desk cannot give an article: `/articles/new` is the import page, so an article called
 * "new" could never be opened there.
 */
export const RESERVED_SLUGS: readonly string[] = ["new"];

/**
 * An article's slug, as the command line, the import form and every page parse it. Zod only: the
 * import form bundles this file.
 */
export const Slug = z
  .string()
  .trim()
  .min(1, "the slug is empty")
  .max(120, "the slug is longer than 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case letters, digits and single hyphens, like ice-287g-fy2020");

/** A slug a new article may take: a valid one that is not reserved. */
export const NewSlug = Slug.superRefine((s, ctx) => {
  if (RESERVED_SLUGS.includes(s)) ctx.addIssue({ code: "custom", message: `the slug "${s}" is the import page's address; choose another` });
});
