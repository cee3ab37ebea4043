import "server-only";
import { canSeeArticle, type Viewer } from "@/lib/auth/policy";
import type { Database } from "@/lib/db/create-database";
import { ClaimKind, Confidence, Stance, Verdict, type ConfidenceLevel, type StanceName } from "@/lib/domain/vocabulary";
import { matchesOfClaim, type ClaimMatch, type MatchRelation } from "@/lib/matching";
import { displayName } from "@/lib/review/claim-rules";
import { readEnum } from "@/lib/review/json-columns";

/** A source an earlier review cites, with the citation's own fields. */
export type CheckedBeforeCitation = {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string;
  stance: StanceName;
  archiveUrl: string | null;
};

/** One review of the earlier claim: its verdict, note (Markdown, rendered by the view) and sources. */
export type CheckedBeforeReview = {
  reviewId: string;
  reviewerName: string;
  verdict: Verdict | null;
  confidence: ConfidenceLevel | null;
  note: string;
  /** The earlier claim's approved verdict: what its article published, or will. */
  approved: boolean;
  updatedAt: string;
  citations: CheckedBeforeCitation[];
};

/** One earlier claim matched to this one, with everything "Checked before" shows of it. Plain data: the API sends it as it is. */
export type CheckedBefore = {
  matchedClaimId: string;
  text: string;
  kind: ClaimKind;
  state: string;
  relation: MatchRelation;
  score: number;
  /** The matcher's reasons in words ("same figures: 36 → 149", "different number: 150 vs 149"). */
  reasons: string[];
  article: { slug: string; title: string; status: string };
  /** Where the earlier claim is read: its reading view once published, else its workbench. */
  href: string;
  /** Approved first, then the other reviews that say something, latest first. */
  reviews: CheckedBeforeReview[];
};

const CITATIONS = {
  orderBy: { position: "asc" },
  select: { excerpt: true, stance: true, accessedOn: true, archiveUrl: true, source: { select: { url: true, title: true, publisher: true, publishedOn: true } } },
} as const;

/**
 * The earlier claims matched to a claim (lib/matching's stored matches), each joined with its article,
 * its approved verdict or its reviews' verdicts, notes and sources: the read model of the workbench's
 * "Checked before" panel and of GET /api/claims/{id}/matches. Two queries whatever the number of
 * matches. An earlier claim the viewer may not see, or one since dismissed as not a claim, is left out.
 */
export async function getCheckedBefore(db: Database, input: { claimId: string; viewer: Viewer }): Promise<CheckedBefore[]> {
  const matches = await matchesOfClaim(db, input.claimId);
  if (matches.length === 0) return [];
  const claims = await db.claim.findMany({
    where: { id: { in: matches.map((m) => m.matchedClaimId) } },
    select: {
      id: true,
      text: true,
      kind: true,
      state: true,
      approvedReviewId: true,
      article: { select: { slug: true, title: true, status: true } },
      reviews: {
        orderBy: { updatedAt: "desc" },
        select: { id: true, verdict: true, confidence: true, note: true, updatedAt: true, reviewer: { select: { name: true, email: true } }, citations: CITATIONS },
      },
    },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const shown: CheckedBefore[] = [];
  for (const match of ordered(matches)) {
    const claim = byId.get(match.matchedClaimId);
    if (!claim || claim.state === "dismissed" || !canSeeArticle(input.viewer, claim.article)) continue;
    const reviews = claim.reviews
      .map((r): CheckedBeforeReview => ({
        reviewId: r.id,
        reviewerName: displayName(r.reviewer),
        verdict: readEnum(Verdict, r.verdict, null),
        confidence: readEnum(Confidence, r.confidence, null),
        note: r.note,
        approved: r.id === claim.approvedReviewId,
        updatedAt: r.updatedAt.toISOString(),
        citations: r.citations.map(({ source, stance, ...c }) => ({ ...source, ...c, stance: readEnum(Stance, stance, "context") })),
      }))
      .filter((r) => r.approved || r.verdict !== null || r.note.trim() !== "" || r.citations.length > 0)
      // Stable: approved first, the rest keep latest-first.
      .sort((a, b) => Number(b.approved) - Number(a.approved));
    shown.push({
      matchedClaimId: claim.id,
      text: claim.text,
      kind: readEnum(ClaimKind, claim.kind, "factual"),
      state: claim.state,
      relation: match.relation,
      score: match.score,
      reasons: match.reasons,
      article: claim.article,
      href: hrefOf(claim.id, claim.article),
      reviews,
    });
  }
  return shown;
}

/** "same" before "related", best score first within each: the matcher's order, made certain. */
function ordered(matches: readonly ClaimMatch[]): ClaimMatch[] {
  const rank = (m: ClaimMatch) => (m.relation === "same" ? 0 : 1);
  return [...matches].sort((a, b) => rank(a) - rank(b) || b.score - a.score);
}

/**
 * The reading view once the article is published (readers and staff alike read the verdict there);
 * before that only staff see the article, in its workbench with the claim selected.
 */
export function hrefOf(claimId: string, article: { slug: string; status: string }): string {
  const slug = encodeURIComponent(article.slug);
  const hash = `#claim-${encodeURIComponent(claimId)}`;
  return article.status === "published" ? `/a/${slug}${hash}` : `/articles/${slug}/review${hash}`;
}
