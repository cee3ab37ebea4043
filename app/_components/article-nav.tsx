import Link from "next/link";
import { can, type Permission, type Viewer } from "@/lib/auth/policy";
import "./article-nav.css";

/** The pages of one article, in the order the navigation lists them. */
export type ArticlePage = "article" | "workbench" | "revisions" | "report" | "reading" | "desk";

type Destination = { page: ArticlePage; label: string; href: (slug: string) => string; permission?: Permission; publishedOnly?: boolean };

// Each link is shown only to those its page lets in (the page checks again): the workbench and
// revisions need "workbench.view", the report "article.export", the desk "claim.assign"; the reading
// view exists only once the article is published.
const DESTINATIONS: readonly Destination[] = [
  { page: "article", label: "Text and claims", href: (s) => `/articles/${s}` },
  { page: "workbench", label: "Workbench", href: (s) => `/articles/${s}/review`, permission: "workbench.view" },
  { page: "revisions", label: "Revisions", href: (s) => `/articles/${s}/revisions`, permission: "workbench.view" },
  { page: "report", label: "Report and exports", href: (s) => `/articles/${s}/report`, permission: "article.export" },
  { page: "reading", label: "Reading view", href: (s) => `/a/${s}`, publishedOnly: true },
  { page: "desk", label: "Desk", href: (s) => `/desk/${s}`, permission: "claim.assign" },
];

export type ArticleNavProps = {
  article: { slug: string; title: string; status: string };
  viewer: Viewer;
  /** The page this navigation sits on: the breadcrumb ends there, and its link is marked current. */
  current: ArticlePage;
};

/** The links of an article this viewer may follow (the article's own page first). */
export function articleLinks(article: ArticleNavProps["article"], viewer: Viewer) {
  const slug = encodeURIComponent(article.slug);
  return DESTINATIONS.filter(
    (d) => (!d.permission || can(viewer, d.permission)) && (!d.publishedOnly || article.status === "published"),
  ).map((d) => ({ page: d.page, label: d.label, href: d.href(slug) }));
}

/**
 * The breadcrumb "Articles › <title> › <page>" and the links to the article's other pages, on one
 * line at the top of every article page, so no page of an article is a dead end.
 */
export function ArticleNav({ article, viewer, current }: ArticleNavProps) {
  const links = articleLinks(article, viewer);
  const here = DESTINATIONS.find((d) => d.page === current)!;
  const slug = encodeURIComponent(article.slug);
  const onArticlePage = current === "article";
  return (
    <div className="article-nav">
      <nav aria-label="Breadcrumb">
        <ol className="breadcrumb">
          <li>
            <Link href="/">Articles</Link>
          </li>
          <li>
            {onArticlePage ? (
              <span aria-current="page">{article.title}</span>
            ) : (
              <Link href={`/articles/${slug}`}>{article.title}</Link>
            )}
          </li>
          {onArticlePage ? null : (
            <li>
              <span aria-current="page">{here.label}</span>
            </li>
          )}
        </ol>
      </nav>
      {links.length > 1 ? (
        <nav aria-label="This article" className="article-links">
          <ul>
            {links.map((link) => (
              <li key={link.page}>
                {link.page === current ? (
                  <span aria-current="page">{link.label}</span>
                ) : link.page === "reading" ? (
                  // The reading view is a route handler, not a page of this app: a plain link.
                  <a href={link.href}>{link.label}</a>
                ) : (
                  <Link href={link.href}>{link.label}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
