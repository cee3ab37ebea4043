import type { Viewer } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { Tx } from "./record-audit";

/**
 * The rules every claim change shares: which states may change, what state a claim's reviews
 * warrant, and keeping positions in reading order. Verbs call these inside their transaction.
 */

/** The fields a claim change returns to the workbench. */
export const CLAIM_SUMMARY = {
  id: true,
  articleId: true,
  revisionId: true,
  kind: true,
  text: true,
  sourceStart: true,
  sourceEnd: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  origin: true,
  state: true,
  position: true,
  dismissReason: true,
} as const;

export type ClaimSummary = {
  id: string;
  articleId: string;
  revisionId: string;
  kind: string;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  origin: string;
  state: string;
  position: number;
  dismissReason: string | null;
};

/** Loads a claim for a change, or throws NOT_FOUND. */
export async function findClaimForChange(tx: Tx, claimId: string): Promise<ClaimSummary> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: CLAIM_SUMMARY });
  if (!claim) throw new AppError("NOT_FOUND", "This claim no longer exists; reload the page.");
  return claim;
}

/**
 * Approved claims are locked until an editor reopens them, and dismissed ones until restored, so a
 * final verdict is never changed underneath the editor who approved it.
 */
export function assertClaimEditable(claim: { state: string }): void {
  if (claim.state === "approved") {
    throw new AppError("CONFLICT", "This claim is approved: approved claims are locked until an editor reopens them.");
  }
  if (claim.state === "dismissed") {
    throw new AppError("CONFLICT", "This claim is dismissed: restore the claim first.");
  }
}

/** Split and merge recompute spans from the revision text, which an orphaned claim no longer has. */
export function assertClaimAnchored(claim: { state: string }): void {
  if (claim.state === "orphaned") {
    throw new AppError("CONFLICT", "This claim could not be placed in the latest text; it cannot be split or merged.");
  }
}

/** open without reviews, in_review with reviews but no verdict, reviewed once any review has a verdict. */
export function stateForReviews(reviews: readonly { verdict: string | null }[]): "open" | "in_review" | "reviewed" {
  if (reviews.some((r) => r.verdict !== null)) return "reviewed";
  return reviews.length > 0 ? "in_review" : "open";
}

/**
 * Brings a claim's state in line with its reviews after a review changed. Approved, dismissed and
 * orphaned claims keep their state: those are decisions, not progress.
 */
export async function settleClaimState(tx: Tx, claimId: string): Promise<string> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { state: true, reviews: { select: { verdict: true } } },
  });
  if (!["open", "in_review", "reviewed"].includes(claim.state)) return claim.state;
  const state = stateForReviews(claim.reviews);
  if (state !== claim.state) await tx.claim.update({ where: { id: claimId }, data: { state } });
  return state;
}

/**
 * Renumbers a revision's claims so position order is reading order (by sourceStart; a claim added
 * at the same start as another goes after it). Only rows whose position changed are written.
 */
export async function renumberClaims(tx: Tx, revisionId: string): Promise<void> {
  const claims = await tx.claim.findMany({
    where: { revisionId },
    select: { id: true, position: true, sourceStart: true, createdAt: true },
  });
  // A new claim is written with a position past the end, so on a tie it sorts after the old one.
  claims.sort((a, b) => a.sourceStart - b.sourceStart || a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime());
  for (const [index, claim] of claims.entries()) {
    if (claim.position !== index) await tx.claim.update({ where: { id: claim.id }, data: { position: index } });
  }
}

/** How a person is named in reasons and conflict messages. */
export function displayName(person: { name: string | null; email?: string | null }): string {
  return person.name?.trim() || person.email || "someone";
}

/** The viewer as the verbs receive it: signed in and already allowed the operation by the caller. */
export type SignedInViewer = NonNullable<Viewer>;
