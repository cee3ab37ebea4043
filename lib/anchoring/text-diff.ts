/**
 * The diff between two revisions, computed once per import so each claim's old offsets can be mapped
 * to where the claim should now be (text-position.ts).
 *
 * A character diff of two 300 KB articles is too slow (Myers is O(N·D)) and diff-match-patch gives up
 * after its time limit with a coarse answer. So, like diff-match-patch's own line mode, we diff
 * coarse units first (sentences and lines, each encoded as one character), then diff only the
 * changed stretches character by character. Sentence units, not lines, because imported text may
 * have whole articles on one line.
 */
import DiffMatchPatch from "diff-match-patch";

/** -1 deleted from the old text, 0 kept, 1 inserted in the new text (diff-match-patch's codes). */
export type DiffOp = -1 | 0 | 1;

/** One run of a diff: an operation and the text it covers. */
export type DiffRun = [DiffOp, string];

const DELETE = -1;
const EQUAL = 0;
const INSERT = 1;

/** One encoded character per distinct unit; beyond this the encoding would run out of code units. */
const MAX_UNITS = 65_000;

/**
 * Splits `text` into units ending after a sentence end and its spaces, or after a line break. The
 * units joined give back `text` exactly.
 */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/[.!?]+["'”’)\]]*\s+|\n+/g)) {
    const end = m.index + m[0].length;
    units.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) units.push(text.slice(last));
  return units;
}

/** Diffs `oldText` against `newText`: equal runs are text the new revision kept unchanged. */
export function diffTexts(oldText: string, newText: string): DiffRun[] {
  const dmp = new DiffMatchPatch();
  if (oldText === newText) return oldText ? [[EQUAL, oldText]] : [];
  const encoded = encodeUnits(splitUnits(oldText), splitUnits(newText));
  if (!encoded) {
    // Too many distinct sentences to encode: let diff-match-patch's own line mode cope.
    return dmp.diff_main(oldText, newText, true) as DiffRun[];
  }
  const unitDiff = dmp.diff_main(encoded.a, encoded.b, false);
  const runs: DiffRun[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted && inserted) {
      // A changed stretch: diff it by character so an edit inside a sentence keeps the rest equal.
      const fine = dmp.diff_main(deleted, inserted, false);
      dmp.diff_cleanupSemantic(fine);
      for (const run of fine) runs.push(run as DiffRun);
    } else if (deleted) runs.push([DELETE, deleted]);
    else if (inserted) runs.push([INSERT, inserted]);
    deleted = "";
    inserted = "";
  };
  for (const [op, chars] of unitDiff) {
    const text = encoded.decode(chars);
    if (op === DELETE) deleted += text;
    else if (op === INSERT) inserted += text;
    else {
      flush();
      runs.push([EQUAL, text]);
    }
  }
  flush();
  return runs;
}

/** Each distinct unit as one character, so diff-match-patch diffs sentences as it would letters. */
function encodeUnits(
  unitsA: string[],
  unitsB: string[],
): { a: string; b: string; decode: (chars: string) => string } | null {
  const codes = new Map<string, number>();
  const table: string[] = [""];
  const encode = (units: string[]): string | null => {
    const chars: string[] = [];
    for (const unit of units) {
      let code = codes.get(unit);
      if (code === undefined) {
        code = table.length;
        if (code > MAX_UNITS) return null;
        codes.set(unit, code);
        table.push(unit);
      }
      chars.push(String.fromCharCode(code));
    }
    return chars.join("");
  };
  const a = encode(unitsA);
  const b = a === null ? null : encode(unitsB);
  if (a === null || b === null) return null;
  const decode = (chars: string) => {
    let out = "";
    for (let i = 0; i < chars.length; i++) out += table[chars.charCodeAt(i)] ?? "";
    return out;
  };
  return { a, b, decode };
}
