import type { Database } from "@/lib/db/create-database";
import type { ReadingView } from "./types";
import { readingClaim } from "./reading-claim";
import { ARTICLE_METADATA } from "@/lib/articles/article-metadata";
import { HIDDEN_STATES } from "./published-verdicts";


/**
 * The reading view's data in one read: the article, its latest revision's text, the marked claims
 * in reading order and, for approved claims only, the approved review's verdict, note and citations
 * with their sources. Selected fields only; the caller decides who may see it (lib/reading/access.ts).
 */
export async function readReadingView(db: Database, slug: string): Promise<ReadingView | null> {
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      ...ARTICLE_METADATA,
      publishedAt: true,
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          text: true,
          claims: {
            where: { state: { notIn: [...HIDDEN_STATES] } },
            // A total order, the same as lib/export/published-view.ts sorts by.
            orderBy: [{ position: "asc" }, { sourceStart: "asc" }, { id: "asc" }],
            select: {
              id: true,
              kind: true,
              text: true,
              state: true,
              sourceStart: true,
              sourceEnd: true,
              speaker: true,
              approvedAt: true,
              approvedReview: {
                select: {
                  verdict: true,
                  note: true,
                  reviewer: { select: { name: true } },
                  citations: {
                    orderBy: [{ position: "asc" }, { id: "asc" }],
                    select: {
                      id: true,
                      stance: true,
                      excerpt: true,
                      accessedOn: true,
                      archiveUrl: true,
                      source: { select: { id: true, url: true, title: true, publisher: true, publishedOn: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const revision = article?.revisions[0];
  if (!article || !revision) return null;
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
      publishedAt: article.publishedAt,
    },
    revision: { id: revision.id, number: revision.number, text: revision.text },
    claims: revision.claims.map((claim) => {
      const review = claim.approvedReview;
      return readingClaim(
        claim,
        review ? { verdict: review.verdict, note: review.note, reviewerName: review.reviewer.name, approvedAt: claim.approvedAt, citations: review.citations } : null,
      );
    }),
  };
}
