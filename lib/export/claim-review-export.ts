import { Verdict } from "@/lib/domain/vocabulary";
import { buildClaimReviews, type ClaimReview } from "./claim-review";
import { buildReportModel } from "./report-model";
import type { ArticleExport } from "./types";

/**
 * claimreview.jsonld: one schema.org ClaimReview per approved verdict, in reading order, built by
 * claim-review.ts from the export data. The reading view (`/articles/<slug>`) is the review's page.
 */
export function formatClaimReviewJsonLd(
  data: ArticleExport,
  options: { baseUrl: string; publisher?: { name: string; url?: string } },
): ClaimReview[] {
  const base = options.baseUrl.replace(/\/+$/, "");
  const claims = buildReportModel(data).claims.flatMap((entry) => {
    const verdict = Verdict.safeParse(entry.verdict?.id);
    if (!verdict.success) return [];
    return [{ id: entry.claim.id, text: entry.claim.text, verdict: verdict.data, approvedAt: entry.claim.approvedAt ? new Date(entry.claim.approvedAt) : null }];
  });
  return buildClaimReviews({
    pageUrl: `${base}/articles/${encodeURIComponent(data.article.slug)}`,
    publisher: options.publisher ?? { name: "Claimdesk", url: base },
    publishedAt: data.article.publishedAt ? new Date(data.article.publishedAt) : null,
    article: data.article,
    claims,
  });
}
