import "server-only";
import { can, canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { containsIgnoringCase } from "@/lib/db/database-engine";
import { ArticleStatus } from "@/lib/domain/vocabulary";
import { HOME_PAGE_SIZE, HomeQuery, type HomeQueryInput } from "./home-query";

/** Where the checking of one article stands, for those who do it. */
export type HomeProgress = {
  /** Claims to check: every claim of the article but the dismissed ones. */
  total: number;
  /** Of those, claims with a finished review (reviewed or approved). */
  reviewed: number;
  approved: number;
  /** Claims to check that are assigned to the viewer. */
  assignedToMe: number;
};

export type HomeArticle = {
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedOn: string | null;
  status: ArticleStatus;
  updatedAt: Date;
  /** Null for readers: how far the checking has got is the desk's business. */
  progress: HomeProgress | null;
};

export type HomeArticles = { articles: HomeArticle[]; total: number; page: number; pageCount: number; query: HomeQuery };

/**
 * The statuses this viewer may see, asked of canSeeArticle status by status, so the query can filter
 * and count in SQL while the policy module stays the one place that decides.
 */
export function visibleStatuses(viewer: Viewer): ArticleStatus[] {
  return ArticleStatus.options.filter((status) => canSeeArticle(viewer, { status }));
}

/**
 * The front page: the articles this viewer may see, newest change first, searched by title,
 * publisher or author and filtered by status, a page at a time; for staff, with each article's
 * progress and the claims assigned to them. Four queries whatever the number of articles and
 * claims: the count and the page of articles, then that page's claims grouped by article and state,
 * and the viewer's assignments grouped by article.
 */
export async function listHomeArticles(db: Database, { viewer, query: input }: { viewer: Viewer; query: HomeQueryInput }): Promise<HomeArticles> {
  const query = HomeQuery.parse(input);
  const statuses = visibleStatuses(viewer).filter((s) => !query.status || s === query.status);
  // Case is ignored on both engines: SQLite's LIKE does by itself, PostgreSQL needs ILIKE.
  const contains = query.q ? containsIgnoringCase(db, query.q) : null;
  const search = contains ? { OR: [{ title: contains }, { publisher: contains }, { author: contains }] } : {};
  const where = { status: { in: statuses }, ...search };

  const total = await db.article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HOME_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * HOME_PAGE_SIZE,
    take: HOME_PAGE_SIZE,
    select: { id: true, slug: true, title: true, publisher: true, author: true, publishedOn: true, status: true, updatedAt: true },
  });

  const progress = can(viewer, "workbench.view") ? await progressOf(db, rows.map((r) => r.id), viewer!.id) : null;
  const articles = rows.map(({ id, status, ...article }) => ({
    ...article,
    status: ArticleStatus.catch("draft").parse(status),
    progress: progress?.get(id) ?? (progress ? emptyProgress() : null),
  }));
  return { articles, total, page, pageCount, query: { ...query, page } };
}

const emptyProgress = (): HomeProgress => ({ total: 0, reviewed: 0, approved: 0, assignedToMe: 0 });

async function progressOf(db: Database, articleIds: string[], viewerId: string): Promise<Map<string, HomeProgress>> {
  const toCheck = { articleId: { in: articleIds }, state: { not: "dismissed" } };
  const [states, mine] = await Promise.all([
    db.claim.groupBy({ by: ["articleId", "state"], where: toCheck, _count: { _all: true } }),
    db.claim.groupBy({ by: ["articleId"], where: { ...toCheck, assigneeId: viewerId }, _count: { _all: true } }),
  ]);
  const byArticle = new Map<string, HomeProgress>();
  const of = (id: string) => byArticle.get(id) ?? byArticle.set(id, emptyProgress()).get(id)!;
  for (const row of states) {
    const p = of(row.articleId);
    p.total += row._count._all;
    if (row.state === "reviewed" || row.state === "approved") p.reviewed += row._count._all;
    if (row.state === "approved") p.approved += row._count._all;
  }
  for (const row of mine) of(row.articleId).assignedToMe = row._count._all;
  return byArticle;
}
