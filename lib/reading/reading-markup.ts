import { toHtml } from "hast-util-to-html";
import { claimReviewsOf, serializeJsonLd } from "@/lib/export/claim-review";
import { publishingOrganisation, type Organisation } from "@/lib/export/organisation";
import { buildReadingPage, type ReadingPage } from "./build-reading-page";
import { claimEntriesTree } from "./claim-entries-tree";
import { sourceNotesTree } from "./source-notes-tree";
import type { ReadingArticle, ReadingView } from "./types";

/** The reading view, ready to send: the heavy parts as HTML, the small ones as data. */
export type ReadingMarkup = {
  article: ReadingArticle;
  summary: ReadingPage["summary"];
  chart: ReadingPage["chart"];
  /** The article with claim marks and verdict labels. */
  bodyHtml: string;
  /** The "Claims and verdicts" list. */
  claimsHtml: string;
  /** The numbered source notes ("" when nothing is cited). */
  sourceNotesHtml: string;
  /** Who checked the article: ClaimReview's author and the page's "Checked by" line alike. */
  organisation: Organisation;
  /** ClaimReview JSON-LD, escaped for a script element; null when nothing is approved. */
  claimReviewJson: string | null;
  /** Rough size in UTF-16 code units, for the cache's budget. */
  size: number;
};

/**
 * Renders a reading view once, to HTML strings. A long article has tens of thousands of elements;
 * rendering them through React on every request costs seconds, while these strings are built once
 * per version of the article (see reading-cache.ts) and sent as they are.
 *
 * Safe as HTML: the article tree has been through rehype-sanitize (lib/render/article-html.ts) and
 * gains only elements built here; the lists are built from plain data as text nodes; notes come
 * from renderNote (sanitised); links are fragments of our own or http(s) URLs. hast-util-to-html
 * escapes every text and attribute value. reading-document.ts puts the strings into the page.
 */
export function renderReadingMarkup(view: ReadingView, options: { pageUrl: string; organisation?: Organisation }): ReadingMarkup {
  const page = buildReadingPage(view);
  const origin = new URL(options.pageUrl).origin;
  const notes = sourceNotesTree(page.sourceNotes);
  const bodyHtml = toHtml(page.body);
  const claimsHtml = toHtml(claimEntriesTree(page.claims));
  const sourceNotesHtml = notes ? toHtml(notes) : "";
  // The same call on the same read model as claimreview.jsonld (lib/export/claim-review-export.ts).
  const organisation = options.organisation ?? publishingOrganisation(origin);
  const reviews = claimReviewsOf(page.published, { origin, organisation });
  const claimReviewJson = reviews.length === 0 ? null : serializeJsonLd(reviews);
  return {
    article: view.article,
    summary: page.summary,
    chart: page.chart,
    bodyHtml,
    claimsHtml,
    sourceNotesHtml,
    organisation,
    claimReviewJson,
    size: bodyHtml.length + claimsHtml.length + sourceNotesHtml.length + (claimReviewJson?.length ?? 0),
  };
}
