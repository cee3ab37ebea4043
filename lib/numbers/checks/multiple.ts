/**
 * Multiples: "doubled", "tripled", "halved", "five-fold", "three times" against the two figures they
 * describe. A plain "doubled" admits 1.8–2.2×, the way reporters round; "nearly doubled" 1.7–2×,
 * "roughly doubled" 1.6–2.4×, "more than doubled" anything from 2× up.
 */
import { changePairs, changeStatement, type Pair, sameClause } from "../cues";
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { divide, formatNumber, type Interval, overlaps } from "../interval";
import type { NumberFinding } from "../types";

const SMALL: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };
const WORDS =
  /\b(doubled|doubling|doubles|double|twice|half as (?=many|much|large|high|big|great|long|often)|tripled|tripling|triples|triple|quadrupled|quadrupling|quintupled|halved|halving|cut in half|(?:cut|fell|fallen|dropped|reduced|declined|shrunk|shrank|slashed|decreased|down) by half|(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty)[- ]?fold|(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty) times (?=as|more|higher|larger|bigger|greater|the|that|what|over)(more)?)\b/gi;
const HEDGE_BEFORE = /\b(nearly|almost|close to|just under|roughly|about|around|approximately|more than|over|at least|less than)\s+(?:(?:has|have|had|was|were|is|are)\s+)?$/i;
// The base a multiple is taken of when no "from" names it: "double the 186,000", "three times the 24".
const BASE_BEFORE = /\b(?:double|twice|triple|half|times|fold|than)\s+(?:(?:as\s+(?:many|much|large|high|big|great|long|often)\s+(?:[\w-]+\s+){0,3}?as|that of|what)\s+)?(?:the\s+|(?:[\w'’]+\s+)?[\w'’]+['’]s\s+)?(?:about\s+|roughly\s+)?$/i;
// Or named, then given in a clause: "twice as many as neighbouring Ashby, which issued 890", "half as
// many as in 2005, when 620 were on the rolls", "three times the output of the old one, which made 450".
const BASE_CLAUSE = /^(?:twice|double|triple|half|[\w.]+\s+times|[\w-]+fold)\s+(?:as\s+(?:many|much|large|high|big|great|long|often)\s+(?:[\w-]+\s+){0,3}?as|the\s+[\w-]+\s+(?:of|at|in))\s+[^.;,]{1,40},\s*(?:which|who|when|where|that)\s+(?:[\w'’]+\s+){0,3}?(?:about\s+|roughly\s+|only\s+|just\s+)?$/i;

interface Multiple {
  factor: number;
  /** "n times more" may mean n or n + 1 times as many. */
  alternatives: number[];
  words: string;
  hedge: string | null;
  at: number;
  end: number;
}

function multiplesOf(text: string): Multiple[] {
  const out: Multiple[] = [];
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const w = (m[1] ?? "").toLowerCase();
    const n = m[2] ?? m[3];
    const factor = n ? (SMALL[n.toLowerCase()] ?? Number(n)) : /doubl|twice/.test(w) ? 2 : /tripl/.test(w) ? 3 : /quadrupl/.test(w) ? 4 : /quintupl/.test(w) ? 5 : 0.5;
    if (!Number.isFinite(factor) || factor <= 0 || factor === 1) continue;
    const hedge = HEDGE_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase() ?? null;
    out.push({ factor, alternatives: m[4] ? [factor, factor + 1] : [factor], words: `${hedge ? `${hedge} ` : ""}${m[0]}`, hedge, at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** What a multiple with this hedge admits as a growth factor (≥ 1, "halved" read as 2× down). */
function admitted(factor: number, hedge: string | null): { range: Interval; words: string } {
  const f = factor < 1 ? 1 / factor : factor;
  switch (hedge) {
    case "nearly":
    case "almost":
    case "close to":
    case "just under":
      return { range: [0.85 * f, 1.02 * f], words: `${formatNumber(0.85 * f)}× to ${formatNumber(1.02 * f)}× ("${hedge}")` };
    case "more than":
    case "over":
    case "at least":
      return { range: [0.98 * f, Number.POSITIVE_INFINITY], words: `${formatNumber(0.98 * f)}× or more ("${hedge}")` };
    case "less than":
      return { range: [0, 1.02 * f], words: `up to ${formatNumber(1.02 * f)}× ("${hedge}")` };
    case null:
      return { range: [0.9 * f, 1.1 * f], words: `${formatNumber(0.9 * f)}× to ${formatNumber(1.1 * f)}× (a multiple in words, ±10%)` };
    default:
      return { range: [0.8 * f, 1.2 * f], words: `${formatNumber(0.8 * f)}× to ${formatNumber(1.2 * f)}× ("${hedge}")` };
  }
}

/** The figures a multiple speaks of: the nearest before/after pair, or "N, double the M". */
function pairFor(text: string, figures: Figure[], pairs: Pair[], m: Multiple): Pair | null {
  const near = pairs.filter((p) => sameClause(text, Math.min(m.at, p.from.at, p.to.at), Math.max(m.at, p.from.at, p.to.at)) || Math.abs(m.at - p.from.at) < 60);
  const byDistance = (p: Pair) => Math.min(Math.abs(p.from.at - m.at), Math.abs(p.to.at - m.at));
  if (near.length > 0) return near.sort((a, b) => byDistance(a) - byDistance(b))[0]!;
  const base = figures.find((f) => f.at >= m.end && ((f.at - m.end < 40 && BASE_BEFORE.test(text.slice(m.at, f.at))) || (f.at - m.end < 90 && BASE_CLAUSE.test(text.slice(m.at, f.at)))));
  if (!base) return null;
  const to = figures.filter((f) => f.end <= m.at && f.unit === base.unit && m.at - f.end < 80).pop();
  return to ? { from: base, to } : null;
}

const amounts = (c: ReadClaim) => c.figures.filter((f) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw) && !/^(?:19|20)\d\d$/.test(f.raw));
const nouns = (f: Figure) => new Set((f.counted ?? "").toLowerCase().split(/\s+/).filter((w) => w.length > 2).map((w) => w.replace(/e?s$/, "")));
/** "… has three times as many", "… triple the number": the multiple is of the same thing as before. */
const APPOSED = /^\s*(?:[a-z]+\s+){0,1}?,?\s*(?:(?:which|that)\s+is\s+|or\s+|has\s+|have\s+|is\s+|are\s+)?(?:nearly\s+|almost\s+|about\s+|roughly\s+|more than\s+|over\s+|close to\s+|just under\s+)?$/i;
const SAME_THING_AFTER = /^\s*(?:as\s+(?:many|much)\b|the\s+(?:number|total|figure|count|amount|level)\b|that\b|what\b|[.;]|$)/i;

/**
 * "The town had 40 food trucks in 2020. It now has 100, more than triple the number"; "Pine County
 * has 12 fire stations. Oak County, with 30, has three times as many": the one figure here against
 * the one figure of that kind in the sentence before, when both count one thing.
 */
function baseBefore(previous: ReadClaim | undefined, read: ReadClaim, m: Multiple): Pair | null {
  if (!previous) return null;
  const here = amounts(read);
  const to = here[0];
  // The multiple says what the figure is ("It now has 100, more than triple the number"), not a
  // clause of its own ("It now has 320, and crime has doubled").
  if (here.length !== 1 || !to || to.end > m.at || !APPOSED.test(read.claim.text.slice(to.end, m.at))) return null;
  const befores = amounts(previous).filter((f) => f.unit === to.unit);
  const from = befores[0];
  if (befores.length !== 1 || !from || previous.figures.some((f) => changeStatement(previous.claim.text, f)) || multiplesOf(previous.claim.text).length > 0) return null;
  const [a, b] = [nouns(to), nouns(from)];
  const shared = [...a].some((w) => b.has(w));
  return shared || (a.size === 0 && SAME_THING_AFTER.test(read.claim.text.slice(m.end))) ? { from, to } : null;
}

/** "Cycling trips doubled. Counters logged 9,000 trips, compared with 4,000": the one pair of the sentence after, counting the subject. */
function withPairAfter(read: ReadClaim, next: ReadClaim | undefined, m: Multiple): Pair | null {
  if (!next || amounts(read).length > 0 || multiplesOf(next.claim.text).length > 0) return null;
  const stated = new Set(next.figures.filter((f) => changeStatement(next.claim.text, f, next.figures)));
  const pairs = changePairs(next.claim.text, next.figures, stated);
  if (stated.size > 0) return null;
  // "We cut the backlog in half. When I came in there were 900 applications waiting; today there are 600."
  const thenNow = pairs.length === 0 ? thenAndNow(next) : null;
  if (!thenNow && pairs.length !== 1) return null;
  const subject = new Set((read.claim.text.slice(0, m.at).toLowerCase().match(/[a-z]{3,}/g) ?? []).map((w) => w.replace(/e?s$/, "")));
  const pair = thenNow ?? pairs[0]!;
  // The pair counts the multiple's subject ("Cycling trips doubled" and "9,000 trips"), or is money
  // for a subject that is ("Rents doubled" and "they paid $900; today they pay $1,400").
  const money = pair.from.unit !== null && /^[A-Z]{3}$/.test(pair.from.unit) && MONEY_SUBJECT.test(read.claim.text.slice(0, m.at));
  return money || [...nouns(pair.from), ...nouns(pair.to)].some((w) => subject.has(w)) ? pair : null;
}

const MONEY_SUBJECT = /\b(?:rents?|prices?|fares?|costs?|tax(?:es)?|salar(?:y|ies)|wages?|fees?|bills?|tuition|budgets?|spending|premiums?|tolls?)\b/i;
const THEN = /^(?:when|back when|back in|in|at the start|before)\b/i;
const NOW = /\b(?:today|now|these days|currently|this year)\b/i;

/** A sentence that opens on a past time and gives one figure then and one now, in one unit. */
function thenAndNow(next: ReadClaim): Pair | null {
  const { text } = next.claim;
  const figures = amounts(next);
  if (!THEN.test(text) || figures.length !== 2) return null;
  const [from, to] = figures as [Figure, Figure];
  return from.unit === to.unit && NOW.test(text.slice(from.end, to.at)) && !NOW.test(text.slice(0, from.at)) ? { from, to } : null;
}

/** Multiples in words that the figures they describe do not bear out. */
export function checkMultiples(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const [i, read] of claims.entries()) {
    const { text } = read.claim;
    const multiples = multiplesOf(text);
    if (multiples.length === 0) continue;
    const stated = new Set(read.figures.filter((f) => changeStatement(text, f)));
    const pairs = changePairs(text, read.figures, stated);
    for (const m of multiples) {
      const across = pairFor(text, read.figures, pairs, m) ? null : baseBefore(claims[i - 1], read, m) ?? withPairAfter(read, claims[i + 1], m);
      const pair = pairFor(text, read.figures, pairs, m) ?? across;
      if (!pair || pair.from.value <= 0 || pair.to.value <= 0) continue;
      const { from, to } = pair;
      // Compare as a growth factor ≥ 1 either way, so "halved" and "doubled" share one tolerance.
      const down = m.factor < 1;
      const ratio = down ? divide(from.cited, to.cited) : divide(to.cited, from.cited);
      const fits = m.alternatives.some((a) => overlaps(ratio, admitted(a, m.hedge).range));
      if (fits) continue;
      const actual = down ? from.value / to.value : to.value / from.value;
      const expected = down ? `÷${formatNumber(actual, 2)}` : `×${formatNumber(actual, 2)}`;
      const statedFactor = down ? `÷${formatNumber(1 / m.factor)}` : `×${m.alternatives.map((a) => formatNumber(a)).join(" or ×")}`;
      out.push(
        finding("multiple", {
          claims: across ? [read, ...[claims[i - 1], claims[i + 1]].filter((c): c is ReadClaim => c !== undefined && c.figures.some((f) => f === from || f === to))] : [read],
          message: `${from.raw} → ${to.raw} is ${expected}, the text says '${m.words}'`,
          computation: down ? `${formatNumber(from.value)} / ${formatNumber(to.value)} = ${formatNumber(actual, 2)}` : `${formatNumber(to.value)} / ${formatNumber(from.value)} = ${formatNumber(actual, 2)}`,
          expected,
          stated: statedFactor,
          tolerance: `${admitted(m.factor, m.hedge).words}; the cited figures' rounding, up to 1% each, is allowed for`,
        }),
      );
    }
  }
  return out;
}
