import { can, type Permission, type Viewer } from "@/lib/auth/policy";

/** The pages of one article, in the order the navigation lists them. */
export type ArticlePage = "article" | "workbench" | "revisions" | "report" | "reading" | "desk";

export type ArticleDestination = { page: ArticlePage; label: string; href: (slug: string) => string; permission?: Permission; publishedOnly?: boolean };

// Each link is shown only to those its page lets in (the page checks again): the workbench and
// revisions need "workbench.view", the report "article.export", the desk "claim.assign"; the reading
// view exists only once the article is published.
export const ARTICLE_PAGES: readonly ArticleDestination[] = [
  { page: "article", label: "Text and claims", href: (s) => `/articles/${s}` },
  { page: "workbench", label: "Workbench", href: (s) => `/articles/${s}/review`, permission: "workbench.view" },
  { page: "revisions", label: "Revisions", href: (s) => `/articles/${s}/revisions`, permission: "workbench.view" },
  { page: "report", label: "Report and exports", href: (s) => `/articles/${s}/report`, permission: "article.export" },
  { page: "reading", label: "Reading view", href: (s) => `/a/${s}`, publishedOnly: true },
  { page: "desk", label: "Desk", href: (s) => `/desk/${s}`, permission: "claim.assign" },
];

/** The links of an article this viewer may follow (the article's own page first). */
export function articleLinks(article: { slug: string; status: string }, viewer: Viewer): { page: ArticlePage; label: string; href: string }[] {
  const slug = encodeURIComponent(article.slug);
  return ARTICLE_PAGES.filter(
    (d) => (!d.permission || can(viewer, d.permission)) && (!d.publishedOnly || article.status === "published"),
  ).map((d) => ({ page: d.page, label: d.label, href: d.href(slug) }));
}
