/**
 * Positions for the GFM autolink literals found after tokenising, so every word keeps its offset.
 *
 * micromark tokenises most bare e-mails and URLs itself, with positions. Those it cannot see while
 * tokenising (after a `[` not yet closed, as in "[Editor's note: write to tips@example.org.]", or
 * after punctuation micromark does not accept before "www.", as in “www.example.org”) are found
 * by mdast-util-gfm-autolink-literal's find-and-replace over the finished tree, which swaps the
 * whole text node for new text and link nodes without positions. Every word of that text node
 * then has no offset, and the claim holding them was anchored on one character at the block's end.
 *
 * The new nodes stand exactly where the replaced text node stood, between positioned neighbours,
 * and their values joined are its value: aligning that value with the source the way text runs do
 * (text-run.ts) gives each new node its span again.
 */
import type { Link, Nodes, Parents, Root, Text } from "mdast";
import type { Plugin } from "unified";
import type { Point } from "unist";
import { RunBuilder } from "./text-run";

/**
 * remark plugin: fills in the positions mdast-util-gfm-autolink-literal leaves out. No options. It
 * reads the source from the file, so run it as `runSync(parse(input), input)`.
 */
const remarkAutolinkPositions: Plugin<[], Root> = function () {
  return (tree, file) => fillAutolinkPositions(tree, String(file.value));
};
export default remarkAutolinkPositions;

/** Gives a position to every text and autolink node without one, aligned with `source`. */
export function fillAutolinkPositions(tree: Root, source: string): void {
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop() as Parents;
    const kids = parent.children as Nodes[];
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i] as Nodes;
      if (kid.position) {
        if ("children" in kid) stack.push(kid);
        continue;
      }
      let j = i;
      while (j < kids.length && !kids[j]?.position) j++;
      const before = kids[i - 1]?.position?.end ?? contentStart(parent, source);
      const after = kids[j]?.position?.start.offset ?? parent.position?.end.offset;
      const replaced = kids.slice(i, j);
      if (before && after !== undefined && replaced.every(isReplacement)) place(replaced, before, after, source);
      i = j - 1;
    }
  }
}

/** What the find-and-replace makes: text, and links holding text. */
function isReplacement(node: Nodes): node is Text | Link {
  return node.type === "text" || (node.type === "link" && node.children.every((c) => c.type === "text" && !c.position));
}

/**
 * Where the parent's first child can start: past an ATX heading's `#`s, emphasis markers or a
 * table cell's pipe, so a value that starts with one of those characters is not matched to it.
 */
function contentStart(parent: Parents, source: string): Point | undefined {
  const start = parent.position?.start;
  if (!start) return undefined;
  const marker =
    parent.type === "heading" ? /^[ \t]*#{1,6}(?=[ \t\r\n]|$)[ \t]*/
    : parent.type === "emphasis" || parent.type === "strong" || parent.type === "delete" ? /^(?:\*+|_+|~+)/
    : parent.type === "tableCell" ? /^\|?[ \t]*/
    : null;
  if (!marker) return start;
  const skip = marker.exec(source.slice(start.offset ?? 0, (start.offset ?? 0) + 16))?.[0].length ?? 0;
  // Markers sit on the parent's first line, so only the column moves.
  return { line: start.line, column: start.column + skip, offset: (start.offset ?? 0) + skip };
}

/** Aligns the joined values of `nodes` with `source[from, to)` and sets each node's position. */
function place(nodes: Array<Text | Link>, from: Point, to: number, source: string): void {
  const leaves = nodes.flatMap((n) => (n.type === "link" ? (n.children as Text[]) : [n]));
  const run = new RunBuilder(source);
  run.addAligned(leaves.map((l) => l.value).join(""), from.offset ?? 0, to);
  const offsets = run.finish(0).offsets;
  const points = pointsFrom(from, source);
  let at = 0;
  let last = from.offset ?? 0;
  for (const leaf of leaves) {
    const n = leaf.value.length;
    const start = n > 0 ? (offsets[at] ?? last) : last;
    const end = n > 0 ? (offsets[at + n - 1] ?? start) + 1 : start;
    leaf.position = { start: points(start), end: points(end) };
    at += n;
    last = end;
  }
  for (const node of nodes) {
    if (node.type !== "link") continue;
    const first = node.children[0]?.position;
    const final = node.children[node.children.length - 1]?.position;
    if (first && final) node.position = { start: first.start, end: final.end };
  }
}

/** Line and column of offsets at or after `from`; cheap when asked for in increasing order. */
function pointsFrom(from: Point, source: string): (offset: number) => Point {
  let { line, column } = from;
  let at = from.offset ?? 0;
  return (offset) => {
    if (offset < at) {
      // An unmatched character repeats its neighbour's offset, so one end can precede the last.
      line = from.line;
      column = from.column;
      at = from.offset ?? 0;
    }
    for (; at < offset; at++) {
      const c = source.charCodeAt(at);
      // "\r\n" is one line ending: the "\r" only moves the column, the "\n" starts the line.
      if (c === 10 || (c === 13 && source.charCodeAt(at + 1) !== 10)) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column, offset };
  };
}
