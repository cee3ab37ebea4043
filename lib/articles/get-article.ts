import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { ARTICLE_METADATA } from "./article-metadata";

/**
 * The article with its latest revision and that revision's claims in reading order, or null when
 * there is no such article or the viewer may not see it (canSeeArticle): a reader asking for a
 * draft gets the same answer as for a missing slug.
 */
export async function getArticleWithLatestRevision(db: Database, { slug, viewer }: { slug: string; viewer: Viewer }) {
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      ...ARTICLE_METADATA,
      _count: { select: { revisions: true } },
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          text: true,
          importedAt: true,
          claims: {
            orderBy: { position: "asc" },
            select: { id: true, kind: true, text: true, score: true, reasons: true, context: true, state: true, sourceStart: true, sourceEnd: true },
          },
        },
      },
    },
  });
  if (!article || !canSeeArticle(viewer, article)) return null;
  const { revisions, _count, ...rest } = article;
  const revision = revisions[0] ?? null;
  return {
    ...rest,
    revisionCount: _count.revisions,
    revision: revision && {
      ...revision,
      claims: revision.claims.map((c) => ({ ...c, reasons: parseReasons(c.reasons) })),
    },
  };
}

function parseReasons(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
