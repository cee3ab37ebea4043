import { createHash } from "node:crypto";
import { z } from "zod";
import { detectFormat, extractClaims, toMarkdown } from "@/lib/claims";
import { SOURCE_FORMATS } from "@/lib/claims/types";
import type { Database } from "@/lib/db/create-database";
import { firstHeading, readFrontMatter } from "./front-matter";
import { MAX_ARTICLE_BYTES } from "./source-file";

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

export type ImportOutcome = {
  status: "created" | "revised" | "unchanged";
  slug: string;
  articleId: string;
  revisionNumber: number;
  claimCount: number;
};

/**
 * Imports an article: converts it to Markdown, and stores a new immutable Revision with its
 * extracted claims unless the latest revision already has exactly this text. Everything is
 * written in one transaction, so a failure leaves the database as it was.
 */
export async function importArticle(db: Database, input: ImportArticleInput): Promise<ImportOutcome> {
  const { text, fileName, slug: givenSlug, format: givenFormat, actorId } = ImportArticleInput.parse(input);
  const format = givenFormat ?? detectFormat(fileName, text);
  const markdown = toMarkdown(text, format);
  const meta = readFrontMatter(markdown, fileName);
  const slug = Slug.parse(givenSlug ?? meta.slug ?? slugFromFileName(fileName));
  const title = meta.title ?? firstHeading(markdown) ?? slug;
  const contentHash = createHash("sha256").update(markdown).digest("hex");

  // Extraction is pure and can be slow on long articles: run it before the write transaction.
  const { claims } = extractClaims(markdown, { format: "markdown" });

  return db.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({
      where: { slug },
      select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } } },
    });
    const latest = existing?.revisions[0];
    if (existing && latest?.contentHash === contentHash) {
      const claimCount = await tx.claim.count({ where: { articleId: existing.id, revision: { number: latest.number } } });
      return { status: "unchanged", slug, articleId: existing.id, revisionNumber: latest.number, claimCount };
    }

    const metadata = { title, publisher: meta.publisher, author: meta.author, originalUrl: meta.url, publishedOn: meta.date };
    const article = existing
      ? await tx.article.update({ where: { id: existing.id }, data: metadata, select: { id: true } })
      : await tx.article.create({ data: { slug, ...metadata }, select: { id: true } });
    const number = (latest?.number ?? 0) + 1;
    const revision = await tx.revision.create({
      data: { articleId: article.id, number, text: markdown, sourceFormat: format, contentHash, importedById: actorId },
      select: { id: true },
    });
    await tx.claim.createMany({
      data: claims.map((claim, position) => ({
        articleId: article.id,
        revisionId: revision.id,
        kind: claim.kind,
        text: claim.text,
        sourceStart: claim.sourceStart,
        sourceEnd: claim.sourceEnd,
        quoteExact: claim.quote.exact,
        quotePrefix: claim.quote.prefix,
        quoteSuffix: claim.quote.suffix,
        textStart: claim.position.start,
        textEnd: claim.position.end,
        score: claim.score,
        reasons: JSON.stringify(claim.reasons),
        quantities: JSON.stringify(claim.quantities),
        context: claim.context,
        origin: "extracted",
        state: "open",
        position,
      })),
    });
    await tx.auditEvent.create({
      data: {
        actorId,
        action: existing ? "revision.import" : "article.import",
        entityType: "revision",
        entityId: revision.id,
        articleId: article.id,
        after: JSON.stringify({ slug, number, contentHash, format, claims: claims.length }),
      },
    });
    return { status: existing ? "revised" : "created", slug, articleId: article.id, revisionNumber: number, claimCount: claims.length };
  });
}

/** "content/ICE 287(g) FY2020.md" → "ice-287-g-fy2020". */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}
