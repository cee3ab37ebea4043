/**
 * Stage 3, split: a sentence that holds two different claims becomes two units.
 *
 * Conservative on purpose: a bad split damages both halves' boundaries, so only one shape is cut, a
 * main clause followed by a comma and a consequence clause that opens with a result verb ("…rose from
 * 36 to 149, yielding significant progress…", "…, which led to…"). Both halves must be long enough
 * to stand as claims of their own.
 */
import { extractQuantities } from "./quantities";
import { trimRange } from "./sentences";
import type { Unit } from "./units";

const CONSEQUENCE =
  /,\s+(?=(?:thereby\s+)?(?:yielding|resulting in|leading to|causing|prompting|contributing to|helping to|bringing|driving|sparking|triggering|which (?:has |have |had )?(?:led|resulted|caused|helped|contributed|prompted|sparked|triggered))\b)/gi;
// Two independent clauses joined by a semicolon ("The rate stays at 11.4 mills; water rates will rise
// by 6%"): each side has its own subject and finite verb.
const SEMICOLON = /;\s+(?=\S)/g;
const CLAUSE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|must|shall|should|stays?|remains?|rose|fell|grew|rises?|falls?|grows?|[a-z]{3,}ed)\b/i;
const MIN_LEFT_WORDS = 6;
const MIN_RIGHT_WORDS = 4;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Splits `unit` at a consequence clause when the main clause carries a figure of its own, so the
 * statistic and the assertion about its effect can be checked (and typed) separately.
 */
export function splitUnit(unit: Unit): Unit[] {
  // A sentence thousands of characters long is not prose a reader split; leave it whole (and linear).
  if (unit.block === "tableRow" || unit.block === "heading" || unit.b - unit.a > 2000) return [unit];
  const text = unit.run.value.slice(unit.a, unit.b);
  CONSEQUENCE.lastIndex = 0;
  for (let m = CONSEQUENCE.exec(text); m; m = CONSEQUENCE.exec(text)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index + m[0].length);
    if (wordCount(left) < MIN_LEFT_WORDS || wordCount(right) < MIN_RIGHT_WORDS) continue;
    // Only a measured main clause is a claim apart from its consequence; "X did Y, causing Z" about
    // one event stays whole.
    if (extractQuantities(left).length === 0) continue;
    const [la, lb] = trimRange(unit.run.value, unit.a, unit.a + m.index);
    const [ra, rb] = trimRange(unit.run.value, unit.a + m.index + m[0].length, unit.b);
    return [
      { ...unit, a: la, b: lb },
      { ...unit, a: ra, b: rb },
    ];
  }
  SEMICOLON.lastIndex = 0;
  for (let m = SEMICOLON.exec(text); m; m = SEMICOLON.exec(text)) {
    const left = text.slice(0, m.index);
    const right = text.slice(m.index + m[0].length);
    if (wordCount(left) < MIN_RIGHT_WORDS || wordCount(right) < MIN_RIGHT_WORDS) continue;
    if (!CLAUSE.test(left) || !CLAUSE.test(right)) continue;
    const [la, lb] = trimRange(unit.run.value, unit.a, unit.a + m.index);
    const [ra, rb] = trimRange(unit.run.value, unit.a + m.index + m[0].length, unit.b);
    return [{ ...unit, a: la, b: lb }, ...splitUnit({ ...unit, a: ra, b: rb })];
  }
  return [unit];
}
