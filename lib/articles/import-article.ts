import { createHash } from "node:crypto";
import { z } from "zod";
import { prepareArticle, type ExtractedClaim } from "@/lib/claims";
import { SOURCE_FORMATS } from "@/lib/claims/types";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { matchImportedArticle, type MatchingMode } from "@/lib/matching";
import type { ArticleProcessing } from "@/lib/processing";
import type { Tx } from "@/lib/review/record-audit";
import { carryClaims, type CarryOutcome } from "@/lib/revisions/carry-claims";
import { extractRevisionClaims, rememberRevisionClaims } from "@/lib/revisions/extract-revision";
import { insertAnchors, insertExtractedClaims } from "@/lib/revisions/insert-claims";
import { sourceFileHash } from "@/lib/revisions/source-hash";
import { sqliteDateTime } from "@/lib/revisions/update-rows";
import { firstHeading, readFrontMatter } from "./front-matter";
import { progressOf, type OnImportProgress } from "./import-progress";
import { slugFromFileName } from "./slug-from-file-name";
import { NewSlug, Slug } from "./slug";
import { MAX_ARTICLE_BYTES } from "./source-file";

// Light modules of their own, so the command line's unchanged-file check and the import form can use them without the pipeline.
export { slugFromFileName, Slug };

/** The one schema of an import, shared by the command line, revision uploads and the new-article form's verb (create-article.ts). */
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

/** Metadata the person set (the import form): each given field wins over the article's own front matter. */
export type GivenMetadata = Partial<Record<"title" | "publisher" | "author" | "originalUrl" | "publishedOn", string>>;

/** What only in-process callers pass: listeners, the worker, the form's metadata, and whether the slug must be free. */
export type ImportOptions = {
  onProgress?: OnImportProgress;
  processing?: ArticleProcessing;
  metadata?: GivenMetadata;
  /** Refuse (CONFLICT, on the slug field) rather than add a revision when the slug is taken: the form creates, never updates. */
  mustBeNew?: boolean;
  /**
   * Whether the import waits for its claims to be matched against earlier checks (lib/matching),
   * "wait" by default, or returns once they are written and matching goes on in this process ("later").
   */
  matching?: MatchingMode;
};

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
  input: ImportArticleInput & ImportOptions,
): Promise<ImportOutcome> {
  const { onProgress, processing, metadata: given = {}, mustBeNew = false, matching = "wait" } = input;
  const { text, fileName, slug: givenSlug, format: givenFormat, actorId } = ImportArticleInput.parse(input);
  // The one reading of an article the command line, setup and revision uploads share (lib/claims/prepare.ts);
  // an upload has it done in a worker thread (lib/processing), everything else in this thread.
  const read = processing ? await processing.readArticle(text, { fileName, format: givenFormat }) : null;
  const { format, markdown } = read ?? prepareArticle(text, { fileName, format: givenFormat });
  const meta = readFrontMatter(markdown, fileName);
  const slug = Slug.parse(givenSlug ?? meta.slug ?? slugFromFileName(fileName));
  const title = given.title ?? meta.title ?? firstHeading(markdown) ?? slug;
  const contentHash = createHash("sha256").update(markdown).digest("hex");
  // The file as given, for the command line's unchanged check before conversion (unchanged-file.ts),
  // which finds the article by --slug or the file name: recorded only when the slug came from one of them.
  const sourceHash = meta.slug === undefined ? { sourceHash: sourceFileHash(text, fileName, givenFormat) } : {};

  // An identical re-import is answered from the content hash alone: extraction is the slow part.
  if (mustBeNew) await assertSlugFree(db, slug);
  const previous = await latestRevision(db, slug);
  if (previous?.contentHash === contentHash) return (await unchangedOutcome(db, slug, contentHash))!;

  // Extraction is pure and can be slow on long articles: run it before the write transaction. A
  // re-import reads again only the sections that changed, when the previous claims are cached.
  const extracting = progressOf("extracting", 1, onProgress);
  const extraction = read ? { claims: read.claims, layout: null } : await extractRevisionClaims(db, { markdown, previous });
  const { claims } = extraction;
  extracting(1);

  const outcome: ImportOutcome = await db.$transaction(async (tx): Promise<ImportOutcome> => {
    const existing = await tx.article.findUnique({
      where: { slug },
      select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, contentHash: true } } },
    });
    // Checked again inside the transaction: another import may have taken the slug since.
    if (existing && mustBeNew) throw slugTaken(slug);
    if (!existing) NewSlug.parse(slug);
    const latest = existing?.revisions[0];
    // Checked again inside the transaction: another import may have landed since the check above.
    if (existing && latest?.contentHash === contentHash) return (await unchangedOutcome(tx, slug, contentHash))!;

    const metadata = {
      title,
      publisher: given.publisher ?? meta.publisher,
      author: given.author ?? meta.author,
      originalUrl: given.originalUrl ?? meta.url,
      publishedOn: given.publishedOn ?? meta.date,
    };
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
        after: JSON.stringify({ slug, number, contentHash, ...sourceHash, format, claims: claimCount, ...(carried ? { reanchored: carried } : {}) }),
      },
    });
    if (!carried) return { status: "created", slug, articleId: article.id, revisionNumber: number, claimCount };
    const { exact, changed, orphaned, restored, added } = carried;
    return { status: "revised", slug, articleId: article.id, revisionNumber: number, claimCount, reanchored: { exact, changed, orphaned, restored, added } };
  }, { timeout: IMPORT_TIMEOUT_MS });
  if (outcome.status !== "unchanged") rememberRevisionClaims(contentHash, extraction);
  // After the transaction: matches are derived data, and reading the index must not hold the write
  // lock other imports wait for. A failure is logged there, never thrown: the import stands.
  if (outcome.status !== "unchanged") await matchImportedArticle(db, outcome.articleId, matching);
  return outcome;
}

/** Throws the CONFLICT a taken slug gets, on the form's slug field. */
async function assertSlugFree(db: Database | Tx, slug: string): Promise<void> {
  const existing = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (existing) throw slugTaken(slug);
}

function slugTaken(slug: string): AppError {
  const message = `An article with the slug "${slug}" already exists; choose another slug (or import a new revision from that article's Revisions page).`;
  return new AppError("CONFLICT", message, { fieldErrors: { slug: [message] } });
}

/** The article's latest revision, for the unchanged check and incremental extraction. */
async function latestRevision(db: Database, slug: string): Promise<{ id: string; contentHash: string } | null> {
  return db.revision.findFirst({ where: { article: { slug } }, orderBy: { number: "desc" }, select: { id: true, contentHash: true } });
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
