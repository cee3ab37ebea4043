import Link from "next/link";
import { ARTICLE_PAGES, articleLinks, type ArticlePage } from "@/lib/articles/article-links";
import type { Viewer } from "@/lib/auth/policy";
import "./article-nav.css";

export type ArticleNavProps = {
  article: { slug: string; title: string; status: string };
  viewer: Viewer;
  /** The page this navigation sits on: the breadcrumb ends there, and its link is marked current. */
  current: ArticlePage;
};

/**
 * The breadcrumb "Articles › <title> › <page>" and the links to the article's other pages, on one
 * line at the top of every article page, so no page of an article is a dead end.
 */
export function ArticleNav({ article, viewer, current }: ArticleNavProps) {
  const links = articleLinks(article, viewer);
  const here = ARTICLE_PAGES.find((d) => d.page === current)!;
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
