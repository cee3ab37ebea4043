import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { articleLinks } from "@/lib/articles/article-links";
import { accountLinks } from "@/lib/auth/account-links";
import type { Viewer } from "@/lib/auth/policy";
import { humanDate } from "@/lib/export/human-date";
import { h } from "./hast-builders";
import { legendTree } from "./legend-tree";
import type { ReadingMarkup } from "./reading-markup";
import { describeSummary } from "./summary";
import { filtersTree, summaryTree } from "./summary-tree";

/** Where the static files of the reading view are served from (public/reading/). */
export const READING_ASSETS = { stylesheet: "/reading/reading.css", script: "/reading/enhance.js" } as const;

/** Marks the spot in the site header where the signed-in viewer's name goes; never in article text. */
const ACCOUNT_SLOT = "<!--claimdesk:account-->";

/**
 * A complete reading-view HTML document, split around the one part that differs per request (the
 * account corner of the site header): `before` and `after` are the same for every reader of this
 * version of the article and are built once per version (get-reading-view.ts caches them).
 */
export type ReadingDocument = { before: string; after: string };

/**
 * Builds the reading view's HTML document from the rendered markup: head (title, description,
 * canonical link, OpenGraph), site header, the article with its summary, the legend of the marks
 * (with the unrated-claims toggle), filters (hidden until
 * public/reading/enhance.js shows them), claim list, source notes and ClaimReview JSON-LD.
 *
 * Everything added here is a hast tree serialised by hast-util-to-html, which escapes every text
 * and attribute value; the only raw HTML is the markup's, sanitised when it was rendered
 * (reading-markup.ts), and the JSON-LD, escaped for a script element by serializeJsonLd.
 */
export function renderReadingDocument(
  markup: ReadingMarkup,
  options: { pageUrl: string; access: "public" | "preview"; notice?: { latestRevisionAt: Date | null; lastCheckedAt: Date | null } | null },
): ReadingDocument {
  const { article, summary } = markup;
  const description = describeSummary(summary);
  const byline = [article.author, article.publisher, humanDate(article.publishedOn)].filter(Boolean).join(" · ");
  const original = article.originalUrl && /^https?:\/\//i.test(article.originalUrl) ? article.originalUrl : null;
  const meta = (property: string, content: string | null | undefined) => (content ? h("meta", { property, content }) : null);
  const head = [
    h("title", {}, [`${article.title} · Claimdesk`]),
    h("meta", { name: "description", content: description }),
    options.access === "preview" ? h("meta", { name: "robots", content: "noindex, nofollow" }) : null,
    h("link", { rel: ["canonical"], href: options.pageUrl }),
    meta("og:title", `Fact check: ${article.title}`),
    meta("og:description", description),
    meta("og:url", options.pageUrl),
    meta("og:site_name", "Claimdesk"),
    meta("og:type", "article"),
    meta("article:published_time", article.publishedAt?.toISOString()),
    meta("article:author", article.author),
  ];
  const main: ElementContent[] = [
    h("article", { className: ["reading"], ariaLabelledBy: ["reading-title"] }, [
      options.access === "preview"
        ? h("p", { className: ["preview-banner"], role: "note" }, [
            h("strong", {}, ["Preview: not published."]),
            " Only signed-in staff can see this page until an editor publishes it.",
          ])
        : null,
      // Claims are re-anchored onto new revisions with their reviews: say when the words changed after the check.
      options.notice
        ? h("p", { className: ["revision-notice"], role: "note" }, [
            h("strong", {}, ["Updated after checking."]),
            " The article was changed on ",
            day(options.notice.latestRevisionAt),
            ", after its claims were last checked on ",
            day(options.notice.lastCheckedAt),
            ".",
          ])
        : null,
      h("nav", { ariaLabel: "Breadcrumb", className: ["reading-breadcrumb"] }, [
        h("ol", { className: ["breadcrumb"] }, [h("li", {}, [h("a", { href: "/" }, ["Articles"])]), h("li", {}, [h("span", { ariaCurrent: "page" }, [article.title])])]),
      ]),
      h("header", { className: ["reading-header"] }, [
        h("p", { className: ["reading-kicker"] }, ["Fact check"]),
        h("h1", { id: "reading-title" }, [article.title]),
        h("p", { className: ["muted"] }, [
          byline ? `Original article: ${byline}. ` : null,
          original ? h("a", { href: original, rel: ["noopener", "noreferrer"] }, ["Read the original"]) : null,
          original ? ". " : null,
          article.publishedAt ? `Checked by ${markup.organisation.name}, published ` : null,
          article.publishedAt ? day(article.publishedAt) : null,
          article.publishedAt ? "." : null,
        ]),
      ]),
      summaryTree(summary, markup.chart),
      h("div", { className: ["reading-content"], dataClaimCounts: JSON.stringify(summary.byKindAndVerdict) }, [
        legendTree(summary),
        filtersTree(summary),
        h("div", { className: ["reading-body"], dataTestid: "article-text" }, [raw(markup.bodyHtml)]),
        h("div", {}, [raw(markup.claimsHtml)]),
      ]),
      markup.sourceNotesHtml ? h("div", {}, [raw(markup.sourceNotesHtml)]) : null,
      markup.claimReviewJson ? h("script", { type: "application/ld+json" }, [raw(markup.claimReviewJson)]) : null,
    ]),
  ];
  const html = documentHtml(head, main);
  const slot = html.indexOf(ACCOUNT_SLOT); // in the site header, before any of the article's HTML
  return { before: html.slice(0, slot), after: html.slice(slot + ACCOUNT_SLOT.length) };
}

