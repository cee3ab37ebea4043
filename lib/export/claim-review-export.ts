import { claimReviewsOf, type ClaimReview } from "./claim-review";
import { publishingOrganisation, type Organisation } from "./organisation";
import { publishedVerdictsOfExport } from "./published-view";
import type { ArticleExport } from "./types";

/**
 * claimreview.jsonld: one schema.org ClaimReview per approved verdict, in reading order: the same
 * call on the same read model as the reading view's embedded JSON-LD (claim-review.ts), so each
 * `url` is the claim's anchor in the reading view (`<baseUrl>/a/<slug>#claim-<id>`). The author is
 * the publishing organisation (organisation.ts: CLAIMDESK_ORG_NAME, _URL, _LOGO).
 */
export function formatClaimReviewJsonLd(data: ArticleExport, options: { baseUrl: string; organisation?: Organisation }): ClaimReview[] {
  const origin = options.baseUrl.replace(/\/+$/, "");
  const published = publishedVerdictsOfExport(data);
  if (!published) return [];
  return claimReviewsOf(published, { origin, organisation: options.organisation ?? publishingOrganisation(origin) });
}
