/**
 * An article's Markdown cut into sections that the claim pipeline reads independently: the claims
 * of a section, found in the section alone, are the claims a full extraction finds there (offsets
 * aside). Re-importing an edited article then re-reads only the sections that changed
 * (incremental-extraction.ts). Pure.
 */
import DiffMatchPatch from "diff-match-patch";
import { markdownChunks } from "@/lib/claims/parse";

/** `[start, end)` of the Markdown; sections tile the text in order. */
export type Section = { start: number; end: number };

/** A section of the new text, with the index of the identical old section it is (null: changed). */
export type MatchedSection = Section & { old: number | null };

/** Distinct sections encoded as one UTF-16 unit each for the diff, below the surrogates. */
const MAX_SECTIONS = 55_000;

/**
 * Constructs whose meaning reaches across blank lines or the whole document: link reference
 * definitions and footnotes (a reference anywhere depends on a definition anywhere), HTML blocks
 * that run to an end marker rather than a blank line (CommonMark kinds 1–5). An article holding one
 * is read whole.
 */
const READ_WHOLE = /^ {0,3}\[[^\]\n]*\]:|\[\^|^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?=[\s>]|$))/im;

/**
 * A line that can only open a new block after a blank line: a letter, a heading, a quotation mark or
 * parenthesis, emphasis. Not a list marker, digit, `>`, `|`, `<`, `-`, `+` or indentation, which can
 * continue a list, quote, table or code block across the blank line.
 */
const OPENS_BLOCK = /^(?:[A-Za-z#"“(_]|\*(?![ \t]))/;
const BLANK = /^[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;
const FRONT_MATTER = /^(?:---|\+\+\+)\r?\n/;

/** Where the front matter at the start of `markdown` ends: 0 with none, -1 when it never closes. */
export function frontMatterEnd(markdown: string): number {
  if (!FRONT_MATTER.test(markdown)) return 0;
  const marker = markdown.slice(0, 3);
  const close = new RegExp(`\\n${marker === "---" ? "---" : "\\+\\+\\+"}[ \\t]*(?:\\r?\\n|$)`, "g");
  close.lastIndex = 3;
  const end = close.exec(markdown);
  return end ? end.index + end[0].length : -1;
}

/**
 * Cuts `markdown` before every line that opens a block after a blank line, outside fenced code and
 * front matter, and at every place the pipeline itself cuts long Markdown (markdownChunks): a section
 * never spans one of the pipeline's pieces. Null when the article holds a construct that spans
 * sections (READ_WHOLE) or front matter with no end: read it whole.
 */
export function articleSections(markdown: string): Section[] | null {
  if (READ_WHOLE.test(markdown)) return null;
  const cuts = new Set<number>(markdownChunks(markdown).map(([start]) => start));
  const from = frontMatterEnd(markdown);
  if (from === -1) return null;
  let fence: { char: string; length: number } | null = null;
  let previousBlank = false;
  for (let at = from; at < markdown.length; ) {
    let next = markdown.indexOf("\n", at);
    if (next === -1) next = markdown.length;
    const line = markdown.slice(at, next);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
      previousBlank = false;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (previousBlank && at > from && OPENS_BLOCK.test(line)) cuts.add(at);
      if (open) fence = { char: open[1]![0]!, length: open[1]!.length };
      previousBlank = BLANK.test(line);
    }
    at = next + 1;
  }
  cuts.delete(0);
  const starts = [0, ...[...cuts].sort((a, b) => a - b)];
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? markdown.length }));
}

/**
 * The new text's sections, each with the index of the identical old section it is, in order (an
 * LCS of section texts, by diff-match-patch over one character per distinct section); null past
 * MAX_SECTIONS distinct sections.
 */
export function matchSections(oldText: string, oldSections: Section[], newText: string, newSections: Section[]): MatchedSection[] | null {
  const codes = new Map<string, string>();
  const encode = (text: string, sections: Section[]): string | null => {
    let out = "";
    for (const { start, end } of sections) {
      const body = text.slice(start, end);
      let code = codes.get(body);
      if (code === undefined) {
        if (codes.size >= MAX_SECTIONS) return null;
        code = String.fromCharCode(codes.size + 1);
        codes.set(body, code);
      }
      out += code;
    }
    return out;
  };
  const a = encode(oldText, oldSections);
  const b = a === null ? null : encode(newText, newSections);
  if (a === null || b === null) return null;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const out: MatchedSection[] = [];
  let i = 0;
  let j = 0;
  for (const [op, chars] of dmp.diff_main(a, b, false)) {
    for (let c = 0; c < chars.length; c++) {
      if (op === 0) out.push({ ...newSections[j++]!, old: i++ });
      else if (op === 1) out.push({ ...newSections[j++]!, old: null });
      else i++;
    }
  }
  return out;
}
