/**
 * Stage 2, units: walks the mdast tree and cuts it into claim units: sentences of paragraphs (via
 * parse-english), list items with their lead-in sentence as context, table rows with their header row
 * as context, and headings whole. In a transcript, sentences are cut per speaker turn and carry the
 * speaker; stage directions are left out (transcript.ts).
 *
 * The walk is iterative so a thousand nested lists or quotes cannot overflow the stack, and it visits
 * blocks in document order so each block's place in the article's plain text is a running sum.
 */
import type { Nodes, Paragraph, Parents, Root, Table } from "mdast";
import { type Range, splitSentences, trimRange } from "./sentences";
import { collectInline, RunBuilder, type TextRun } from "./text-run";
import { isTranscript, speakerTurns, type Turn, withoutStageDirections } from "./transcript";

/** The kind of block a unit comes from; it shapes trimming, filtering and context. */
export type BlockKind = "paragraph" | "heading" | "listItem" | "tableRow" | "footnote";

/** A candidate claim: characters `[a, b)` of one block's text run. */
export interface Unit {
  run: TextRun;
  a: number;
  b: number;
  block: BlockKind;
  /** Lead-in sentence of a list item, header row of a table row. */
  context: string | null;
  /** The whole paragraph is italic or bold: in articles that marks bylines, bios, notes and captions. */
  styled?: boolean;
  /** The whole paragraph is one link: a "related" or navigation link, not a statement. */
  linkOnly?: boolean;
  /** In a transcript, who speaks these words (the "NAME:" label, left out of the unit). */
  speaker?: string;
}

/** Every block's run (for the plain text) and every candidate unit, in document order. */
export interface Units {
  runs: TextRun[];
  units: Unit[];
}

/** Separator between blocks in the article's plain text (see `plainText`). */
export const BLOCK_SEPARATOR = "\n\n";

