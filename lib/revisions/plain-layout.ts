/**
 * Where each section of a revision's Markdown (article-sections.ts) puts its words in the revision's
 * plain text. Kept with the revision's claims in the extraction cache, it lets the next re-import
 * shift a run of unchanged sections without reading any of them again: reading them alone to learn
 * how far each moves the plain text on was ~200 ms of re-importing a 50,000-word article with 1%
 * edited, in a fresh process (issue 13). Pure.
 */
import { plainTextMap, type PlainTextMap } from "@/lib/claims";
import { frontMatterEnd, type Section } from "./article-sections";

/** Blocks of the plain text are joined by a blank line (lib/claims/units.ts, BLOCK_SEPARATOR). */
export const SEPARATOR = "\n\n";

/**
 * The plain text, and `starts[k]`: where section k's words begin in it (one more entry than
 * sections: `starts[k + 1] - starts[k]` is how far section k moves the plain text on, 0 for a
 * section with no words, else its words plus the separator).
 */
export type PlainLayout = { plain: string; starts: number[] };

/**
 * The layout of a text from its whole plain-text map, or null when the sections' words do not tile
 * the plain text exactly (each section's words, a separator, the next section's words): then the
 * incremental path reads sections itself, as it always could.
 */
export function plainLayout(markdown: string, sections: readonly Section[], map: PlainTextMap): PlainLayout | null {
  const { text } = map;
  const starts = [0];
  for (const [k, section] of sections.entries()) {
    const start = starts[k]!;
    const span = map.toPlain(section.start, section.end);
    if (span === null) {
      if (!isWordless(markdown.slice(section.start, section.end), k === 0)) return null;
      starts.push(start);
      continue;
    }
    if (span[0] !== start) {
      if (!endsWithEmptyBlocks(k - 1, span[0])) return null;
      starts[k] = span[0];
    }
    if (span[0] > 0 && text.slice(span[0] - SEPARATOR.length, span[0]) !== SEPARATOR) return null;
    starts.push(span[1] + SEPARATOR.length);
  }
  // Past the last words: the whole text and one separator (none when there are no words at all).
  const end = text === "" ? 0 : text.length + SEPARATOR.length;
  if (starts[sections.length] !== end) {
    if (!endsWithEmptyBlocks(sections.length - 1, end)) return null;
    starts[sections.length] = end;
  }
  return { plain: text, starts };

  /**
   * Room between section k's words and `next`: empty blocks (an image alone) at its end, shown by
   * reading it alone. The map cannot say which section an empty block belongs to; the section can.
   */
  function endsWithEmptyBlocks(k: number, next: number): boolean {
    if (k < 0 || starts[k + 1] === starts[k]) return false;
    const section = sections[k]!;
    const alone = plainTextMap(markdown.slice(section.start, section.end)).text;
    return starts[k]! + alone.length + SEPARATOR.length === next && text.slice(starts[k], starts[k]! + alone.length) === alone;
  }
}

/**
 * True when a section with no plain text takes no room in it either. A section with words but no
 * plain text may hold an empty block (an image alone) that still takes a separator: unknown, so
 * false. Front matter, which only the first section can hold, is no block of words.
 */
export function isWordless(text: string, first: boolean): boolean {
  const words = first ? text.slice(Math.max(0, frontMatterEnd(text))) : text;
  return words.trim() === "";
}

/** Section k's words in the layout ("" for a section with none). */
export function sectionWords(layout: PlainLayout, k: number): string {
  const start = layout.starts[k]!;
  const next = layout.starts[k + 1]!;
  return next === start ? "" : layout.plain.slice(start, next - SEPARATOR.length);
}
