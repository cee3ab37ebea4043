import { KIND_LABELS, VERDICTS, type ClaimKind } from "@/lib/domain/vocabulary";
import { EXPLAIN_ACTION, numberChecksOf, type NumberCheck, type NumberCheckClaim } from "@/lib/numbers-review/number-checks";
import { parseJsonObject } from "@/lib/review/json-columns";
import { humanDate } from "./human-date";
import { publishedVerdictsOfExport } from "./published-view";
import type { ArticleExport, ExportCitation, ExportClaim, ExportReview, ExportSource, ExportUser } from "./types";

/**
 * What the reports, the CSV and the annotations share. The numbered claims, their approved verdicts
 * and the numbered sources are the one read model of published verdicts the reading view shows
 * (lib/reading/published-verdicts.ts via published-view.ts): claim 3 and source [2] of a report are
 * claim 3 and source [2] of the reading view, and the counts agree. The reports add what only the
 * desk sees: every review and reviewer, who approved, confidence, and the claims readers do not see
 * (orphaned ones, listed apart; dismissed ones, counted). Pure: a view over ArticleExport.
 */

export type VerdictInfo = { id: string; label: string; rating: number | null };

export type SourceNote = { number: number; source: ExportSource };

/** A cited source; `number` is its source note, null for a claim readers do not see (no note). */
export type ReportCitation = { citation: ExportCitation; source: ExportSource; number: number | null };

export type ReportClaim = {
  claim: ExportClaim;
  /** 1-based place in the reading view; null for a claim readers do not see (orphaned, dismissed). */
  number: number | null;
  kindLabel: string;
  /** Every review of the claim, oldest first. */
  reviews: { review: ExportReview; reviewer: string }[];
  /** The approved review, when the claim is approved. */
  approved: ExportReview | null;
  verdict: VerdictInfo | null;
  approvedBy: string | null;
  /** The citations of the approved review, with their source notes' numbers. */
  citations: ReportCitation[];
};

/** A number check of the latest text; each claim it names with its number in the reading view (null if unseen). */
export type ReportNumberCheck = Omit<NumberCheck, "claims"> & { claims: (NumberCheckClaim & { number: number | null })[] };

export type ReportModel = {
  /** The claims of the reading view, in its order and with its numbers. */
  claims: ReportClaim[];
  /** Claims no longer placed in the latest text (kept with their reviews): listed apart, not counted. */
  orphaned: ReportClaim[];
  /** Dismissed claims: counted in the summary, listed only in the CSV. */
  dismissed: ReportClaim[];
  dismissedCount: number;
  /** The reading view's source notes: sources cited by approved verdicts, numbered in order of first use. */
  sources: SourceNote[];
  byVerdict: { verdict: VerdictInfo; count: number }[];
  notApprovedCount: number;
  byKind: { kind: string; label: string; count: number }[];
  latestRevision: ArticleExport["revisions"][number] | null;
  /** Where the latest text's figures disagree with each other (lib/numbers-review), explained or not. */
  numberChecks: ReportNumberCheck[];
};

/** A verdict id with its label and ClaimReview rating; unknown ids keep their id as label. */
export function verdictInfo(id: string | null): VerdictInfo | null {
  if (!id) return null;
  const known = VERDICTS.find((v) => v.id === id);
  return known ? { id, label: known.label, rating: known.rating } : { id, label: id, rating: null };
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as ClaimKind] ?? kind;
}

/** How a person is named in exports: their name, else their email. */
export function personName(user: ExportUser | undefined): string {
  return user?.name?.trim() || user?.email || "unknown";
}

/**
 * Claims in reading order: those anchored to the latest revision by position, then claims still
 * anchored to older revisions (orphaned ones), newest revision first.
 */
