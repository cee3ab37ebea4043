/**
 * Text runs: the words of one block (a paragraph, a heading, a table row) as a plain string, with the
 * source offset of every character.
 *
 * Sentence splitting works on the plain words, but claims must be anchored in the file as it was
 * imported. Parsers give each inline node a start and end offset; inside a node the value can differ
 * from the source (an escape `\*`, an entity `&amp;`, a continuation line's indent or `> ` marker,
 * collapsed HTML white space). We align the value with its own source range, character by character,
 * so an offset never comes from searching the rest of the document.
 */
import type { Nodes, Parents } from "mdast";

/** One block's plain text and, for each UTF-16 code unit of it, the source offset it came from. */
export interface TextRun {
  value: string;
  /** `offsets[i]` is the source offset of `value[i]`. */
  offsets: Int32Array;
  /** Offset of the block's first character in the plain text of the whole article. */
  plainStart: number;
  /** True when an image sat in the block, so its text is likely a caption. */
  hasImage: boolean;
}

/** How far ahead (in non-space source characters) a value character may be looked for. */
const LOOKAHEAD = 48;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0;

/** Collects pieces of text with their offsets, then freezes them into a {@link TextRun}. */
export class RunBuilder {
  private parts: string[] = [];
  private maps: Int32Array[] = [];
  private length = 0;
  hasImage = false;

  constructor(private readonly source: string) {}

  /** Number of code units collected so far. */
  get size(): number {
    return this.length;
  }

  /**
   * Adds `value`, which the parser says came from `source[start, end)`. Characters are matched
   * greedily in order; one that cannot be found nearby (a decoded entity, a replacement character)
   * takes the offset of the current position instead of dragging the rest out of place.
   */
  addAligned(value: string, start: number, end: number): void {
    const src = this.source;
    const map = new Int32Array(value.length);
    const limit = Math.min(Math.max(end, start), src.length);
    let j = Math.min(Math.max(start, 0), src.length);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      let k = j;
      let budget = LOOKAHEAD;
      let found = -1;
      while (k < limit && budget > 0) {
        const s = src.charCodeAt(k);
        if (s === c || (isSpace(c) && isSpace(s))) {
          found = k;
          break;
        }
        if (!isSpace(s)) budget--;
        k++;
      }
      if (found >= 0) {
        map[i] = found;
        j = found + 1;
      } else {
        map[i] = Math.min(j, Math.max(limit - 1, 0));
      }
    }
    this.push(value, map);
  }

  /** Adds synthetic text (a separator between table cells) pinned to one source offset. */
  addSynthetic(value: string, at: number): void {
    this.push(value, new Int32Array(value.length).fill(Math.max(0, Math.min(at, this.source.length))));
  }

  /** Source offset just after the last collected character, or `fallback` when nothing was collected. */
  lastOffset(fallback: number): number {
    const last = this.maps[this.maps.length - 1];
    return last && last.length > 0 ? (last[last.length - 1] ?? fallback) + 1 : fallback;
  }

  private push(value: string, map: Int32Array): void {
    if (value.length === 0) return;
    this.parts.push(value);
    this.maps.push(map);
    this.length += value.length;
  }

  /**
   * Freezes the collected text into a run that starts at `plainStart` in the article's plain text;
   * `base` is where this builder's source begins in the whole input (a chunk's start, see parse.ts).
   */
  finish(plainStart: number, base = 0): TextRun {
    const offsets = new Int32Array(this.length);
    let at = 0;
    for (const map of this.maps) {
      offsets.set(map, at);
      at += map.length;
    }
    if (base !== 0) for (let i = 0; i < offsets.length; i++) offsets[i] = (offsets[i] ?? 0) + base;
    return { value: this.parts.join(""), offsets, plainStart, hasImage: this.hasImage };
  }
}

/** Node types whose words are not prose: their text never joins a claim. */
const SKIPPED_INLINE = new Set(["html", "footnoteReference", "image", "imageReference", "definition"]);

/**
 * `[^1]` read as a link reference: micromark does so when a document opens with `---` (the front
 * matter construct is tried and fails, and the footnote extension then misses the references). It
 * is a footnote marker all the same, and its "^1" is not prose.
 */
function isFootnoteLike(node: Nodes): boolean {
  return node.type === "linkReference" && node.identifier.startsWith("^");
}

/**
 * Appends the inline content of `node` to `run`. Iterative, so a deeply nested emphasis cannot
 * overflow the stack.
 */
export function collectInline(node: Parents, run: RunBuilder, fallbackEnd: number): void {
  const stack: Nodes[] = [...node.children].reverse() as Nodes[];
  while (stack.length > 0) {
    const child = stack.pop() as Nodes;
    if (child.type === "image" || child.type === "imageReference") run.hasImage = true;
    if (SKIPPED_INLINE.has(child.type) || isFootnoteLike(child)) continue;
    if ("children" in child) {
      for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as Nodes);
      continue;
    }
    if (child.type === "break") {
      const at = child.position?.start.offset ?? run.lastOffset(fallbackEnd);
      run.addSynthetic("\n", at);
      continue;
    }
    if ("value" in child && typeof child.value === "string") {
      const pos = child.position;
      const start = pos?.start.offset ?? run.lastOffset(fallbackEnd);
      const end = pos?.end.offset ?? fallbackEnd;
      run.addAligned(child.value, start, end);
    }
  }
}

/** Source span `[start, end)` of the run's characters `[a, b)`; `b > a` is assumed. */
export function sourceSpan(run: TextRun, a: number, b: number): [number, number] {
  const start = run.offsets[a] ?? 0;
  const end = (run.offsets[b - 1] ?? start) + 1;
  return [start, Math.max(end, start + 1)];
}
