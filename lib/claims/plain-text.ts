/**
 * Plain text as an mdast tree whose text nodes are exact slices of the input.
 *
 * Plain text is not Markdown: a `*` or `#` in it is just a character, and `  • item` is a bullet that
 * Markdown would not recognise. Parsing it as Markdown would both invent syntax and shift offsets, so
 * we read the shapes plain-text articles actually have (blank-line paragraphs, bullet and numbered
 * lines) and keep every offset pointing into the input itself.
 */
import type { List, ListItem, Paragraph, Root, RootContent, Text } from "mdast";
import type { Point } from "unist";

/** A line that starts with a bullet ("•", "-", "*", "–", "·") or a number ("1." / "1)"). */
const BULLET = /^([ \t]*)([•·▪◦‣●○■□\-*–+]|\d{1,3}[.)])[ \t]+(?=\S)/;

interface Line {
  start: number;
  end: number;
  index: number;
}

function* lines(input: string): Generator<Line> {
  let start = 0;
  let index = 0;
  while (start <= input.length) {
    let end = input.indexOf("\n", start);
    if (end === -1) end = input.length;
    const trimmedEnd = end > start && input.charCodeAt(end - 1) === 13 ? end - 1 : end;
    yield { start, end: trimmedEnd, index };
    index++;
    start = end + 1;
  }
}

function point(line: number, column: number, offset: number): Point {
  return { line: line + 1, column: column + 1, offset };
}

function textNode(input: string, start: number, end: number, line: number, column: number): Text {
  return {
    type: "text",
    value: input.slice(start, end),
    position: { start: point(line, column, start), end: point(line, column + end - start, end) },
  };
}

function paragraph(text: Text): Paragraph {
  return { type: "paragraph", children: [text], position: text.position };
}

/**
 * Reads plain text into mdast: blank lines separate paragraphs, bullet or numbered lines become list
 * items, an indented line after a bullet continues that item. Never throws.
 */
export function parsePlainText(input: string): Root {
  const children: RootContent[] = [];
  let para: { start: number; end: number; line: number; column: number } | null = null;
  let list: List | null = null;
  let item: { start: number; end: number; line: number; column: number } | null = null;

  const closePara = () => {
    if (para) children.push(paragraph(textNode(input, para.start, para.end, para.line, para.column)));
    para = null;
  };
  const closeItem = () => {
    if (item && list) {
      const text = textNode(input, item.start, item.end, item.line, item.column);
      const li: ListItem = { type: "listItem", spread: false, children: [paragraph(text)], position: text.position };
      list.children.push(li);
    }
    item = null;
  };
  const closeList = () => {
    closeItem();
    if (list && list.children.length > 0) {
      const first = list.children[0]!;
      const last = list.children[list.children.length - 1]!;
      list.position = { start: first.position!.start, end: last.position!.end };
      children.push(list);
    }
    list = null;
  };

  for (const line of lines(input)) {
    const raw = input.slice(line.start, line.end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) {
      closePara();
      closeList();
      continue;
    }
    const from = line.start + lead;
    const to = line.start + raw.trimEnd().length;
    const bullet = BULLET.exec(raw);
    if (bullet) {
      closePara();
      closeItem();
      if (!list) list = { type: "list", ordered: /\d/.test(bullet[2] ?? ""), spread: false, children: [] };
      const at = line.start + bullet[0].length;
      item = { start: at, end: to, line: line.index, column: bullet[0].length };
      continue;
    }
    if (item && lead > 0) {
      item.end = to;
      continue;
    }
    closeList();
    if (para) para.end = to;
    else para = { start: from, end: to, line: line.index, column: lead };
  }
  closePara();
  closeList();
  const end = point(0, 0, input.length);
  return { type: "root", children, position: { start: point(0, 0, 0), end } };
}
