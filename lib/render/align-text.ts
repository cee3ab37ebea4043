/**
 * Maps each character of a text node's value to its offset in the Markdown source. Usually the value
 * is the source slice itself; where Markdown escapes ("\*") or character references ("&amp;") make
 * them differ, a greedy left-to-right alignment finds each character in the slice, so offsets stay
 * exact for every character that is written literally in the source.
 */
export function alignValueToSource(value: string, source: string, start: number, end: number): number[] {
  const offsets = new Array<number>(value.length + 1);
  if (end - start === value.length && source.slice(start, end) === value) {
    for (let i = 0; i <= value.length; i++) offsets[i] = start + i;
    return offsets;
  }
  let cursor = start;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (source[cursor] === char) {
      offsets[i] = cursor++;
      continue;
    }
    // An escaped character: "\*" in the source is "*" in the text.
    if (source[cursor] === "\\" && source[cursor + 1] === char) {
      offsets[i] = cursor + 1;
      cursor += 2;
      continue;
    }
    // A character reference ("&amp;", "&#36;") stands for exactly one character of the text.
    const reference = source[cursor] === "&" ? CHARACTER_REFERENCE.exec(source.slice(cursor, cursor + 40)) : null;
    if (reference) {
      offsets[i] = cursor;
      cursor += reference[0].length;
      continue;
    }
    // Anything else (a soft line break folded, say): find the character ahead, or stay put.
    const found = source.indexOf(char, cursor);
    if (found === -1 || found >= end) {
      offsets[i] = Math.min(cursor, end);
    } else {
      offsets[i] = found;
      cursor = found + 1;
    }
  }
  offsets[value.length] = end;
  return offsets;
}

const CHARACTER_REFERENCE = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/;
