import { HIDDEN_STATES, publishedVerdicts, type PublishedVerdicts } from "@/lib/reading/published-verdicts";
import { readingClaim } from "@/lib/reading/reading-claim";
import type { ReadingCitation, ReadingView } from "@/lib/reading/types";
import type { ArticleExport } from "./types";

/**
 * The exports' way into the one read model of published verdicts (lib/reading/published-verdicts.ts):
 * the same ReadingView readReadingView reads from the database, made from an ArticleExport instead.
 * The latest revision, its claims that readers see (not dismissed, not orphaned) in reading order,
 * and for approved claims only the approved review's verdict, note and citations. A test holds the
 * two equal on the same database.
 */
export function readingViewOfExport(data: ArticleExport): ReadingView | null {
  const revision = data.revisions.at(-1);
  if (!revision) return null;
  const users = new Map(data.users.map((u) => [u.id, u]));
  const reviews = new Map(data.reviews.map((r) => [r.id, r]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const citationsByReview = new Map<string, ArticleExport["citations"]>();
  for (const c of data.citations) citationsByReview.set(c.reviewId, [...(citationsByReview.get(c.reviewId) ?? []), c]);

  const claims = data.claims
    .filter((c) => c.revisionId === revision.id && !HIDDEN_STATES.includes(c.state))
    .sort((a, b) => a.position - b.position || a.sourceStart - b.sourceStart || compare(a.id, b.id))
    .map((claim) => {
      const review = claim.approvedReviewId ? reviews.get(claim.approvedReviewId) : undefined;
      const citations = (review ? (citationsByReview.get(review.id) ?? []) : [])
        .slice()
        .sort((a, b) => a.position - b.position || compare(a.id, b.id))
        .flatMap((c): ReadingCitation[] => {
          const source = sources.get(c.sourceId);
          if (!source) return [];
          const { id, url, title, publisher, publishedOn } = source;
          return [{ id: c.id, stance: c.stance, excerpt: c.excerpt, accessedOn: c.accessedOn, archiveUrl: c.archiveUrl, source: { id, url, title, publisher, publishedOn } }];
        });
      const approval = review
        ? { verdict: review.verdict, note: review.note, reviewerName: users.get(review.reviewerId)?.name ?? null, approvedAt: claim.approvedAt ? new Date(claim.approvedAt) : null, citations }
        : null;
      return readingClaim(claim, approval);
    });

  const { article } = data;
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      publisher: article.publisher,
      author: article.author,
      originalUrl: article.originalUrl,
      publishedOn: article.publishedOn,
      status: article.status,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
    },
    revision: { id: revision.id, number: revision.number, text: revision.text },
    claims,
  };
}

/** The published verdicts of an exported article, as the reading view has them; null without a revision. */
export function publishedVerdictsOfExport(data: ArticleExport): PublishedVerdicts | null {
  const view = readingViewOfExport(data);
  return view ? publishedVerdicts(view) : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