// A dateline opens a news story or press release ("WASHINGTON (Reuters) — ", "RIVERSIDE, Ohio (AP) — "):
// a city in capitals, an optional state or country, an optional agency, a dash. Where, not what.
const DATELINE =
  /^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z.'’]*(?:\s+[A-Z][A-Za-z.'’]*){0,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+(?=\S)/;
// Punctuation that joins list items into one sentence ("…drugs;", "…assaults, and") is not the claim.
const LIST_JOINER = /(?:\s*[;,.:]\s*(?:and|or|and\/or)?|\s+(?:and|or))\s*$/;

interface Frame {
  node: Nodes;
  parent: Parents | null;
  index: number;
  block: BlockKind;
  context: string | null;
}

/**
 * Cuts the tree into units; `input` is the text the tree's positions point into. When the tree is one
 * chunk of a larger article, `base` is the chunk's offset in the article and `into` the units so far.
 * `runsOnly` builds the runs alone (the same runs), for the plain text (plain-map.ts): cutting
 * paragraphs into sentences was most of the time of that walk, and units are not wanted there.
 */
export function collectUnits(tree: Root, input: string, base = 0, into: Units = { runs: [], units: [] }, { runsOnly = false } = {}): Units {
  const { runs, units } = into;
  const lastSentence = new WeakMap<Nodes, string>();
  const lastRun = runs[runs.length - 1];
  let plain = lastRun ? lastRun.plainStart + lastRun.value.length + BLOCK_SEPARATOR.length : 0;

  const newRun = (build: (b: RunBuilder) => void): TextRun => {
    const builder = new RunBuilder(input);
    build(builder);
    const run = builder.finish(plain, base);
    runs.push(run);
    plain += run.value.length + BLOCK_SEPARATOR.length;
    return run;
  };
  const end = (n: Nodes) => n.position?.end.offset ?? input.length;

  // In a transcript each turn's speaker is carried on its claims, and on to the next paragraph
  // until another label opens a turn (transcript.ts).
  const transcript = !runsOnly && isTranscript(input);
  let speaker: string | null = null;

  const stack: Frame[] = [{ node: tree, parent: null, index: 0, block: "paragraph", context: null }];
  while (stack.length > 0) {
    const { node, parent, index, block, context } = stack.pop()!;
    switch (node.type) {
      case "paragraph": {
        const run = newRun((b) => collectInline(node, b, end(node)));
        if (runsOnly) break;
        const shape = paragraphShape(node);
        const turns: Turn[] = transcript ? speakerTurns(run.value, speaker) : [{ speaker: null, start: 0, end: run.value.length }];
        let last: Range | undefined;
        for (const turn of turns) {
          speaker = turn.speaker;
          const sentences = splitSentences(run.value.slice(turn.start, turn.end)).map(([a, b]): Range => [a + turn.start, b + turn.start]);
          sentences.forEach(([a0, b0], i) => {
            let a = a0;
            let b = b0;
            if (i === 0 && !transcript) a += DATELINE.exec(run.value.slice(a, Math.min(b, a + 80)))?.[0].length ?? 0;
            if (block === "listItem" && i === sentences.length - 1) b = a + run.value.slice(a, b).replace(LIST_JOINER, "").length;
            const pieces = transcript ? withoutStageDirections(run.value, a, b) : [[a, b] as Range];
            for (const piece of pieces) {
              const [x, y] = trimRange(run.value, piece[0], piece[1]);
              if (y > x) units.push({ run, a: x, b: y, block, context, ...shape, ...(turn.speaker ? { speaker: turn.speaker } : {}) });
            }
          });
          last = sentences[sentences.length - 1] ?? last;
        }
        if (last) lastSentence.set(node, run.value.slice(last[0], last[1]));
        break;
      }
      case "heading": {
        speaker = null;
        const run = newRun((b) => collectInline(node, b, end(node)));
        const [a, b] = trimRange(run.value, 0, run.value.length);
        if (b > a) units.push({ run, a, b, block: "heading", context: null });
        break;
      }
      case "table":
        tableUnits(node, newRun, units, end(node));
        break;
      case "list": {
        const before = parent && index > 0 ? parent.children[index - 1] : undefined;
        const leadIn = before && before.type === "paragraph" ? (lastSentence.get(before) ?? null) : null;
        pushChildren(stack, node, "listItem", leadIn ?? context);
        break;
      }
      case "root":
      case "blockquote":
      case "listItem":
        pushChildren(stack, node, block, context);
        break;
      case "footnoteDefinition":
        pushChildren(stack, node, "footnote", null);
        break;
      default:
        // Code, HTML, front matter, definitions, thematic breaks: not prose, never a claim.
        break;
    }
  }
  return into;
}

/** Whether a paragraph is wholly styled (italic/bold) or wholly one link. */
function paragraphShape(node: Paragraph): { styled: boolean; linkOnly: boolean } {
  let kids = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  let styled = false;
  while (kids.length === 1 && (kids[0]!.type === "emphasis" || kids[0]!.type === "strong")) {
    styled = true;
    const inner = kids[0] as Parents;
    kids = (inner.children as Nodes[]).filter((c) => !(c.type === "text" && c.value.trim() === "")) as typeof kids;
  }
  const linkOnly = kids.length === 1 && (kids[0]!.type === "link" || kids[0]!.type === "linkReference");
  return { styled, linkOnly };
}

function pushChildren(stack: Frame[], node: Parents, block: BlockKind, context: string | null): void {
  for (let i = node.children.length - 1; i >= 0; i--) {
    stack.push({ node: node.children[i] as Nodes, parent: node, index: i, block, context });
  }
}

/** Each body row of a table is a unit whose context is the header row; cells are joined by " | ". */
function tableUnits(table: Table, newRun: (build: (b: RunBuilder) => void) => TextRun, units: Unit[], fallbackEnd: number): void {
  let header: string | null = null;
  table.children.forEach((row, r) => {
    const run = newRun((builder) => {
      row.children.forEach((cell, c) => {
        if (c > 0) builder.addSynthetic(" | ", cell.position?.start.offset ?? builder.lastOffset(fallbackEnd));
        collectInline(cell, builder, cell.position?.end.offset ?? fallbackEnd);
      });
    });
    if (r === 0) {
      header = run.value.trim() || null;
      return;
    }
    const [a, b] = trimRange(run.value, 0, run.value.length);
    if (b > a && /[\p{L}\d]/u.test(run.value)) units.push({ run, a, b, block: "tableRow", context: header });
  });
}

/** The words of a unit. */
export const unitText = (unit: Unit): string => unit.run.value.slice(unit.a, unit.b);

