import type { Element, Root } from "hast";
import type { ClaimKind, Verdict } from "@/lib/domain/vocabulary";
import { renderArticle } from "@/lib/render/article-html";
import { noteIdPrefix, renderNote } from "@/lib/render/note-html";
import type { MarkedClaim } from "@/lib/render/rehype-claim-marks";
import { publishedVerdicts, type PublishedVerdicts } from "./published-verdicts";
import type { SourceNote } from "./source-notes";
import type { ReadingSummary } from "./summary";
import type { ReadingCitation, ReadingView } from "./types";
import { verdictChart } from "./verdict-chart";
import { addVerdictTags, type VerdictTag } from "./verdict-tags";
import { kindLabel, UNRATED_ID, verdictLabel } from "./verdict-words";

/** One entry of the "Claims and verdicts" list, and what the popover shows. */
export type ClaimEntry = {
  id: string;
  number: number;
  kind: ClaimKind;
  kindLabel: string;
  text: string;
  verdict: Verdict | null;
  verdictLabel: string;
  /** The approved review's note, sanitised; null when there is no approved verdict or no note. */
  note: Root | null;
  reviewerName: string | null;
  approvedAt: Date | null;
  citations: { note: number; citation: ReadingCitation }[];
};

export type ReadingPage = {
  /** The article with claim marks and verdict labels, sanitised. */
  body: Root;
  claims: ClaimEntry[];
  sourceNotes: SourceNote[];
  summary: ReadingSummary;
  chart: Root;
  /** The read model the page was built from, shared with the exports. */
  published: PublishedVerdicts;
};

/**
 * Everything the reading view renders, from plain data: the article through the shared render
 * pipeline (claim marks, then rehype-sanitize), a check link after each claim (showing the verdict
 * of a rated one, hidden until focused for an unrated one), the
 * numbered claim list with notes and sources, the source notes and the summary chart, all from the
 * one read model of published verdicts (published-verdicts.ts). Linear in the size of the article
 * and its claims.
 */
export function buildReadingPage(view: ReadingView): ReadingPage {
  const published = publishedVerdicts(view);
  const { claims: numbered, notes, summary } = published;
  const marked: MarkedClaim[] = [];
  const tags = new Map<string, VerdictTag>();
  const entries: ClaimEntry[] = numbered.map((claim) => {
    const verdict = claim.approved?.verdict ?? null;
    const label = verdictLabel(verdict);
    const kind = kindLabel(claim.kind);
    marked.push({
      id: claim.id,
      sourceStart: claim.sourceStart,
      sourceEnd: claim.sourceEnd,
      kind: claim.kind,
      verdict,
      // No name on the mark itself: the check link after it is the claim's role and name (verdict-tags.ts).
      label: null,
    });
    tags.set(claim.id, { kind: claim.kind, kindLabel: kind, verdict: verdict ?? UNRATED_ID, verdictLabel: label });
    const noteText = claim.approved?.note.trim() ?? "";
    return {
      id: claim.id,
      number: claim.number,
      kind: claim.kind,
      kindLabel: kind,
      text: claim.text,
      verdict,
      verdictLabel: label,
      // Footnote ids carry the claim's id: two notes on one page may both say [^1].
      note: noteText === "" ? null : renderNote(noteText, { idPrefix: noteIdPrefix(claim.id) }),
      reviewerName: claim.approved?.reviewerName ?? null,
      approvedAt: claim.approved?.approvedAt ?? null,
      citations: claim.citations,
    };
  });
  const body = addVerdictTags(demoteHeadings(renderArticle(view.revision.text, { claims: marked })), tags);
  return { body, claims: entries, sourceNotes: notes, summary, chart: verdictChart(summary), published };
}


/**
 * The page's own h1 is the article's title, so the article's headings move one level down
 * (h1 → h2 …): one h1 per page, and the outline stays in order.
 */
function demoteHeadings(tree: Root): Root {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      const level = /^h([1-5])$/.exec(child.tagName)?.[1];
      if (level) child.tagName = `h${Number(level) + 1}`;
      walk(child);
    }
  };
  walk(tree);
  return tree;
}
