/**
 * Sums whose first part comes before the whole's other parts, or whose parts go on into the next
 * sentence:
 * - "Twelve of the 20 council seats went to Democrats, six to Republicans and four to independents":
 *   the first part names the whole ("N of the M"), the others follow it, as under "Of the 20 seats, …";
 * - "The 48 new hires include 20 nurses. Another 18 are technicians, and the remaining 14 work in
 *   administration": parts after "include" go on with "Another", and "the remaining" closes the whole;
 * - "Voters cast 12,000 ballots. Smith won 6,100 votes, Jones 4,200 and Lee 2,100": the candidates'
 *   votes cannot be more than the ballots cast (fewer is blank ballots, so only an excess counts).
 */
import { changeStatement } from "../cues";
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import type { NumberFinding } from "../types";
import { disagreement, type Judged } from "./sum";

const isAmount = (f: Figure) => f.unit !== "percent" && f.unit !== "points" && !/^(?:19|20)\d\d$/.test(f.raw);
const PART_OF = /^(?:about\s+|some\s+|nearly\s+)?$/i;
const REST = /\b(?:the remaining|the rest|the other|remainder)\b/i;
const INCLUDE = /\b(?:include|includes|included|including|are|were)\s+(?:about\s+|some\s+|nearly\s+)?$/i;
const ANOTHER = /^(?:another|a further|the other|the remaining|and another)\b/i;
const CAST = /\b(?:cast|counted|turned in|returned)\b[^.]{0,30}$/i;
const BALLOTS = /^\s+(?:[a-z]+\s+)?(?:ballots|votes)\b/i;
// The sentence after opens on the first candidate and their votes: "Smith won 6,100 votes" (not
// "Statewide, Smith won …" or "In the 2022 race, …", votes of another count).
const WON = /^(?:[A-Z][\w'’.-]*\s+){1,3}(?:won|received|got|took|drew|polled|had)\s+(?:about\s+|some\s+|nearly\s+)?$/;

/** Parts and wholes over the wordings above. */
export function sumsAcross(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const judged = firstPartFirst(read) ?? includesThenAnother(read, claims[i + 1]) ?? votesOverBallots(read, claims[i + 1]);
    if (!judged) return;
    const d = disagreement(judged);
    if (!d) return;
    out.push(finding("sum", { claims: judged.claims, message: `The parts add up to ${d.expected}, ${d.verdict}`, computation: d.computation, expected: d.expected, stated: d.stated, tolerance: d.tolerance }));
  });
  return out;
}

type Found = Judged & { claims: ReadClaim[] };

/** "Twelve of the 20 council seats went to Democrats, six to Republicans and four to independents." */
function firstPartFirst(read: ReadClaim): Found | null {
  const { text } = read.claim;
  const [first, whole] = read.figures;
  if (!first || !whole || !isAmount(first) || first.unit !== whole.unit || !PART_OF.test(text.slice(0, first.at)) || !/^\s+of\s+(?:the|its|their)\s+$/i.test(text.slice(first.end, whole.at))) return null;
  const comma = text.indexOf(",", whole.end);
  if (comma < 0) return null;
  const rest = read.figures.filter((f) => f.at > comma && f.unit === whole.unit && isAmount(f) && !changeStatement(text, f) && !/\bof\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, f.at - 8), f.at)));
  if (rest.length < 2) return null;
  const parts = [first, ...rest];
  return { parts, whole, exhaustive: parts.length >= 3 || REST.test(text), claims: [read] };
}

/** "The 48 new hires include 20 nurses. Another 18 are technicians, and the remaining 14 …" */
function includesThenAnother(read: ReadClaim, next: ReadClaim | undefined): Found | null {
  if (!next || !ANOTHER.test(next.claim.text)) return null;
  const { text } = read.claim;
  const amounts = read.figures.filter(isAmount);
  const [whole, first] = amounts;
  if (amounts.length !== 2 || !whole || !first || whole.unit !== first.unit || !INCLUDE.test(text.slice(whole.end, first.at))) return null;
  // Every number of the sentence must be read, or a part left out would make a false shortfall.
  if ((next.claim.text.match(/\d[\d,.]*/g) ?? []).length !== next.figures.filter((f) => /\d/.test(f.raw)).length) return null;
  const more = next.figures.filter((f) => isAmount(f) && f.unit === whole.unit && !changeStatement(next.claim.text, f));
  if (more.length === 0 || more.length !== next.figures.filter(isAmount).length) return null;
  return { parts: [first, ...more], whole, exhaustive: REST.test(next.claim.text), claims: [read, next] };
}

/** "Voters cast 12,000 ballots. Smith won 6,100 votes, Jones 4,200 and Lee 2,100." */
function votesOverBallots(read: ReadClaim, next: ReadClaim | undefined): Found | null {
  if (!next) return null;
  const { text } = read.claim;
  const ballots = read.figures.filter((f) => isAmount(f) && f.unit === null && CAST.test(text.slice(0, f.at)) && BALLOTS.test(text.slice(f.end)));
  const whole = ballots[0];
  if (ballots.length !== 1 || !whole || read.figures.filter(isAmount).length !== 1) return null;
  const votes = next.figures.filter((f) => isAmount(f) && f.unit === null);
  const first = votes[0];
  if (votes.length < 2 || !first || !WON.test(next.claim.text.slice(0, first.at)) || votes.some((f) => changeStatement(next.claim.text, f))) return null;
  return { parts: votes, whole, exhaustive: false, claims: [next, read] };
}
