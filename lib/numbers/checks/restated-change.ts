/**
 * A change restated with another value: "would raise property taxes by 6.5%" and later "the proposed
 * 5.6% increase". The later mention points back ("the", "the proposed") and names no other thing
 * ("the 3% increase in wages" is another change); the earlier must be the article's one stated
 * change that way (up or down) in percent before it, so two changes are never taken for one.
 */
import { changeStatement } from "../cues";
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { overlaps } from "../interval";
import type { NumberFinding } from "../types";

const BACK = /\bthe\s+(?:(?:proposed|planned|approved|promised|agreed|expected|projected|announced|requested)\s+)?$/i;
const NOUN = /^\s+(increase|rise|hike|raise|jump|cut|decrease|reduction|drop|decline)\b(?!\s+(?:in|of|for|on|to)\b)/i;
const UP = /^(?:increase|rise|hike|raise|jump)$/i;

/** Percent changes pointed back to with another value than the article's one change of that way before them. */
export function checkRestatedChanges(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  const stated: { read: ReadClaim; f: Figure; direction: number }[] = [];
  for (const read of claims) {
    const { text } = read.claim;
    for (const f of read.figures) {
      if (f.unit !== "percent") continue;
      const noun = BACK.test(text.slice(Math.max(0, f.at - 30), f.at)) ? NOUN.exec(text.slice(f.end, f.end + 40)) : null;
      if (noun) {
        const direction = UP.test(noun[1] ?? "") ? 1 : -1;
        const before = stated.filter((s) => s.direction === direction);
        const first = before[0];
        if (before.length === 1 && first && !overlaps(first.f.range, f.range)) {
          out.push(
            finding("restated", {
              claims: [read, first.read],
              message: `The ${direction > 0 ? "increase" : "cut"} is given as ${first.f.raw} and later as ${f.raw}`,
              computation: `${first.f.raw} ≠ ${f.raw}`,
              expected: first.f.raw,
              stated: f.raw,
              tolerance: `${f.tolerance}; ${first.f.raw}: ${first.f.tolerance}`,
            }),
          );
        }
        continue;
      }
      const s = changeStatement(text, f, read.figures);
      if (s && s.direction !== 0) stated.push({ read, f, direction: s.direction });
    }
  }
  return out;
}
