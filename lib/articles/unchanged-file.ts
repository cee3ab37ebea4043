import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Sqlite from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/database-url";
import { slugFromFileName } from "./slug-from-file-name";

/** The extensions prepareArticle reads as Markdown whatever the text (lib/claims/format.ts): its Markdown is the file. */
const MARKDOWN_FILE = /\.(md|markdown|mdown|mkd)$/i;
const FRONT_MATTER_START = /^\uFEFF?---\r?\n/;

export type UnchangedFile = { slug: string; articleId: string; revisionNumber: number; claimCount: number };

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
    const latest = db
      .prepare<[string], { id: string; number: number; contentHash: string; articleId: string }>(
        `SELECT r.id, r.number, r.contentHash, r.articleId FROM "Revision" r JOIN "Article" a ON a.id = r.articleId WHERE a.slug = ? ORDER BY r.number DESC LIMIT 1`,
      )
      .get(slug);
    if (!latest || latest.contentHash !== contentHash) return null;
    const { n } = db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM "Claim" WHERE revisionId = ?`).get(latest.id)!;
    return { slug, articleId: latest.articleId, revisionNumber: latest.number, claimCount: n };
  } finally {
    db.close();
  }
}