export function claimsInReadingOrder(data: ArticleExport): ExportClaim[] {
  const numberOf = new Map(data.revisions.map((r) => [r.id, r.number]));
  return [...data.claims].sort(
    (a, b) =>
      (numberOf.get(b.revisionId) ?? 0) - (numberOf.get(a.revisionId) ?? 0) ||
      a.position - b.position ||
      a.sourceStart - b.sourceStart ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Builds the report view: only approved verdicts count as verdicts, and only their sources are cited. */
export function buildReportModel(data: ArticleExport): ReportModel {
  const users = new Map(data.users.map((u) => [u.id, u]));
  const sourcesById = new Map(data.sources.map((s) => [s.id, s]));
  const citationsById = new Map(data.citations.map((c) => [c.id, c]));
  const reviewsByClaim = groupBy(data.reviews, (r) => r.claimId);
  const citationsByReview = groupBy(data.citations, (c) => c.reviewId);
  const reviewsById = new Map(data.reviews.map((r) => [r.id, r]));
  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const published = publishedVerdictsOfExport(data);

  // A seen claim's verdict is the reading view's (approved claims only); an unseen one shows its approved review's.
  const entry = (claim: ExportClaim, number: number | null, citations: ReportCitation[], shown?: string | null): ReportClaim => {
    const approved = claim.approvedReviewId ? (reviewsById.get(claim.approvedReviewId) ?? null) : null;
    return {
      claim,
      number,
      kindLabel: kindLabel(claim.kind),
      reviews: (reviewsByClaim.get(claim.id) ?? []).map((review) => ({ review, reviewer: personName(users.get(review.reviewerId)) })),
      approved: shown === null ? null : approved,
      verdict: verdictInfo(shown === undefined ? (approved?.verdict ?? null) : shown),
      approvedBy: claim.approvedById ? personName(users.get(claim.approvedById)) : null,
      citations,
    };
  };
  /** An unseen claim's approved citations, without note numbers: readers have no note for them. */
  const unnumbered = (claim: ExportClaim): ReportCitation[] =>
    (claim.approvedReviewId ? (citationsByReview.get(claim.approvedReviewId) ?? []) : [])
      .slice()
      .sort((a, b) => a.position - b.position)
      .flatMap((citation) => {
        const source = sourcesById.get(citation.sourceId);
        return source ? [{ citation, source, number: null }] : [];
      });

  const claims = (published?.claims ?? []).map((seen) =>
    entry(
      claimsById.get(seen.id)!,
      seen.number,
      seen.citations.map(({ note, citation }) => ({ citation: citationsById.get(citation.id)!, source: sourcesById.get(citation.source.id)!, number: note })),
      seen.approved?.verdict ?? null,
    ),
  );
  const seen = new Set(claims.map((c) => c.claim.id));
  const unseen = claimsInReadingOrder(data).filter((c) => !seen.has(c.id));
  const orphaned = unseen.filter((c) => c.state !== "dismissed").map((c) => entry(c, null, unnumbered(c)));
  const dismissed = unseen.filter((c) => c.state === "dismissed").map((c) => entry(c, null, []));

  const verdictCounts = new Map<string, number>();
  for (const c of claims) if (c.verdict) verdictCounts.set(c.verdict.id, (verdictCounts.get(c.verdict.id) ?? 0) + 1);
  const byVerdict = [
    ...VERDICTS.map((v) => ({ verdict: { id: v.id as string, label: v.label as string, rating: v.rating as number | null }, count: verdictCounts.get(v.id) ?? 0 })),
    ...[...verdictCounts.keys()].filter((id) => !VERDICTS.some((v) => v.id === id)).map((id) => ({ verdict: verdictInfo(id)!, count: verdictCounts.get(id)! })),
  ];
  const kindCounts = groupBy(claims, (c) => c.claim.kind);
  const kindOrder = Object.keys(KIND_LABELS);
  const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
  const byKind = [...kindCounts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([kind, list]) => ({ kind, label: kindLabel(kind), count: list.length }));

  const latestRevision = data.revisions.at(-1) ?? null;
  const numbers = new Map(claims.map((c) => [c.claim.id, c.number]));
  const numberChecks = latestRevision
    ? numberChecksOf(data.claims, latestRevision.id, explainEvents(data, users)).map((check) => ({
        ...check,
        claims: check.claims.map((c) => ({ ...c, number: numbers.get(c.id) ?? null })),
      }))
    : [];

  return {
    claims,
    orphaned,
    dismissed,
    dismissedCount: dismissed.length,
    sources: (published?.notes ?? []).map(({ number, source }) => ({ number, source: sourcesById.get(source.id)! })),
    byVerdict,
    notApprovedCount: claims.filter((c) => !c.verdict).length,
    byKind,
    latestRevision,
    numberChecks,
  };
}

/** The audit trail's explanations of number checks, as lib/numbers-review reads them. */
function explainEvents(data: ArticleExport, users: ReadonlyMap<string, ExportUser>) {
  return data.auditEvents
    .filter((e) => e.action === EXPLAIN_ACTION && e.entityType === "claim")
    .map((e) => ({ action: e.action, after: parseJsonObject(e.after), actorName: e.actorId ? personName(users.get(e.actorId)) : "someone", createdAt: e.createdAt }));
}

/** "Accurate (5/5)" or "Unsupported (unrated)". */
export function verdictText(verdict: VerdictInfo): string {
  return `${verdict.label} (${verdict.rating === null ? "unrated" : `${verdict.rating}/5`})`;
}

/** "Title — Publisher, 4 March 2021" for a source note, without the URL. */
export function sourceLine(source: ExportSource): string {
  const title = source.title?.trim() || source.url;
  const rest = [source.publisher, humanDate(source.publishedOn)].filter(Boolean).join(", ");
  return rest ? `${title} — ${rest}` : title;
}
