import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Sqlite from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/database-url";
import { sourceFileHash } from "@/lib/revisions/source-hash";
import { slugFromFileName } from "./slug-from-file-name";

/** The extensions prepareArticle reads as Markdown whatever the text (lib/claims/format.ts): its Markdown is the file. */
const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;
const FRONT_MATTER_START = /^\uFEFF?---\r?\n/;

export type UnchangedFile = { slug: string; articleId: string; revisionNumber: number; claimCount: number };

/**
 * Whether a file of any format is exactly what its article's latest revision was imported from,
 * answered before the pipeline and Prisma load: Markdown by the content hash of its text
 * ({@link unchangedMarkdownFile}), HTML and plain text by {@link sourceFileHash}, which the import
 * of that revision recorded (only where the slug came from --slug or the file name). Null: import it.
 */
export async function unchangedFile(url: string, input: { text: string; fileName: string; slug?: string }): Promise<UnchangedFile | null> {
  if (MARKDOWN_FILE.test(input.fileName)) return unchangedMarkdownFile(url, input);
  const file = sqliteFilePath(url);
  if (!file || !existsSync(file)) return null;
  const slug = input.slug ?? slugFromFileName(input.fileName);
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const latest = latestRevision(db, slug);
    if (!latest) return null;
    const event = db
      .prepare<[string], { after: string | null }>(
        `SELECT "after" FROM "AuditEvent" WHERE "entityType" = 'revision' AND "entityId" = ? AND "action" IN ('article.import', 'revision.import') ORDER BY "createdAt" DESC LIMIT 1`,
      )
      .get(latest.id);
    let recorded: unknown;
    try {
      recorded = event?.after ? (JSON.parse(event.after) as { sourceHash?: unknown }).sourceHash : undefined;
    } catch {
      return null;
    }
    if (recorded !== sourceFileHash(input.text, input.fileName)) return null;
    return { slug, articleId: latest.articleId, revisionNumber: latest.number, claimCount: claimCount(db, latest.id) };
  } finally {
    db.close();
  }
}

type LatestRevision = { id: string; number: number; contentHash: string; articleId: string };

function latestRevision(db: Sqlite.Database, slug: string): LatestRevision | undefined {
  return db
    .prepare<[string], LatestRevision>(
      `SELECT r."id", r."number", r."contentHash", r."articleId" FROM "Revision" r JOIN "Article" a ON a."id" = r."articleId" WHERE a."slug" = ? ORDER BY r."number" DESC LIMIT 1`,
    )
    .get(slug);
}

function claimCount(db: Sqlite.Database, revisionId: string): number {
  return db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM "Claim" WHERE "revisionId" = ?`).get(revisionId)!.n;
}

/**
 * Whether a Markdown file is exactly its article's latest revision, answered before the claim
 * pipeline and Prisma are loaded: for `npm run import`, loading them is most of an identical
 * re-import (about a second of a 2,000-claim article's 1.3–2 s, issue 13). Gives the same answer as
 * importArticle's own unchanged check, by the same rules (slug from --slug, the front matter, the
 * file name; the content hash of the Markdown); null means "not known to be unchanged": import it.
 * Other formats return null: their Markdown is written by the pipeline.
 */
export async function unchangedMarkdownFile(url: string, input: { text: string; fileName: string; slug?: string }): Promise<UnchangedFile | null> {
  const file = sqliteFilePath(url);
  if (!file || !existsSync(file) || !MARKDOWN_FILE.test(input.fileName)) return null;
  const markdown = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  let slug = input.slug;
  if (slug === undefined && FRONT_MATTER_START.test(markdown)) {
    // Only an article with front matter pays for the YAML reader; a bad block is importArticle's to report.
    const { readFrontMatter } = await import("./front-matter");
    try {
      slug = readFrontMatter(markdown, input.fileName).slug;
    } catch {
      return null;
    }
  }
  slug ??= slugFromFileName(input.fileName);
  const contentHash = createHash("sha256").update(markdown).digest("hex");
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const latest = latestRevision(db, slug);
    if (!latest || latest.contentHash !== contentHash) return null;
    return { slug, articleId: latest.articleId, revisionNumber: latest.number, claimCount: claimCount(db, latest.id) };
  } finally {
    db.close();
  }
}
