import { buildSelectors } from "@/lib/anchoring/quote-selector";
import { plainTextMap, type PlainTextMap } from "@/lib/claims/plain-map";
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/claims/types";
import { publishingOrganisation, type Organisation } from "./organisation";
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

/**
 * The W3C context plus the one term the 2016 anno.jsonld that most tools cache lacks: `assessing`
 * (added to the vocabulary later). `oa:` is defined by anno.jsonld itself.
 */
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { assessing: "oa:assessing" }] as const;

/** The articles are English, as the app's pages say (`lang="en"`); reviewers write in English too. */
const LANGUAGE = "en";

type Agent = { id?: string; type: "Person" | "Organization" | "Software"; name: string; homepage?: string };
type TextualBody = { type: "TextualBody"; value: string; purpose: Motivation; format: string; language?: string };
type LinkBody = { type: "SpecificResource"; purpose: "linking"; source: { id: string; type: "Text"; label?: string } };
type Selector = TextQuoteSelector | TextPositionSelector;

export type Annotation = {
  id: string;
  type: "Annotation";
  motivation: Motivation | Motivation[];
  created?: string;
  modified?: string;
  creator?: Agent;
  generator?: Agent;
  body?: (TextualBody | LinkBody)[];
  target: { type: "SpecificResource"; source: { id: string; type: "Text"; format: "text/plain"; language: string }; selector: Selector[] };
};

export type AnnotationPage = {
  id: string;
  type: "AnnotationPage";
  partOf: { id: string; label: string; total: number };
  startIndex: 0;
  items: Annotation[];
};

export type AnnotationCollection = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  generator: Agent;
  /** Only when there is an annotation: a page MUST hold at least one. */
  first?: AnnotationPage;
  last?: string;
};

/**
 * The URL that serves a revision's plain text, `plainText` of its Markdown
 * (app/a/[slug]/revisions/[number]): the annotations' target, the text their selectors count in.
 * Public once the article is published, like the reading view.
 */
export function revisionTextUrl(origin: string, slug: string, revisionNumber: number): string {
  return `${origin.replace(/\/+$/, "")}/a/${encodeURIComponent(slug)}/revisions/${revisionNumber}`;
}

/**
 * The selectors of a claim at UTF-16 span `[start, end)` of its revision's Markdown: both, over the
 * plain text, with code-point offsets. A claim whose span holds no prose (a manual claim drawn over
 * code or raw HTML only: rare) has no place in the plain text, so no position can be given; it gets
 * a TextQuoteSelector of its Markdown words alone, without context (the Markdown around them is not
 * in the served text either), which never claims a wrong place.
 */
function claimSelectors(plain: PlainTextMap, markdown: string, start: number, end: number): Selector[] {
  const span = plain.toPlain(start, end);
  if (!span) return [buildSelectors(markdown, start, end, { contextLength: 0 }).quote];
  const { quote, position } = buildSelectors(plain.text, span[0], span[1], { offsets: "codepoint" });
  return [quote, position];
}

/**
 * annotations.jsonld: the article's claims and reviews as one W3C AnnotationCollection. Each claim
 * readers see, and each orphaned one, is an annotation (motivation `highlighting`, its kind as a
 * `classifying` body) whose target is the claim's span of the revision it is anchored to, in that
 * revision's plain text (the words a reader sees, which is what Hypothesis and other W3C consumers
 * match quotes against; a Markdown quote holding `**` or `](url)` would match nothing there), served
 * at {@link revisionTextUrl}. The claim's Markdown span becomes a plain-text span through
 * lib/claims's plainTextMap, the one conversion; lib/anchoring's buildSelectors, the one builder,
 * cuts a TextQuoteSelector and a TextPositionSelector whose offsets count code points (the model's
 * characters) from it, so they always agree with each other and with the served text. Each review
 * is an annotation on the same target with motivation `assessing`: its verdict a `classifying`
 * body, its note an `assessing` Markdown body, each citation a SpecificResource body with purpose
 * `linking`. An article without claims is a collection of total 0 with no page. Ids are fragments
 * of the export's own URL.
 */
export function formatWebAnnotations(data: ArticleExport, options: { baseUrl: string; organisation?: Organisation }): AnnotationCollection {
  const base = options.baseUrl.replace(/\/+$/, "");
  const slug = encodeURIComponent(data.article.slug);
  const collectionId = `${base}/api/articles/${slug}/export/annotations.jsonld`;
  const organisation = options.organisation ?? publishingOrganisation(base);
  const generator: Agent = { id: `${base}/`, type: "Software", name: "Claimdesk", homepage: `${base}/` };
  const desk: Agent = { type: "Organization", name: organisation.name, homepage: organisation.url };
  const revisions = new Map(data.revisions.map((r) => [r.id, r]));
  // Each revision's Markdown is parsed once, on its first claim.
  const plainMaps = new Map<string, PlainTextMap>();
  const plainOf = (revision: ArticleExport["revisions"][number]): PlainTextMap => {
    let map = plainMaps.get(revision.id);
    if (!map) plainMaps.set(revision.id, (map = plainTextMap(revision.text)));
    return map;
  };
  const citationsByReview = groupBy(data.citations, (c) => c.reviewId);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const users = new Map(data.users.map((u) => [u.id, u]));
  const model = buildReportModel(data);
  const label = `Claims and reviews of “${data.article.title}”`;

  const items: Annotation[] = [];
  for (const { claim, kindLabel, reviews } of [...model.claims, ...model.orphaned]) {
    const revision = revisions.get(claim.revisionId);
    if (!revision) continue;
    const target: Annotation["target"] = {
      type: "SpecificResource",
      source: { id: revisionTextUrl(base, data.article.slug, revision.number), type: "Text", format: "text/plain", language: LANGUAGE },
      selector: claimSelectors(plainOf(revision), revision.text, claim.sourceStart, claim.sourceEnd),
    };
    items.push({
      id: `${collectionId}#claim-${claim.id}`,
      type: "Annotation",
      motivation: "highlighting",
      created: claim.createdAt,
      modified: claim.updatedAt,
      creator: desk,
      generator,
      body: [{ type: "TextualBody", value: kindLabel, purpose: "classifying", format: "text/plain", language: LANGUAGE }],
      target,
    });
    for (const { review } of reviews) {
      const verdict = verdictInfo(review.verdict);
      const body: (TextualBody | LinkBody)[] = [];
      if (verdict) body.push({ type: "TextualBody", value: verdict.label, purpose: "classifying", format: "text/plain", language: LANGUAGE });
      if (review.note.trim()) body.push({ type: "TextualBody", value: review.note, purpose: "assessing", format: "text/markdown", language: LANGUAGE });
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
        generator,
        ...(body.length ? { body } : {}),
        target,
      });
    }
  }

  const collection: AnnotationCollection = { "@context": ANNOTATION_CONTEXT, id: collectionId, type: "AnnotationCollection", label, total: items.length, generator };
  if (items.length === 0) return collection;
  const pageId = `${collectionId}#page-1`;
  return {
    ...collection,
    first: { id: pageId, type: "AnnotationPage", partOf: { id: collectionId, label, total: items.length }, startIndex: 0, items },
    last: pageId,
  };
}
