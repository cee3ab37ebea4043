/**
 * The article's descriptive columns, as one Prisma `select` fragment: the pages, the JSON API and
 * the reading view all show the same metadata, so they read it the same way.
 */
export const ARTICLE_METADATA = {
  slug: true,
  title: true,
  publisher: true,
  author: true,
  originalUrl: true,
  publishedOn: true,
  status: true,
} as const;
