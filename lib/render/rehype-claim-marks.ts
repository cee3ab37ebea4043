import type { Element, ElementContent, Root, Text } from "hast";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { alignValueToSource } from "./align-text";

/** A claim to highlight: its span in the Markdown source and what the mark should say. */
export interface MarkedClaim {
  id: string;
  sourceStart: number;
  sourceEnd: number;
  kind: string;
  /** The verdict shown to the reader, or null when none is approved/recorded. */
  verdict: string | null;
  /**
   * Accessible name of the mark, e.g. "Statistic claim": the claim's first piece becomes a focus
   * stop (tabindex 0) with this aria-label, as the workbench wants. Null leaves the mark a plain
   * highlight, neither focusable nor named: the page names the claim with an element that has a role
   * (the reading view's check link, lib/reading/verdict-tags.ts), since an aria-label on a bare
   * `<mark>` is not reliably announced.
   */
  label: string | null;
}

export interface ClaimMarkOptions {
  /** The Markdown source the tree was parsed from (positions point into it). */
  source: string;
  claims: MarkedClaim[];
  /** Also wrap unmarked text in `<span data-o>` so a text selection maps back to source offsets. */
  sourceOffsets?: boolean;
}

/**
 * rehype plugin: wraps each claim's span in `<mark data-claim-id data-kind data-verdict>`. A claim
 * whose span crosses inline formatting or paragraphs is wrapped piecewise, one mark per text node,
 * and only the first piece carries the claim's anchor id (and, when it has a label, is focusable), so
 * keyboard users meet each claim once.
 */
const rehypeClaimMarks: Plugin<[ClaimMarkOptions], Root> = (options) => {
  if (!options || typeof options.source !== "string" || !Array.isArray(options.claims)) {
    throw new Error("rehype-claim-marks: expected options { source: string, claims: MarkedClaim[] }");
  }
  const claims = [...options.claims].filter((c) => c.sourceEnd > c.sourceStart).sort((a, b) => a.sourceStart - b.sourceStart || b.sourceEnd - a.sourceEnd);
  return (tree) => {
    const firstPieceSeen = new Set<string>();
    const window = new ClaimWindow(claims);
    visit(tree, "text", (node: Text, index, parent) => {
      if (!parent || index === undefined || parent.type !== "element") return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const covering = window.covering(start, end);
      if (covering.length === 0 && !options.sourceOffsets) return;
      const offsets = alignValueToSource(node.value, options.source, start, end);
      const pieces = splitIntoPieces(node.value, offsets, covering);
      const replacement = pieces.map((piece) => wrapPiece(piece, firstPieceSeen, options.sourceOffsets === true));
      (parent as Element).children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
};

export default rehypeClaimMarks;

/** The id of a claim's first mark: the reading view's claim anchor (`/a/<slug>#claim-<id>`), ClaimReview's `url`. */
export const claimAnchorId = (claimId: string) => `claim-${claimId}`;

/**
 * The claims that overlap a text node. Text nodes arrive in document order, so a pointer into the
 * claims (sorted by start) plus a small set of open claims answers each node in amortised constant
 * time: a 2,000-claim article must not cost 2,000 comparisons per text node.
 */
class ClaimWindow {
  private next = 0;
  private open: MarkedClaim[] = [];
  private lastStart = -1;

  constructor(private readonly claims: MarkedClaim[]) {}

  covering(start: number, end: number): MarkedClaim[] {
    if (start < this.lastStart) {
      // Out of order (rare: a node earlier in the source later in the tree): start over.
      this.next = 0;
      this.open = [];
    }
    this.lastStart = start;
    while (this.next < this.claims.length && this.claims[this.next]!.sourceStart < end) this.open.push(this.claims[this.next++]!);
    this.open = this.open.filter((c) => c.sourceEnd > start);
    return this.open.filter((c) => c.sourceStart < end);
  }
}

interface Piece {
  text: string;
  sourceStart: number;
  claims: MarkedClaim[];
}

/** Cuts a text node's value where any covering claim starts or ends. */
function splitIntoPieces(value: string, offsets: number[], covering: MarkedClaim[]): Piece[] {
  const cuts = new Set<number>([0, value.length]);
  for (const claim of covering) {
    for (let i = 0; i <= value.length; i++) {
      if (offsets[i]! >= claim.sourceStart) {
        cuts.add(i);
        break;
      }
    }
    for (let i = 0; i <= value.length; i++) {
      if (offsets[i]! >= claim.sourceEnd) {
        cuts.add(i);
        break;
      }
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k < sorted.length - 1; k++) {
    const from = sorted[k]!;
    const to = sorted[k + 1]!;
    if (to <= from) continue;
    const at = offsets[from]!;
    pieces.push({ text: value.slice(from, to), sourceStart: at, claims: covering.filter((c) => c.sourceStart <= at && c.sourceEnd > at) });
  }
  return pieces;
}

function wrapPiece(piece: Piece, firstPieceSeen: Set<string>, sourceOffsets: boolean): ElementContent {
  let content: ElementContent = { type: "text", value: piece.text };
  if (piece.claims.length === 0) {
    return sourceOffsets ? { type: "element", tagName: "span", properties: { dataO: piece.sourceStart }, children: [content] } : content;
  }
  // The innermost (latest-starting, shortest) claim is wrapped first, so outer claims enclose it.
  const innermostFirst = [...piece.claims].reverse();
  innermostFirst.forEach((claim, depth) => {
    const first = !firstPieceSeen.has(claim.id);
    firstPieceSeen.add(claim.id);
    content = {
      type: "element",
      tagName: "mark",
      properties: {
        dataClaimId: claim.id,
        dataKind: claim.kind,
        dataVerdict: claim.verdict ?? "none",
        ...(depth === 0 && sourceOffsets ? { dataO: piece.sourceStart } : {}),
        ...(first ? { id: claimAnchorId(claim.id), ...(claim.label === null ? {} : { tabIndex: 0, ariaLabel: claim.label }) } : {}),
        className: ["claim-mark", `kind-${claim.kind}`, `verdict-${claim.verdict ?? "none"}`],
      },
      children: [content],
    };
  });
  return content;
}
