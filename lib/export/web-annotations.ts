import { buildReportModel, groupBy, personName, verdictInfo } from "./report-model";
import type { ArticleExport } from "./types";

/**
 * The W3C Web Annotation Data Model's motivations (https://www.w3.org/TR/annotation-model/#motivation-and-purpose):
 * the only values `motivation` and a body's `purpose` may take.
 */
export const W3C_MOTIVATIONS = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;
export type Motivation = (typeof W3C_MOTIVATIONS)[number];

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type TextualBody = { type: "TextualBody"; value: string; purpose: Motivation; format: string; language?: string };
type LinkBody = { type: "SpecificResource"; purpose: "linking"; source: { id: string; type: "Text"; label?: string } };
type Selector =
  | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }
  | { type: "TextPositionSelector"; start: number; end: number };

export type Annotation = {
  id: string;
  type: "Annotation";
  motivation: Motivation | Motivation[];
  created?: string;
  modified?: string;
  creator?: { type: "Person"; name: string };
  body?: (TextualBody | LinkBody)[];
  target: { type: "SpecificResource"; source: { id: string; type: "Text"; format: "text/markdown" }; selector: Selector[] };
};

export type AnnotationCollection = {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: Annotation[] };
};

/**
 * annotations.jsonld: the article's claims and reviews as one W3C AnnotationCollection with a
 * single page. Each listed claim is an annotation (motivation `highlighting`, its kind as a
 * `classifying` body) whose target is the span of the revision the claim is anchored to, by a
 * TextQuoteSelector and a TextPositionSelector over that revision's Markdown text. Both come from
 * the claim's source offsets, which every claim has (the stored plain-text selectors are missing
 * on hand-made claims), so the two selectors always agree. Each review is an annotation on the same target with motivation `assessing`: its
 * verdict a `classifying` body, its note an `assessing` Markdown body, each citation a
 * SpecificResource body with purpose `linking`. Ids are fragments of the export's own URL.
 */
export function formatWebAnnotations(data: ArticleExport, options: { baseUrl: string }): AnnotationCollection {
  const base = options.baseUrl.replace(/\/+$/, "");
  const slug = encodeURIComponent(data.article.slug);
  const collectionId = `${base}/api/articles/${slug}/export/annotations.jsonld`;
  const revisions = new Map(data.revisions.map((r) => [r.id, r]));
  const citationsByReview = groupBy(data.citations, (c) => c.reviewId);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const users = new Map(data.users.map((u) => [u.id, u]));

  const items: Annotation[] = [];
  for (const { claim, kindLabel, reviews } of buildReportModel(data).claims) {
    const revision = revisions.get(claim.revisionId);
    const target: Annotation["target"] = {
      type: "SpecificResource",
      source: { id: `${base}/articles/${slug}/revisions/${revision?.number ?? 0}`, type: "Text", format: "text/markdown" },
      selector: revision ? sourceSelectors(revision.text, claim.sourceStart, claim.sourceEnd) : [],
    };
    items.push({
      id: `${collectionId}#claim-${claim.id}`,
      type: "Annotation",
      motivation: "highlighting",
      created: claim.createdAt,
      modified: claim.updatedAt,
      body: [{ type: "TextualBody", value: kindLabel, purpose: "classifying", format: "text/plain" }],
      target,
    });
    for (const { review } of reviews) {
      const verdict = verdictInfo(review.verdict);
      const body: (TextualBody | LinkBody)[] = [];
      if (verdict) body.push({ type: "TextualBody", value: verdict.label, purpose: "classifying", format: "text/plain" });
      if (review.note.trim()) body.push({ type: "TextualBody", value: review.note, purpose: "assessing", format: "text/markdown" });
      for (const citation of (citationsByReview.get(review.id) ?? []).slice().sort((a, b) => a.position - b.position)) {
        const source = sources.get(citation.sourceId);
        if (!source) continue;
        body.push({
          type: "SpecificResource",
          purpose: "linking",
          source: {
            id: source.url,
            type: "Text",
            // anno.jsonld has no `title`; rdfs `label` is its name for a human-readable name.
            ...(source.title ? { label: source.title } : {}),
          },
        });
      }
      items.push({
        id: `${collectionId}#review-${review.id}`,
        type: "Annotation",
        motivation: "assessing",
        created: review.createdAt,
        modified: review.updatedAt,
        creator: { type: "Person", name: personName(users.get(review.reviewerId)) },
        ...(body.length ? { body } : {}),
        target,
      });
    }
  }

  return {
    "@context": ANNO_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `Claims and reviews of “${data.article.title}”`,
    total: items.length,
    first: { id: `${collectionId}#page-1`, type: "AnnotationPage", startIndex: 0, items },
  };
}

/** Characters of context each side of a quote, as the extraction pipeline keeps. */
const QUOTE_CONTEXT = 32;

/** The W3C selectors of [start, end) of a revision's text; context never splits a surrogate pair. */
export function sourceSelectors(text: string, start: number, end: number): Selector[] {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + QUOTE_CONTEXT);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return [
    { type: "TextQuoteSelector", exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) },
    { type: "TextPositionSelector", start, end },
  ];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
