import type { ClaimKind, Verdict } from "@/lib/domain/vocabulary";

/**
 * What the public reading view is built from: plain data, read once per request by
 * get-reading-view.ts, so everything else in lib/reading and lib/export is pure and tests in
 * memory.
 */

/** A cited source, shared by every citation of the same page. */
export type ReadingSource = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
};

/** One piece of evidence in an approved review. */
export type ReadingCitation = {
  id: string;
  /** supports | refutes | context */
  stance: string;
  excerpt: string;
  accessedOn: string | null;
  archiveUrl: string | null;
  source: ReadingSource;
};

/** The verdict an editor approved for a claim: the chosen review's verdict, note and citations. */
export type ApprovedVerdict = {
  verdict: Verdict;
  /** The reviewer's note, Markdown; rendered only through renderNote (sanitised). */
  note: string;
  reviewerName: string | null;
  approvedAt: Date | null;
  citations: ReadingCitation[];
};

/** A claim as the reader sees it: marked by kind, with a verdict only where one was approved. */
export type ReadingClaim = {
  id: string;
  kind: ClaimKind;
  text: string;
  sourceStart: number;
  sourceEnd: number;
  /** In a transcript, who said it. */
  speaker: string | null;
  approved: ApprovedVerdict | null;
};

export type ReadingArticle = {
  id: string;
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  originalUrl: string | null;
  /** When the original article appeared, as imported (free text, usually YYYY-MM-DD). */
  publishedOn: string | null;
  /** draft | in_review | published */
  status: string;
  /** When the fact check was published on Claimdesk. */
  publishedAt: Date | null;
};

export type ReadingView = {
  article: ReadingArticle;
  revision: { id: string; number: number; text: string };
  /** Marked claims in reading order: dismissed and orphaned claims are left out. */
  claims: ReadingClaim[];
};
