import type { Database } from "@/lib/db/create-database";
import { VERDICTS, Verdict } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { displayName } from "@/lib/review/claim-rules";
import { alphaByPair, krippendorffAlpha, unitsOf, type RatingsByCoder } from "./krippendorff-alpha";
import { ArticleBySlugInput } from "./schemas";

export type Person = { id: string; name: string };

export type VerdictCell = {
  reviewId: string;
  verdict: Verdict | null;
  confidence: string | null;
  note: string;
  version: number;
};

export type DisagreementRow = {
  id: string;
  position: number;
  kind: string;
  text: string;
  state: string;
  assignee: Person | null;
  approvedReviewId: string | null;
  /** reviewer id → that reviewer's review of the claim. */
  cells: Record<string, VerdictCell>;
  /** Reviews with a verdict. */
  verdicts: number;
  /** Two or more reviewers gave different verdicts. */
  disagreement: boolean;
  /** Exactly one reviewer gave a verdict: nothing to agree or disagree with. */
  singleReview: boolean;
};

export type Disagreement = {
  article: { id: string; slug: string; title: string; status: string };
  /** Everyone who reviewed a claim of the article, in name order: the table's columns. */
  reviewers: Person[];
  rows: DisagreementRow[];
  /** Ordinal alpha over rated verdicts for the whole article; null when undefined. */
  alpha: number | null;
  pairs: { a: Person; b: Person; claims: number; alpha: number | null }[];
};

const RATING = new Map<string, number | null>(VERDICTS.map((v) => [v.id, v.rating]));

type ClaimInput = Omit<DisagreementRow, "cells" | "verdicts" | "disagreement" | "singleReview"> & {
  reviews: (VerdictCell & { reviewer: Person })[];
};

/**
 * The pure part: the claims × reviewers verdict table with its flags, and Krippendorff's alpha
 * (ordinal) over the rated verdicts (5 Accurate … 1 False) for all reviewers and per pair. The
 * unrated verdicts, Unsupported and Opinion, are not on the scale and count as missing.
 */
export function summarizeDisagreement(claims: readonly ClaimInput[]): Pick<Disagreement, "reviewers" | "rows" | "alpha" | "pairs"> {
  const reviewers = new Map<string, Person>();
  const ratings = new Map<string, Map<string, number>>();
  const rows = claims.map(({ reviews, ...claim }): DisagreementRow => {
    const cells: Record<string, VerdictCell> = {};
    for (const { reviewer, ...cell } of reviews) {
      reviewers.set(reviewer.id, reviewer);
      cells[reviewer.id] = cell;
      const rating = cell.verdict ? RATING.get(cell.verdict) : null;
      if (rating != null) {
        const mine = ratings.get(reviewer.id) ?? new Map<string, number>();
        mine.set(claim.id, rating);
        ratings.set(reviewer.id, mine);
      }
    }
    const given = reviews.filter((r) => r.verdict !== null);
    return {
      ...claim,
      cells,
      verdicts: given.length,
      disagreement: new Set(given.map((r) => r.verdict)).size > 1,
      singleReview: given.length === 1,
    };
  });
  const people = [...reviewers.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // Coders in column order, so each pair reads left to right as in the table.
  const ordered: RatingsByCoder = new Map(people.filter((p) => ratings.has(p.id)).map((p) => [p.id, ratings.get(p.id)!]));
  return {
    reviewers: people,
    rows,
    alpha: krippendorffAlpha(unitsOf(ordered)),
    pairs: alphaByPair(ordered).map((p) => ({ a: reviewers.get(p.coders[0])!, b: reviewers.get(p.coders[1])!, claims: p.units, alpha: p.alpha })),
  };
}

/**
 * Loads an article's disagreement table: every claim that is not dismissed, in reading order,
 * with every review. Throws NOT_FOUND for an unknown slug.
 */
export async function getDisagreement(db: Database, input: ArticleBySlugInput): Promise<Disagreement> {
  const { slug } = ArticleBySlugInput.parse(input);
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true } });
  if (!article) throw new AppError("NOT_FOUND", `There is no article "${slug}".`);
  const claims = await db.claim.findMany({
    where: { articleId: article.id, state: { not: "dismissed" } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      position: true,
      kind: true,
      text: true,
      state: true,
      approvedReviewId: true,
      assignee: { select: { id: true, name: true, email: true } },
      reviews: {
        orderBy: { createdAt: "asc" },
        select: { id: true, verdict: true, confidence: true, note: true, version: true, reviewer: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const summary = summarizeDisagreement(
    claims.map((c) => ({
      id: c.id,
      position: c.position,
      kind: c.kind,
      text: c.text,
      state: c.state,
      approvedReviewId: c.approvedReviewId,
      assignee: c.assignee && { id: c.assignee.id, name: displayName(c.assignee) },
      reviews: c.reviews.map((r) => ({
        reviewId: r.id,
        verdict: Verdict.safeParse(r.verdict).data ?? null,
        confidence: r.confidence,
        note: r.note,
        version: r.version,
        reviewer: { id: r.reviewer.id, name: displayName(r.reviewer) },
      })),
    })),
  );
  return { article, ...summary };
}
