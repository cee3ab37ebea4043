import Link from "next/link";
import { articleLinks } from "@/lib/articles/article-links";
import { can, type Viewer } from "@/lib/auth/policy";
import { getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { ArticleStatus } from "@/lib/domain/vocabulary";
import { humanDate } from "@/lib/export/human-date";
import type { HomeQuery } from "@/lib/home/home-query";
import { listHomeArticles, visibleStatuses, type HomeArticle } from "@/lib/home/list-home-articles";
import "./home.css";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_LABELS: Record<ArticleStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };

/**
 * The desk's home. Staff find an article by title, publisher, author or status and go on to its
 * pages; readers (anyone not signed in) see the published articles, each a link to its reading view.
 */
export default async function HomePage({ searchParams }: Props) {
  const viewer = await getViewer();
  const { articles, total, page, pageCount, query } = await listHomeArticles(db, { viewer, query: await searchParams });
  const staff = can(viewer, "workbench.view");
  const filtered = Boolean(query.q || query.status);
  return (
    <div className="home">
      <div className="home-head">
        <h1>Articles</h1>
        {can(viewer, "article.import") ? (
          <Link href="/articles/new" className="button primary">
            Import article
          </Link>
        ) : null}
      </div>
      <SearchForm query={query} viewer={viewer} filtered={filtered} />
      <p className="muted" role="status">
        {total === 0 ? (filtered ? "No articles match." : staff ? "No articles yet." : "Nothing is published yet.") : count(total, query)}
      </p>
      {articles.length === 0 ? null : staff ? <StaffTable articles={articles} viewer={viewer} /> : <ReadingList articles={articles} />}
      {pageCount > 1 ? <Pages page={page} pageCount={pageCount} query={query} /> : null}
    </div>
  );
}

function count(total: number, query: HomeQuery): string {
  const what = `${total} ${total === 1 ? "article" : "articles"}`;
  const filters = [query.q ? `matching “${query.q}”` : null, query.status ? `with status ${STATUS_LABELS[query.status].toLowerCase()}` : null];
  return [what, ...filters.filter(Boolean)].join(" ");
}

/** A plain GET form: it works without JavaScript, and the URL keeps the search to share or reload. */
function SearchForm({ query, viewer, filtered }: { query: HomeQuery; viewer: Viewer; filtered: boolean }) {
  const statuses = visibleStatuses(viewer);
  return (
    <form method="get" action="/" role="search" aria-label="Articles" className="home-search">
      <label>
        Search
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Title, publisher or author" maxLength={200} />
      </label>
      {statuses.length > 1 ? (
        <label>
          Status
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="button">
        Search
      </button>
      {filtered ? <Link href="/">Show all</Link> : null}
    </form>
  );
}

function StaffTable({ articles, viewer }: { articles: HomeArticle[]; viewer: Viewer }) {
  return (
    <div className="table-scroll">
      <table className="listing home-table">
        <caption className="visually-hidden">Articles with their status, progress, claims assigned to you and pages</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">Assigned to you</th>
            <th scope="col">Go to</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.slug} data-slug={a.slug}>
              <th scope="row">
                <Link href={`/articles/${encodeURIComponent(a.slug)}`} id={`title-${a.slug}`}>
                  {a.title}
                </Link>
                <div className="muted small">{[a.publisher, a.author, `updated ${humanDate(a.updatedAt)}`].filter(Boolean).join(" · ")}</div>
              </th>
              <td>
                <span className={`status status-${a.status}`}>{STATUS_LABELS[a.status]}</span>
              </td>
              <td>
                <Progress progress={a.progress!} />
              </td>
              <td className="num">{a.progress!.assignedToMe}</td>
              <td>
                <ul className="home-links">
                  {articleLinks(a, viewer)
                    .filter((l) => l.page !== "article")
                    .map((l) => (
                      <li key={l.page}>
                        {/* Described by the title, which tells one row's "Workbench" from the next; the reading view is a route handler, so a plain link. */}
                        {l.page === "reading" ? (
                          <a href={l.href} aria-describedby={`title-${a.slug}`}>
                            {l.label}
                          </a>
                        ) : (
                          <Link href={l.href} aria-describedby={`title-${a.slug}`}>
                            {l.label}
                          </Link>
                        )}
                      </li>
                    ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Progress({ progress }: { progress: NonNullable<HomeArticle["progress"]> }) {
  const { total, reviewed, approved } = progress;
  if (total === 0) return <span className="muted">No claims</span>;
  const percent = (n: number) => `${Math.round((n / total) * 100)}%`;
  return (
    <div className="home-progress">
      <span>
        {reviewed} of {total} reviewed, {approved} approved
      </span>
      {/* The sentence above says it all; the bar is for the eye (approved dark, reviewed light). */}
      <span className="home-bar" aria-hidden="true">
        <span className="home-bar-reviewed" style={{ width: percent(reviewed) }} />
        <span className="home-bar-approved" style={{ width: percent(approved) }} />
      </span>
    </div>
  );
}

/** Readers go from here to the reading view in one click: it is the only page of an article they need. */
function ReadingList({ articles }: { articles: HomeArticle[] }) {
  return (
    <ul className="home-reading-list">
      {articles.map((a) => (
        <li key={a.slug} data-slug={a.slug}>
          <a href={`/a/${encodeURIComponent(a.slug)}`} className="home-reading-title">
            {a.title}
          </a>
          <div className="muted">{[a.publisher, a.author, humanDate(a.publishedOn)].filter(Boolean).join(" · ")}</div>
        </li>
      ))}
    </ul>
  );
}

function Pages({ page, pageCount, query }: { page: number; pageCount: number; query: HomeQuery }) {
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return search ? `/?${search}` : "/";
  };
  return (
    <nav aria-label="Pages of articles" className="home-pages row">
      {page > 1 ? <Link href={href(page - 1)}>Previous page</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}
