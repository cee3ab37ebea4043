import type { Root } from "hast";
import type { Quantity } from "@/lib/claims/types";
import type { ClaimKind, ConfidenceLevel, StanceName, Verdict } from "@/lib/domain/vocabulary";
import type { CheckedBefore, CheckedBeforeReview } from "@/lib/matching-review/get-checked-before";
import type { NumberCheck } from "@/lib/numbers-review/number-checks";

/** The plain data the workbench page hands to its client components. */
export type CitationView = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string;
  stance: StanceName;
  archiveUrl: string | null;
};

export type ReviewView = {
  id: string;
  reviewerId: string;
  reviewerName: string;
  verdict: Verdict | null;
  confidence: ConfidenceLevel | null;
  note: string;
  /** The note rendered from Markdown and sanitised on the server. */
  noteTree: Root;
  version: number;
  updatedAt: string;
  citations: CitationView[];
};

/** A number check that names the claim (plain data already: strings only). */
export type NumberCheckView = NumberCheck;

/** An earlier claim matched to this one ("Checked before"), each review's note rendered and sanitised on the server. */
export type CheckedBeforeView = Omit<CheckedBefore, "reviews"> & { reviews: Array<CheckedBeforeReview & { noteTree: Root }> };

export type HistoryItem = { id: string; action: string; actorName: string; createdAt: string; summary: string };

export type WorkbenchClaim = {
  id: string;
  kind: ClaimKind;
  text: string;
  state: string;
  score: number;
  reasons: string[];
  quantities: Quantity[];
  context: string | null;
  /** In a transcript, who said it. */
  speaker: string | null;
  origin: string;
  dismissReason: string | null;
  assigneeId: string | null;
  sourceStart: number;
  sourceEnd: number;
  /** Re-anchoring (lib/revisions): the claim's revision, and for a changed claim its earlier text. */
  revisionNumber: number;
  anchorStatus: "exact" | "changed" | "orphaned";
  previousText: string | null;
  previousRevisionNumber: number | null;
  stateBeforeOrphan: string | null;
  reviews: ReviewView[];
  myReview: ReviewView | null;
  history: HistoryItem[];
  /**
   * The number checks that name this claim; undefined when the detail came without them (the page's
   * preloaded claims), and the workbench fetches the claim again to show them.
   */
  numberChecks?: NumberCheckView[];
  /** The earlier, checked claims this one matches (lib/matching-review); undefined like numberChecks. */
  checkedBefore?: CheckedBeforeView[];
};

export type WorkbenchViewer = { id: string; name: string; role: string };

/** One line of the claim list (lib/review/get-claim-list): the full claim is loaded when selected. */
export type { ClaimListEntry } from "@/lib/review/get-claim-list";

/**
 * What a save answers: the saved review (its citations are not read again: a save does not change
 * them), the claim's state and every review's verdict, for its list line, and the save's history
 * line (null when nothing changed). saved-review.ts puts it into the claim shown.
 */
export type SavedReviewAnswer = {
  review: Omit<ReviewView, "citations">;
  claim: { id: string; state: string; reviews: { id: string; reviewerId: string; verdict: Verdict | null }[] };
  event: HistoryItem | null;
};
