import DiffMatchPatch from "diff-match-patch";
import { diffTexts } from "@/lib/anchoring/text-diff";

/** One run of a comparison: text both have, text only the old one had, text only the new one has. */
export type TextChange = { kind: "same" | "deleted" | "inserted"; text: string };

const KINDS = { [-1]: "deleted", 0: "same", 1: "inserted" } as const;

/** Words, runs of spaces, and single other characters: a changed number shows as "149" → "150", not "49" → "50". */
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}'’-]*|\p{N}[\p{N},.]*\p{N}|\p{N}|\s+|[^]/gu;

/**
 * Tokens are encoded as the code units 1…MAX_TOKENS, kept below the surrogates (U+D800) so no two
 * codes ever pair up; an article with more distinct tokens falls back to the sentence-first diff.
 */
const MAX_TOKENS = 55_000;

/**
 * The changes from `oldText` to `newText`, word by word, as runs for <del>/<ins> markup: the
 * revision diff view and a changed claim's before/after both read it. Pure (no Prisma, no React),
 * so client components can use it. Like diff-match-patch's line mode, each distinct token is
 * encoded as one character and the encoded strings are diffed.
 */
export function textChanges(oldText: string, newText: string): TextChange[] {
  const codes = new Map<string, string>();
  const table: string[] = [];
  const encode = (text: string): string | null => {
    let out = "";
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        if (table.length >= MAX_TOKENS) return null;
        code = String.fromCharCode(table.length + 1);
        codes.set(token, code);
        table.push(token);
      }
      out += code;
    }
    return out;
  };
  const a = encode(oldText);
  const b = a === null ? null : encode(newText);
  if (a === null || b === null) return diffTexts(oldText, newText).map(([op, text]) => ({ kind: KINDS[op], text }));
  const dmp = new DiffMatchPatch();
  const runs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(runs);
  return runs.map(([op, chars]) => ({
    kind: KINDS[op as -1 | 0 | 1],
    text: decode(chars, table),
  }));
}

function decode(chars: string, table: readonly string[]): string {
  let out = "";
  for (let i = 0; i < chars.length; i++) out += table[chars.charCodeAt(i) - 1] ?? "";
  return out;
}
