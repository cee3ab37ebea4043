import type { ReadingCitation, ReadingClaim, ReadingSource } from "./types";

/** A numbered source note at the end of the article, with back-links to the claims that cite it. */
export type SourceNote = {
  number: number;
  source: ReadingSource;
  citedBy: { claimId: string; claimNumber: number }[];
};

/** A claim numbered in reading order, its citations pointing at source-note numbers. */
export type NumberedClaim = ReadingClaim & {
  number: number;
  citations: { note: number; citation: ReadingCitation }[];
};

/**
 * Numbers the claims in reading order and their sources like footnotes: a source gets its number
 * where it is first cited, and a source cited by several claims is one note with a back-link to
 * each. Only approved verdicts' citations count: nothing unapproved reaches readers.
 */
export function numberSources(claims: readonly ReadingClaim[]): { claims: NumberedClaim[]; notes: SourceNote[] } {
  const notes: SourceNote[] = [];
  const noteBySource = new Map<string, SourceNote>();
  const numbered = claims.map((claim, index): NumberedClaim => {
    const number = index + 1;
    const citations = (claim.approved?.citations ?? []).map((citation) => {
      let note = noteBySource.get(citation.source.id);
      if (!note) {
        note = { number: notes.length + 1, source: citation.source, citedBy: [] };
        notes.push(note);
        noteBySource.set(citation.source.id, note);
      }
      if (note.citedBy.at(-1)?.claimId !== claim.id) note.citedBy.push({ claimId: claim.id, claimNumber: number });
      return { note: note.number, citation };
    });
    return { ...claim, number, citations };
  });
  return { claims: numbered, notes };
}

/** The href of a URL that is http(s), or null: nothing else is ever rendered as a link. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
