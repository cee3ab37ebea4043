import type { ElementContent, Root } from "hast";
import { renderNote, type RenderNoteOptions } from "@/lib/render/note-html";

/**
 * Renders many reviewers' notes at once, each exactly as renderNote would (Markdown → sanitised
 * hast). A report has up to thousands of notes and renderNote's fixed cost per call (setting up the
 * Markdown parser) dominates short notes, so notes that cannot reach past their own end are joined
 * into one document, split by a separator paragraph, and rendered in a single pass.
 *
 * A note can reach past its end with an unclosed code fence or HTML block (which swallow what
 * follows), or with link reference and footnote definitions (which apply document-wide); those
 * notes are rendered on their own, each with its own footnote id prefix (`options[i]`), so footnotes
 * of two notes never share an id.
 */
export function renderNotes(notes: readonly string[], options: readonly RenderNoteOptions[] = []): Root[] {
  const out: Root[] = new Array(notes.length);
  const batch: number[] = [];
  notes.forEach((note, i) => {
    if (isSelfContained(note)) batch.push(i);
    else out[i] = renderNote(note, options[i]);
  });
  if (batch.length === 0) return out;

  const separator = separatorFor(notes);
  const tree = renderNote(batch.map((i) => notes[i]).join(`\n\n${separator}\n\n`));
  const groups: ElementContent[][] = [[]];
  for (const node of tree.children) {
    if (isSeparator(node, separator)) groups.push([]);
    else groups[groups.length - 1]!.push(node as ElementContent);
  }
  if (groups.length !== batch.length) {
    // A note we judged self-contained was not: fall back to rendering each one alone.
    for (const i of batch) out[i] = renderNote(notes[i]!, options[i]);
    return out;
  }
  batch.forEach((noteIndex, k) => {
    out[noteIndex] = { type: "root", children: trimNewlines(groups[k]!) };
  });
  return out;
}

function isSelfContained(note: string): boolean {
  return !/```|~~~|<|\[\^|^ {0,3}\[[^\]]*\]:/m.test(note);
}

/** A word no note contains, so a paragraph holding only it can only be a separator. */
function separatorFor(notes: readonly string[]): string {
  let n = 0;
  let token = "claimdesknoteseparator";
  while (notes.some((note) => note.includes(token))) token = `claimdesknoteseparator${++n}`;
  return token;
}

function isSeparator(node: Root["children"][number], separator: string): boolean {
  return (
    node.type === "element" &&
    node.tagName === "p" &&
    node.children.length === 1 &&
    node.children[0]!.type === "text" &&
    node.children[0]!.value === separator
  );
}

// renderNote puts a "\n" text node between blocks; the pieces keep the same shape as a lone note.
function trimNewlines(nodes: ElementContent[]): ElementContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isNewline(nodes[start]!)) start++;
  while (end > start && isNewline(nodes[end - 1]!)) end--;
  return nodes.slice(start, end);
}

function isNewline(node: ElementContent): boolean {
  return node.type === "text" && /^\n*$/.test(node.value);
}
