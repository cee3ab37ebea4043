import { createHash } from "node:crypto";
import { z } from "zod";
import { extractClaims, prepareArticle, type ExtractedClaim } from "@/lib/claims";
import { SOURCE_FORMATS } from "@/lib/claims/types";
import type { Database } from "@/lib/db/create-database";
import type { ArticleProcessing } from "@/lib/processing";
import type { Tx } from "@/lib/review/record-audit";
import { carryClaims, type CarryOutcome } from "@/lib/revisions/carry-claims";
import { insertAnchors, insertExtractedClaims } from "@/lib/revisions/insert-claims";
import { sqliteDateTime } from "@/lib/revisions/update-rows";
import { firstHeading, readFrontMatter } from "./front-matter";
import { progressOf, type OnImportProgress } from "./import-progress";
import { slugFromFileName } from "./slug-from-file-name";
import { MAX_ARTICLE_BYTES } from "./source-file";

// A light module of its own, so the command line's unchanged-file check can use it without the pipeline.
export { slugFromFileName };

export const Slug = z
  .string()
  .trim()
  .min(1, "the slug is empty")
  .max(120, "the slug is longer than 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case letters, digits and single hyphens, like ice-287g-fy2020");

/** The one schema of an import, shared by the command line and (later) the upload form. */
export const ImportArticleInput = z.object({
  text: z
    .string()
    .refine((t) => t.trim() !== "", "the article is empty")
    .refine((t) => Buffer.byteLength(t, "utf8") <= MAX_ARTICLE_BYTES, "the article is over the 5 MiB limit")
    .refine((t) => !t.includes("\u0000"), "the article holds NUL bytes: it looks like a binary file"),
  fileName: z.string().min(1),
  slug: Slug.optional(),
  format: z.enum(SOURCE_FORMATS).optional(),
  actorId: z.string().optional(),
});
export type ImportArticleInput = z.input<typeof ImportArticleInput>;

export type { ImportProgress, ImportStage, OnImportProgress } from "./import-progress";

/** Rows per createManyAndReturn of a first import's claims: a progress step, and well inside SQLite's parameter limit. */
const CREATE_BATCH = 400;

export type ImportOutcome = {
  status: "created" | "revised" | "unchanged";
  slug: string;
  articleId: string;
  revisionNumber: number;
  /** Claims anchored to the revision (orphaned claims of older revisions not counted). */
  claimCount: number;
  /** For a new revision of an existing article: how its claims were re-anchored (lib/revisions/carry-claims.ts). */
  reanchored?: Omit<CarryOutcome, "claimCount">;
};

/** A new revision re-anchors every claim in the transaction; the default 5 s is short for 2,000 claims. */
const IMPORT_TIMEOUT_MS = 60_000;

/**
 * Imports an article: converts it to Markdown, and stores a new immutable Revision with its
 * extracted claims unless the latest revision already has exactly this text. A new revision of an
 * existing article re-anchors the claims of the previous one onto it (carryClaims) and adds only
 * the sentences no claim covers. Everything is written in one transaction, so a failure leaves the
 * database as it was. `onProgress` is told of each stage (extracting, re-anchoring, writing); an
 * unchanged file is answered before any of them.
 */
