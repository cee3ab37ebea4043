/**
 * Shapes of Markdown that no article has and on which the parser's time grows with the square of
 * their size (micromark re-walks every open container per line, and every emphasis opener per
 * closer), refused up front with a sentence instead of minutes of work. One linear pass; plain text
 * and HTML are not read by micromark (HTML depth is flattened in lib/claims/flatten-html.ts).
 *
 * Measured (CPU time, parse alone): 1,000 nested list levels 0.2 s, 2,000 0.6 s, 4,000 1.7 s,
 * 10,000 over 40 s; 5,000 `*a` in one paragraph 0.7 s, 10,000 1.9 s, 20,000 9 s, 100,000 minutes.
 */
import { AppError } from "@/lib/errors";
import type { SourceFormat } from "@/lib/claims";

/** Lists and block quotes nested deeper than this are refused: real articles stop before 10, and 1,000 levels still read in a fraction of a second (a property test in tests/unit/claims/properties.test.ts holds it). */
export const MAX_NESTING = 1_000;
/** Emphasis marks (`*`, `_`) in one paragraph (or list item) beyond this are refused; a long real paragraph has a few dozen. */
export const MAX_EMPHASIS_MARKS = 5_000;

const SPACE = 32;
const TAB = 9;

/** Throws a BAD_INPUT AppError when `text`, read as Markdown, has a shape listed above. */
export function checkArticleShape(text: string, format: SourceFormat = "markdown"): void {
  if (format !== "markdown") return;
  let marks = 0;
  let paragraphLine = 1;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const [depth, body] = nestingAt(text, start, end);
    if (depth > MAX_NESTING) {
      throw new AppError("BAD_INPUT", `Line ${line} nests lists or quotes ${depth} levels deep; the limit is ${MAX_NESTING}. Flatten the list, or import the text as plain text (.txt).`);
    }
    // A blank line ends a paragraph; a list item or quote marker starts new inline content.
    if (depth > 0 || isBlank(text, start, end)) {
      marks = 0;
      paragraphLine = depth > 0 ? line : line + 1;
    }
    // From after the line's list and quote markers: a 5,000-item "* " list is not emphasis.
    for (let i = body; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 || c === 95) marks++;
    }
    if (marks > MAX_EMPHASIS_MARKS) {
      throw new AppError(
        "BAD_INPUT",
        `The paragraph from line ${paragraphLine} holds over ${MAX_EMPHASIS_MARKS.toLocaleString("en-US")} emphasis marks (* or _); no article does, and Markdown cannot be read in time. Import it as plain text (.txt) instead.`,
      );
    }
    start = end + 1;
  }
}

/** How many list items and block quotes open at the start of text[start, end), and where the line's own text starts. */
function nestingAt(text: string, start: number, end: number): [number, number] {
  let depth = 0;
  let i = start;
  for (;;) {
    while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    if (i >= end) return [depth, i];
    const c = text.charCodeAt(i);
    let after = i + 1;
    if (c !== 62 /* > */ && c !== 45 /* - */ && c !== 42 /* * */ && c !== 43 /* + */) {
      while (after < end && after - i < 10 && text.charCodeAt(after) >= 48 && text.charCodeAt(after) <= 57) after++;
      const isOrdered = c >= 48 && c <= 57 && after < end && (text.charCodeAt(after) === 46 || text.charCodeAt(after) === 41);
      if (!isOrdered) return [depth, i];
      after++;
    }
    // A list marker needs white space (or the line's end) after it; a quote marker does not.
    const next = text.charCodeAt(after);
    if (c !== 62 && after < end && next !== SPACE && next !== TAB) return [depth, i];
    depth++;
    i = after;
  }
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 13) return false;
  }
  return true;
}
