import "server-only";
import { db } from "@/lib/db/client";
import { ARTICLE_METADATA } from "./article-metadata";

/** The article with its latest revision and that revision's claims in reading order, or null. */
export async function getArticleWithLatestRevision(slug: string) {
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
  if (!article) return null;
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
