import { claimAnchorId } from "@/lib/render/rehype-claim-marks";
import { numberSources, type NumberedClaim, type SourceNote } from "./source-notes";
import { summarizeClaims, type ReadingSummary } from "./summary";
import type { ReadingArticle, ReadingView } from "./types";

/**
 * The one read model of an article's published verdicts: what the reading view shows, what its
 * ClaimReview JSON-LD says and what the reports count and cite. The claims marked in the latest
 * revision in reading order, numbered; only approved verdicts, with their sources numbered once each
 * like footnotes; and the counts by verdict and kind. The reading view builds it from
 * readReadingView's query, the exports from their ArticleExport (lib/export/published-view.ts);
 * both go through {@link publishedVerdicts}, so a claim's number, its source notes' numbers and its
 * URL are the same everywhere.
 */
export type PublishedVerdicts = {
  article: ReadingArticle;
  revision: ReadingView["revision"];
  claims: NumberedClaim[];
  notes: SourceNote[];
  summary: ReadingSummary;
};

/** Claims readers never see marked: dismissed ones, and ones no longer placed in the latest text. */
export const HIDDEN_STATES: readonly string[] = ["dismissed", "orphaned"];

/** Numbers the claims and their sources and counts them: linear in the claims and citations. */
export function publishedVerdicts(view: ReadingView): PublishedVerdicts {
  const { claims, notes } = numberSources(view.claims);
  const summary = summarizeClaims(claims.map((c) => ({ kind: c.kind, verdict: c.approved?.verdict ?? null })));
  return { article: view.article, revision: view.revision, claims, notes, summary };
}

/** The reading view's path: `/a/<slug>`. */
export function readingPath(slug: string): string {
  return `/a/${encodeURIComponent(slug)}`;
}

export { claimAnchorId };

/** The absolute URL of a claim in the reading view: `<origin>/a/<slug>#claim-<id>`, ClaimReview's `url`. */
export function claimUrl(origin: string, slug: string, claimId: string): string {
  return `${origin.replace(/\/+$/, "")}${readingPath(slug)}#${encodeURIComponent(claimAnchorId(claimId))}`;
}