/** The account corner of the site header: a sign-in link, or who is signed in with a way out. */
export function accountHtml(viewer: Viewer, article?: { slug: string; status: string }): string {
  // Staff reach the article's other pages from here, as from every other page of the article; the
  // slot is filled per request, so the shared cached page never carries a signed-in person's links.
  const pages = viewer && article ? articleLinks(article, viewer).filter((l) => l.page !== "reading" && l.page !== "article") : [];
  const tree: Element = viewer
    ? h("div", { className: ["account-menu"] }, [
        pages.length > 0 ? h("nav", { ariaLabel: "This article", className: ["article-links"] }, [h("ul", {}, pages.map((l) => h("li", {}, [h("a", { href: l.href }, [l.label])])))]) : null,
        h("nav", { ariaLabel: "Account", className: ["row"] }, accountLinks(viewer).map((l) => h("a", { href: l.href }, [l.label]))),
        h("span", {}, [viewer.name ?? viewer.email, " ", h("span", { className: ["muted"] }, [`(${viewer.role})`])]),
        // A plain form to our own route (app/sign-out): Auth.js's /api/auth/signout is a confirmation page.
        h("form", { method: "post", action: "/sign-out", className: ["inline-form"] }, [h("button", { type: "submit", className: ["button", "link"] }, ["Sign out"])]),
      ])
    : h("a", { href: "/sign-in", className: ["account-link"] }, ["Sign in"]);
  return toHtml(tree);
}

/** The 404 page in the reading view's shell: nothing about the article, not even its title. */
export function notFoundDocument(viewer: Viewer): string {
  const html = documentHtml(
    [h("title", {}, ["Page not found · Claimdesk"]), h("meta", { name: "robots", content: "noindex" })],
    [
      h("div", { className: ["not-found"] }, [
        h("h1", {}, ["Page not found"]),
        h("p", {}, ["There is no article or page at this address."]),
        h("p", {}, [h("a", { href: "/" }, ["Back to the articles"])]),
      ]),
    ],
  );
  return html.replace(ACCOUNT_SLOT, accountHtml(viewer));
}

function documentHtml(head: (Element | null)[], main: ElementContent[]): string {
  const tree: Root = {
    type: "root",
    children: [
      { type: "doctype" },
      h("html", { lang: "en" }, [
        h("head", {}, [
          h("meta", { charSet: "utf-8" }),
          h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
          ...head,
          h("link", { rel: ["stylesheet"], href: READING_ASSETS.stylesheet }),
          h("script", { type: "module", src: READING_ASSETS.script }),
        ]),
        h("body", {}, [
          h("a", { className: ["skip-link"], href: "#main" }, ["Skip to content"]),
          h("header", { className: ["site-header"] }, [h("a", { href: "/", className: ["brand"] }, ["Claimdesk"]), raw(ACCOUNT_SLOT)]),
          h("main", { id: "main" }, main),
        ]),
      ]),
    ],
  };
  return toHtml(tree, { allowDangerousHtml: true });
}

/** Already safe HTML (sanitised markup, escaped JSON-LD, our own slot comment), passed through. */
function raw(value: string): ElementContent {
  return { type: "raw", value } as unknown as ElementContent;
}

/** A day as readers write it ("1 December 2026"), machine-readable in `datetime`. */
function day(date: Date | null): ElementContent | string {
  const text = humanDate(date);
  return date && text ? h("time", { dateTime: date.toISOString() }, [text]) : "an earlier date";
}
