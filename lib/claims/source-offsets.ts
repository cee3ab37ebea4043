/**
 * Offsets in the Markdown an HTML or plain-text article was written as, moved back to the article's
 * own text. Claims are always found in the Markdown (so the import and the command line find the
 * same ones); the command line reports them in the file it was given.
 *
 * Both the Markdown and the tree it was written from (parseHtml, parsePlainText) yield text runs
 * whose characters know their source offsets (text-run.ts). Their plain texts are the same words in
 * the same blocks, so a position in one plain text is the same position in the other; where a
 * round trip through Markdown changed a character, a diff of the two plain texts bridges it.
 */
import DiffMatchPatch from "diff-match-patch";
import type { Root } from "mdast";
import { joinPlainText } from "./anchor";
import { markdownChunks, parseArticle } from "./parse";
import type { TextRun } from "./text-run";
import { collectUnits, type Units } from "./units";

/** Maps spans of the Markdown to spans of the source text. Build it with {@link createSourceMap}. */
export interface SourceMap {
  /** Source span of the Markdown plain text's `[start, end)` (a claim's TextPositionSelector). */
  fromPlain(start: number, end: number): [number, number];
  /**
   * Source span of `text`, the next unit in document order (a dropped unit has no position
   * selector); units must be asked for in document order. Null when `text` is not in the plain text.
   */
  nextUnit(text: string): [number, number] | null;
}

/** The Markdown's runs, read chunk by chunk as extractClaims reads long Markdown (index.ts). */
function markdownRuns(markdown: string): TextRun[] {
  const into: Units = { runs: [], units: [] };
  for (const [start, end] of markdownChunks(markdown)) {
    const chunk = start === 0 && end === markdown.length ? markdown : markdown.slice(start, end);
    collectUnits(parseArticle(chunk, "markdown"), chunk, start, into);
  }
  return into.runs;
}

/** The last run whose key is at most `at`; runs are in document order, so keys only grow. */
function findRun(runs: TextRun[], at: number, key: (r: TextRun) => number): TextRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  let found: TextRun | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (key(run) <= at) {
      found = run;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A map from `markdown` (written from `tree`) back to `source` (the text `tree`'s positions point
 * into).
 */
export function createSourceMap(markdown: string, source: string, tree: Root): SourceMap {
  // Plain texts from every run, empty ones included: positions count their separators too.
  const mdPlain = joinPlainText(markdownRuns(markdown));
  const srcRuns = collectUnits(tree, source).runs;
  const srcPlain = joinPlainText(srcRuns);
  const src = srcRuns.filter((r) => r.value.length > 0);
  let diff: DiffMatchPatch.Diff[] | null = null;
  let cursor = 0;
  const toSourcePlain = (p: number): number => {
    if (mdPlain === srcPlain) return p;
    const dmp = new DiffMatchPatch();
    diff ??= dmp.diff_main(mdPlain, srcPlain);
    return dmp.diff_xIndex(diff, p);
  };
  // The source offset of source plain-text character `q` (one in a block separator counts as its block's last).
  const offsetOf = (q: number): number => {
    const run = findRun(src, q, (r) => r.plainStart);
    if (!run) return 0;
    return run.offsets[Math.min(q - run.plainStart, run.value.length - 1)] ?? 0;
  };
  const fromPlain = (start: number, end: number): [number, number] => {
    const a = offsetOf(toSourcePlain(start));
    const b = end > start ? offsetOf(toSourcePlain(end - 1)) + 1 : a;
    return [a, Math.max(b, a + 1)];
  };
  return {
    fromPlain,
    nextUnit(text) {
      // A dropped unit has no position selector, but its words are a slice of its run and so of the
      // plain text: searching from the last unit on finds it where it is.
      const at = mdPlain.indexOf(text, cursor);
      if (at === -1 || text === "") return null;
      cursor = at + 1;
      return fromPlain(at, at + text.length);
    },
  };
}
