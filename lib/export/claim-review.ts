import { VERDICTS, type Verdict } from "@/lib/domain/vocabulary";
import { claimAnchorId, readingPath, type PublishedVerdicts } from "@/lib/reading/published-verdicts";
import type { Organisation } from "./organisation";

/**
 * schema.org ClaimReview JSON-LD for the approved verdicts of an article (Google's "Fact check"
 * structured data). Pure: plain data in, plain objects out.
 *
 * Google requires `claimReviewed`, `reviewRating.alternateName` and `url`, and recommends
 * `author`, `datePublished`, `itemReviewed` (a Claim with its author, appearance and date) and, for
 * numeric ratings, `ratingValue` within `worstRating`…`bestRating`. Our scale is 5 Accurate … 1 False.
 * Unsupported and Opinion are not points on that scale: their rating carries the label
 * (`alternateName`, the text Google shows) and the scale's bounds, but no `ratingValue` — inventing a
 * number for "not checkable" would misstate the verdict.
 */

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export type ClaimReviewInput = {
  /** The reading view's absolute URL, e.g. https://desk.example/a/some-slug (no fragment). */
  pageUrl: string;
  /** Who publishes the fact check (organisation.ts). */
  publisher: { name: string; url?: string; logo?: string | null };
  /** When the fact check went public (the article's publishedAt); null for a preview. */
  publishedAt: Date | null;
  /** The article the claims appeared in. */
  article: { title: string; author: string | null; publisher: string | null; originalUrl: string | null; publishedOn: string | null };
  claims: ReadonlyArray<{
    id: string;
    text: string;
    verdict: Verdict;
    approvedAt: Date | null;
    /** In a transcript, who said it: the Claim's author, before the article's. */
    speaker?: string | null;
  }>;
};

export type Rating = {
  "@type": "Rating";
  ratingValue?: number;
  bestRating: number;
  worstRating: number;
  alternateName: string;
};

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  reviewRating: Rating;
  author: { "@type": "Organization"; name: string; url?: string; logo?: { "@type": "ImageObject"; url: string } };
  datePublished?: string;
  itemReviewed: {
    "@type": "Claim";
    author?: { "@type": "Person" | "Organization"; name: string };
    datePublished?: string;
    appearance?: {
      "@type": "CreativeWork";
      url: string;
      headline: string;
      author?: { "@type": "Person" | "Organization"; name: string };
      datePublished?: string;
      publisher?: { "@type": "Organization"; name: string };
    };
  };
};

const VERDICT_BY_ID = new Map<string, (typeof VERDICTS)[number]>(VERDICTS.map((v) => [v.id, v]));

/**
 * The ClaimReviews of an article's published verdicts (lib/reading/published-verdicts.ts), each
 * `url` the claim's anchor in the reading view, `<origin>/a/<slug>#claim-<id>`: what the reading
 * view embeds and what claimreview.jsonld exports are this one call on the same read model.
 */
export function claimReviewsOf(published: PublishedVerdicts, options: { origin: string; organisation: Organisation }): ClaimReview[] {
  return buildClaimReviews({
    pageUrl: `${options.origin.replace(/\/+$/, "")}${readingPath(published.article.slug)}`,
    publisher: options.organisation,
    publishedAt: published.article.publishedAt,
    article: published.article,
    claims: published.claims.flatMap((c) => (c.approved ? [{ id: c.id, text: c.text, verdict: c.approved.verdict, approvedAt: c.approved.approvedAt, speaker: c.speaker }] : [])),
  });
}

/** One ClaimReview per approved verdict, in the order given (reading order). */
export function buildClaimReviews(input: ClaimReviewInput): ClaimReview[] {
  const appearance = claimAppearance(input.article);
  const { name, url, logo } = input.publisher;
  const author: ClaimReview["author"] = { "@type": "Organization", name, ...(url ? { url } : {}), ...(logo ? { logo: { "@type": "ImageObject" as const, url: logo } } : {}) };
  return input.claims.map((claim) => {
    const verdict = VERDICT_BY_ID.get(claim.verdict);
    if (!verdict) throw new Error(`claim-review: unknown verdict "${claim.verdict}"`);
    const published = latest(input.publishedAt, claim.approvedAt);
    return {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${input.pageUrl}#${encodeURIComponent(claimAnchorId(claim.id))}`,
      claimReviewed: claim.text,
      reviewRating: {
        "@type": "Rating",
        ...(verdict.rating === null ? {} : { ratingValue: verdict.rating }),
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
        alternateName: verdict.label,
      },
      author,
      ...(published ? { datePublished: isoDate(published) } : {}),
      // A transcript's speaker made the claim; the article's author only reported it.
      itemReviewed: claim.speaker ? { ...appearance, author: { "@type": "Person" as const, name: claim.speaker } } : appearance,
    };
  });
}

/** The claim as it appeared: in the article, by its author, on its date, at its URL, each when known. */
function claimAppearance(article: ClaimReviewInput["article"]): ClaimReview["itemReviewed"] {
  const item: ClaimReview["itemReviewed"] = { "@type": "Claim" };
  if (article.author) item.author = { "@type": "Person", name: article.author };
  else if (article.publisher) item.author = { "@type": "Organization", name: article.publisher };
  const date = article.publishedOn?.trim();
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) item.datePublished = date.slice(0, 10);
  const url = httpUrl(article.originalUrl);
  if (url) {
    item.appearance = {
      "@type": "CreativeWork",
      url,
      headline: article.title,
      ...(item.author ? { author: item.author } : {}),
      ...(item.datePublished ? { datePublished: item.datePublished } : {}),
      ...(article.publisher ? { publisher: { "@type": "Organization" as const, name: article.publisher } } : {}),
    };
  }
  return item;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes, so
 * claim text like "</script><script>…" can never close the element, and U+2028/U+2029 are escaped
 * for old parsers. The result is still the same JSON value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
