import { ARTICLE_METADATA } from "@/lib/articles/article-metadata";
import type { Database } from "@/lib/db/create-database";
import { AppError } from "@/lib/errors";
import { emptyProgress, type ClaimProgress } from "./list-desk";
import { ArticleBySlugInput } from "./schemas";
import { ClaimState } from "@/lib/domain/vocabulary";

export type ApiArticleDetail = {
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  status: string;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  latestRevision: { number: number; contentHash: string; importedAt: string } | null;
  revisions: number;
  claims: ClaimProgress;
};

/** GET /api/articles/<slug>: the article's metadata, latest revision and claims per state. */
export async function getArticleSummary(db: Database, input: ArticleBySlugInput): Promise<ApiArticleDetail> {
  const { slug } = ArticleBySlugInput.parse(input);
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      ...ARTICLE_METADATA,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { revisions: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true, importedAt: true } },
    },
  });
  if (!article) throw new AppError("NOT_FOUND", `There is no article "${slug}".`);
  const states = await db.claim.groupBy({ by: ["state"], where: { article: { slug } }, _count: { _all: true } });
  const claims = emptyProgress();
  for (const row of states) {
    const state = ClaimState.safeParse(row.state);
    if (state.success) claims[state.data] += row._count._all;
    claims.total += row._count._all;
  }
  const { _count, revisions, publishedAt, createdAt, updatedAt, ...rest } = article;
  const latest = revisions[0];
  return {
    ...rest,
    publishedAt: publishedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    latestRevision: latest ? { number: latest.number, contentHash: latest.contentHash, importedAt: latest.importedAt.toISOString() } : null,
    revisions: _count.revisions,
    claims,
  };
}