export async function importArticle(
  db: Database,
  input: ImportArticleInput & { onProgress?: OnImportProgress; processing?: ArticleProcessing },
): Promise<ImportOutcome> {
  const { onProgress, processing } = input;
  const { text, fileName, slug: givenSlug, format: givenFormat, actorId } = ImportArticleInput.parse(input);
  // The one reading of an article the command line, setup and revision uploads share (lib/claims/prepare.ts);
  // an upload has it done in a worker thread (lib/processing), everything else in this thread.
  const read = processing ? await processing.readArticle(text, { fileName, format: givenFormat }) : null;
  const { format, markdown } = read ?? prepareArticle(text, { fileName, format: givenFormat });
  const meta = readFrontMatter(markdown, fileName);
  const slug = Slug.parse(givenSlug ?? meta.slug ?? slugFromFileName(fileName));
  const title = meta.title ?? firstHeading(markdown) ?? slug;
  const contentHash = createHash("sha256").update(markdown).digest("hex");

  // An identical re-import is answered from the content hash alone: extraction is the slow part.
  const unchanged = await unchangedOutcome(db, slug, contentHash);
  if (unchanged) return unchanged;

  // Extraction is pure and can be slow on long articles: run it before the write transaction.
  const extracting = progressOf("extracting", 1, onProgress);
  const { claims } = read ?? extractClaims(markdown, { format: "markdown" });
  extracting(1);

  return db.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({
      where: { slug },
      select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, contentHash: true } } },
    });
    const latest = existing?.revisions[0];
    // Checked again inside the transaction: another import may have landed since the check above.
    if (existing && latest?.contentHash === contentHash) return (await unchangedOutcome(tx, slug, contentHash))!;

    const metadata = { title, publisher: meta.publisher, author: meta.author, originalUrl: meta.url, publishedOn: meta.date };
    const article = existing
      ? await tx.article.update({ where: { id: existing.id }, data: metadata, select: { id: true } })
      : await tx.article.create({ data: { slug, ...metadata }, select: { id: true } });
    const number = (latest?.number ?? 0) + 1;
    const revision = await tx.revision.create({
      data: { articleId: article.id, number, text: markdown, sourceFormat: format, contentHash, importedById: actorId },
      select: { id: true },
    });
    const carried = latest
      ? await carryClaims(tx, { articleId: article.id, from: latest, to: { id: revision.id, number, text: markdown }, extracted: claims, actorId, onProgress, processing })
      : null;
    if (!carried) await createExtractedClaims(tx, article.id, revision.id, markdown, claims, progressOf("writing", claims.length, onProgress));
    const claimCount = carried?.claimCount ?? claims.length;
    await tx.auditEvent.create({
      data: {
        actorId,
        action: existing ? "revision.import" : "article.import",
        entityType: "revision",
        entityId: revision.id,
        articleId: article.id,
        after: JSON.stringify({ slug, number, contentHash, format, claims: claimCount, ...(carried ? { reanchored: carried } : {}) }),
      },
    });
    if (!carried) return { status: "created", slug, articleId: article.id, revisionNumber: number, claimCount };
    const { exact, changed, orphaned, restored, added } = carried;
    return { status: "revised", slug, articleId: article.id, revisionNumber: number, claimCount, reanchored: { exact, changed, orphaned, restored, added } };
  }, { timeout: IMPORT_TIMEOUT_MS });
}

/** The outcome of importing text identical to the article's latest revision, or null when it differs. */
async function unchangedOutcome(db: Database | Tx, slug: string, contentHash: string): Promise<ImportOutcome | null> {
  const latest = await db.revision.findFirst({
    where: { article: { slug } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, contentHash: true, articleId: true },
  });
  if (!latest || latest.contentHash !== contentHash) return null;
  const claimCount = await db.claim.count({ where: { revisionId: latest.id } });
  return { status: "unchanged", slug, articleId: latest.articleId, revisionNumber: latest.number, claimCount };
}

/**
 * The claims of a first revision, as the pipeline found them, each with its anchor row. The stored
 * quote is cut from the revision's Markdown at sourceStart/sourceEnd, the text those offsets count
 * in and the one re-anchoring searches; the pipeline's own quote is over the plain text.
 */
async function createExtractedClaims(
  tx: Tx,
  articleId: string,
  revisionId: string,
  markdown: string,
  claims: readonly ExtractedClaim[],
  onBatch: (rows: number) => void,
): Promise<void> {
  for (let from = 0; from < claims.length; from += CREATE_BATCH) {
    await createClaimBatch(tx, articleId, revisionId, markdown, claims.slice(from, from + CREATE_BATCH), from);
    onBatch(Math.min(CREATE_BATCH, claims.length - from));
  }
}

/** One multi-row INSERT of claims (positions from `first`) and one of their anchor rows. */
async function createClaimBatch(tx: Tx, articleId: string, revisionId: string, markdown: string, claims: readonly ExtractedClaim[], first: number): Promise<void> {
  const now = sqliteDateTime(new Date());
  const created = await insertExtractedClaims(tx, { articleId, revisionId, markdown, now }, claims.map((claim, i) => ({ claim, position: first + i })));
  await insertAnchors(
    tx,
    created.map((c) => ({ claimId: c.id, revisionId, status: "exact", sourceStart: c.sourceStart, sourceEnd: c.sourceEnd, text: c.text })),
    now,
  );
}
