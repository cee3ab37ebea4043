import "server-only";
import type { SourceFormat } from "@/lib/claims";
import type { Database } from "@/lib/db/create-database";
import type { ClaimKind } from "@/lib/domain/vocabulary";
import { workerProcessing, type ArticleProcessing } from "@/lib/processing";
import type { ArticleSource } from "./article-source";
import { describeArticle, type FoundMetadata } from "./describe-article";
import { RESERVED_SLUGS } from "./slug";

/** Pasted text has no file name; without an extension the format is told from the text itself. */
export const PASTED_FILE_NAME = "pasted text";

/** Claims listed in a preview; the count is always the whole article's. A list of 20,000 helps nobody. */
export const PREVIEW_CLAIMS = 500;

/** What the import form shows before anything is written. Plain data. */
export type ArticlePreview = {
  format: SourceFormat;
  fileName: string | null;
  /** The metadata the text gives, with a slug no article has yet. */
  found: FoundMetadata;
  /** The slug the text gives when another article already has it (`found.slug` is then a free variant). */
  slugTaken: string | null;
  claimCount: number;
  claims: Array<{ text: string; kind: ClaimKind }>;
};

/**
 * Reads an article as its import would, in the processing worker (within its time limit, given up
 * when `signal` aborts), and answers its metadata and the claims found, writing nothing. Refuses
 * what the import refuses, with the same sentences (the worker's shape and size checks, the front
 * matter's YAML).
 */
export async function previewArticle(
  db: Database,
  source: ArticleSource,
  options: { signal?: AbortSignal; timeLimitMs?: number; processing?: ArticleProcessing } = {},
): Promise<ArticlePreview> {
  const processing = options.processing ?? workerProcessing(options);
  const read = await processing.readArticle(source.text, { fileName: source.fileName ?? PASTED_FILE_NAME });
  const found = describeArticle(read, source);
  const free = await freeSlug(db, found.slug);
  return {
    format: read.format,
    fileName: source.fileName ?? null,
    found: { ...found, slug: free },
    slugTaken: free === found.slug ? null : found.slug,
    claimCount: read.claims.length,
    claims: read.claims.slice(0, PREVIEW_CLAIMS).map(({ text, kind }) => ({ text, kind })),
  };
}

/** `slug`, or the first of `slug-2`, `slug-3`… that no article has and that is not reserved. */
async function freeSlug(db: Database, slug: string): Promise<string> {
  const base = slug.slice(0, 110);
  const taken = new Set(
    (await db.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug).concat(RESERVED_SLUGS),
  );
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
