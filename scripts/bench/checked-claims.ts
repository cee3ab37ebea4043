/**
 * Articles of already-checked claims, written in bulk with raw SQL (one revision each, every claim
 * reviewed with a verdict): the pool the matcher searches in `npm run eval:matching`, in
 * `npm run bench:matching` and in tests/unit/matching. The review inserts fire the index's triggers
 * as the workbench's saves do.
 */
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/create-database";
import type { Tx } from "@/lib/review/record-audit";
import { insertRows, newId, sqliteDateTime, type SqlValue } from "@/lib/revisions/update-rows";

export type CheckedArticle = { title: string; claims: readonly string[] };

/** Creates (once) the reviewer the seeded reviews belong to. */
async function reviewerId(db: Database | Tx): Promise<string> {
  const user = await db.user.upsert({ where: { email: "matching-seed@claimdesk.test" }, create: { email: "matching-seed@claimdesk.test", name: "Seed reviewer" }, update: {}, select: { id: true } });
  return user.id;
}

/**
 * Writes the articles, their claims and one review with a verdict per claim; returns the claim ids
 * in the order given (article by article) and the article ids.
 */
export async function seedCheckedArticles(db: Database, articles: readonly CheckedArticle[], options: { verdict?: string | null } = {}): Promise<{ claimIds: string[][]; articleIds: string[] }> {
  const reviewer = await reviewerId(db);
  const now = sqliteDateTime(new Date());
  const articleRows: SqlValue[][] = [];
  const revisionRows: SqlValue[][] = [];
  const claimRows: SqlValue[][] = [];
  const reviewRows: SqlValue[][] = [];
  const claimIds: string[][] = [];
  const articleIds: string[] = [];
  for (const article of articles) {
    const articleId = newId();
    const revisionId = newId();
    articleIds.push(articleId);
    const text = article.claims.join("\n\n");
    articleRows.push([articleId, `checked-${articleId}`, article.title, "draft", now, now]);
    revisionRows.push([revisionId, articleId, 1, text, "markdown", createHash("sha256").update(text).digest("hex"), now]);
    const ids: string[] = [];
    let at = 0;
    article.claims.forEach((claim, position) => {
      const id = newId();
      ids.push(id);
      claimRows.push([id, articleId, revisionId, "statistic", claim, at, at + claim.length, claim, "", "", 0.9, "reviewed", position, now, now]);
      reviewRows.push([newId(), id, reviewer, options.verdict === undefined ? "accurate" : options.verdict, "", now, now]);
      at += claim.length + 2;
    });
    claimIds.push(ids);
  }
  const run = db as unknown as Tx;
  await insertRows(run, { table: "Article", columns: ["id", "slug", "title", "status", "createdAt", "updatedAt"], rows: articleRows });
  await insertRows(run, { table: "Revision", columns: ["id", "articleId", "number", "text", "sourceFormat", "contentHash", "importedAt"], rows: revisionRows });
  await insertRows(run, {
    table: "Claim",
    columns: ["id", "articleId", "revisionId", "kind", "text", "sourceStart", "sourceEnd", "quoteExact", "quotePrefix", "quoteSuffix", "score", "state", "position", "createdAt", "updatedAt"],
    rows: claimRows,
  });
  await insertRows(run, { table: "Review", columns: ["id", "claimId", "reviewerId", "verdict", "note", "createdAt", "updatedAt"], rows: reviewRows });
  return { claimIds, articleIds };
}
