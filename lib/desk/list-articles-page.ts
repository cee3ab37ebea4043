import { ARTICLE_METADATA } from "@/lib/articles/article-metadata";
import type { Database } from "@/lib/db/create-database";
import { PageQuery } from "./schemas";

/** One page of a list in the JSON API, with what a client needs to ask for the next. */
export type Page<T> = { data: T[]; page: number; pageSize: number; total: number; totalPages: number };

export type ApiArticle = {
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  status: string;
  publishedAt: string | null;
  updatedAt: string;
  claims: number;
};

export function pageOf<T>(data: T[], query: PageQuery, total: number): Page<T> {
  return { data, page: query.page, pageSize: query.pageSize, total, totalPages: Math.max(1, Math.ceil(total / query.pageSize)) };
}

/** GET /api/articles: every article, newest change first, a page at a time. */
export async function listArticlesPage(db: Database, input: { page?: unknown; pageSize?: unknown }): Promise<Page<ApiArticle>> {
  const query = PageQuery.parse(input);
  const [total, rows] = await Promise.all([
    db.article.count(),
    db.article.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        ...ARTICLE_METADATA,
        publishedAt: true,
        updatedAt: true,
        _count: { select: { claims: true } },
      },
    }),
  ]);
  return pageOf(
    rows.map(({ _count, publishedAt, updatedAt, ...a }) => ({
      ...a,
      publishedAt: publishedAt?.toISOString() ?? null,
      updatedAt: updatedAt.toISOString(),
      claims: _count.claims,
    })),
    query,
    total,
  );
}
