/**
 * Changes whose before and after figures are in other sentences than the stated change: the before
 * in the sentence before ("had 1,200 shelter beds in 2019. By 2023 it had 1,500 beds, a 40%
 * increase"), the after there ("That was up from 10 million"), both further back ("was $8,000. Today
 * it's $9,200. That's a 12% increase"), or the pair in the sentence after ("Crime fell by nearly a
 * third last year. There were 900 reported crimes, compared with 1,100 the year before").
 */
import { changePairs, changeStatement, type Pair } from "../cues";
import type { Figure, ReadClaim } from "../figures";

/**
 * "The county had 1,200 shelter beds in 2019. By 2023 it had 1,500 beds, a 40% increase": the
 * before figure in the sentence before. Only when each sentence holds one figure of that kind and
 * both name what they count with the same word, so an unrelated figure is never taken for the base.
 */
export function pairAcross(previous: ReadClaim | undefined, read: ReadClaim, stated: Figure, statements: Set<Figure>): Pair | null {
  if (!previous) return null;
  const kind = (f: Figure) => f.unit !== "percent" && f.unit !== "points";
  const back = backFrom(previous, read, stated, statements);
  if (back) return back;
  const afters = read.figures.filter((f) => !statements.has(f) && kind(f) && f.end <= stated.at);
  const to = afters[afters.length - 1];
  if (!to || afters.filter((f) => f.unit === to.unit).length !== 1) return null;
  const befores = previous.figures.filter((f) => f.unit === to.unit);
  const from = befores[0];
  if (!from || befores.length !== 1 || previous.figures.some((f) => changeStatement(previous.claim.text, f))) return null;
  const shared = [...words(to)].some((w) => words(from).has(w));
  // "served 4,000 families in 2022. Last year it served 5,000": the subject points back and the verb
  // is the one before, or "Fares were $2.50 last year. This year they are $3.00".
  const pointsBack = words(to).size === 0 && PRONOUN_SUBJECT.test(read.claim.text.slice(0, to.at)) && sameVerb(previous.claim.text.slice(0, from.at), read.claim.text.slice(0, to.at));
  return shared || pointsBack ? { from, to } : null;
}

const PRONOUN_SUBJECT = /(?:^|[,.]\s*|\b(?:year|month|week|today|now|then|since|by\s+\w+),?\s+)(?:it|they|she|he|we)\s+(?:\w+\s+){0,2}$/i;
/** The last verb-like word before each figure ("served", "are"/"were"): the same, or both a form of "be". */
function sameVerb(a: string, b: string): boolean {
  const last = (t: string) => (t.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !/^(?:about|roughly|nearly|some|to|at|of|the|a|an|it|they|she|he|we|had|has|have|been|just|only)$/.test(w)).pop() ?? "";
  const be = /^(?:is|are|was|were|be|stood|stands|stand|totalled|totaled|totals|reached|hit)$/;
  const [x, y] = [last(a), last(b)];
  return x === y || (be.test(x) && be.test(y)) || (x.length > 4 && y.startsWith(x.slice(0, -2)));
}

const words = (f: Figure) => new Set((f.counted ?? "").toLowerCase().split(/\s+/).filter((w) => w.length > 2 && !/^\d/.test(w)).map((w) => w.replace(/s$/, "")));
const BACK_FROM = /^(?:that|this|it|the (?:figure|total|number|count))\s+(?:was|is|were|marks?|marked)\s+(?:up|down)\s+from\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?$/i;

/**
 * "The buses carried 12 million passengers last year. That was up from 10 million passengers the
 * year before, a 25% increase": the before figure here, the after the one figure of the sentence
 * before that counts the same thing.
 */
function backFrom(previous: ReadClaim, read: ReadClaim, stated: Figure, statements: Set<Figure>): Pair | null {
  const from = read.figures.find((f) => !statements.has(f) && f.end <= stated.at && BACK_FROM.test(read.claim.text.slice(0, f.at)));
  if (!from) return null;
  const named = words(from);
  const tos = previous.figures.filter((f) => f.unit === from.unit && !changeStatement(previous.claim.text, f) && [...words(f)].some((w) => named.has(w)));
  return tos.length === 1 ? { from, to: tos[0]! } : null;
}

const FROM_ONLY = /\bfrom\s+(?:the\s+|[\w'’]+['’]s\s+)?(?:about\s+|roughly\s+|some\s+|nearly\s+)?$/i;
const POINTS_BACK = /^(?:the (?:count|number|total|figure|tally|rate|share)|that|this|it|they)\b/i;
const SUBJECT_STOP = new Set(["the", "was", "were", "are", "and", "for", "its", "their", "has", "had", "have", "been"]);
const subjectOf = (text: string, until: number) => new Set((text.slice(0, until).toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !SUBJECT_STOP.has(w)).map((w) => w.replace(/s$/, "")));

/**
 * "… 6,150 medical emergencies … Medical calls were up 10% from 5,750 the year before"; "38 homicides
 * in 2025 … The count was down 30% from 2024's 50": the before figure here, after "from", and the after
 * the figure of the sentence before that this one's subject names (or, when the subject points back,
 * "The count", the sentence before's first figure of that kind, of a like size).
 */
export function fromOnly(previous: ReadClaim, read: ReadClaim, stated: Figure, statements: Set<Figure>): Pair[] {
  const { text } = read.claim;
  const from = read.figures.find((f) => !statements.has(f) && f.at > stated.end && f.at - stated.end < 20 && FROM_ONLY.test(text.slice(stated.end, f.at)));
  if (!from || read.figures.some((f) => f !== from && f !== stated && f.unit === from.unit && !statements.has(f))) return [];
  const likeSize = (f: Figure) => Math.max(f.value, from.value) / Math.min(f.value, from.value);
  const kin = previous.figures.filter((f) => f.unit === from.unit && !changeStatement(previous.claim.text, f) && f.value > 0 && likeSize(f) <= 3);
  const subject = subjectOf(text, stated.at);
  const named = kin.filter((f) => [...words(f)].some((w) => subject.has(w))).sort((a, b) => likeSize(a) - likeSize(b));
  if (named.length > 0) return named.map((to) => ({ from, to }));
  return POINTS_BACK.test(text) && kin.length > 0 && kin[0] === previous.figures.find((f) => f.unit === from.unit) ? [{ from, to: kin[0]! }] : [];
}

/** "The 20% drop worried organisers": the change named with its size points back as "That's" does. */
const THE_CHANGE = /^the\s+(?:about\s+|roughly\s+|nearly\s+)?\d[\d.,]*\s*(?:%|percent|per cent)\s+(?:drop|rise|increase|decrease|decline|fall|jump|gain|cut|growth|climb|dip|slide|surge)\b/i;

/**
 * "Tuition was $8,000 a year. Today it's $9,200. That's a 12% increase": a change that points back
 * ("That's") over two sentences of one figure each, the earlier the before.
 */
export function pairTwoBack(earlier: ReadClaim | undefined, previous: ReadClaim | undefined, read: ReadClaim, stated: Figure): Pair | null {
  if (!earlier || !previous || !(POINTS_BACK.test(read.claim.text) || THE_CHANGE.test(read.claim.text)) || read.figures.some((f) => f !== stated && f.unit !== "percent")) return null;
  const amounts = (c: ReadClaim) => c.figures.filter((f) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw));
  const [to, from] = [amounts(previous), amounts(earlier)];
  if (to.length !== 1 || from.length !== 1 || to[0]!.unit !== from[0]!.unit || previous.figures.some((f) => changeStatement(previous.claim.text, f))) return null;
  return { from: from[0]!, to: to[0]! };
}

/**
 * "Crime fell by nearly a third last year. There were 900 reported crimes, compared with 1,100 the
 * year before": a stated change without figures of its own, and the one pair of the sentence after,
 * which states no change of its own and counts what the change is of.
 */
export function pairForward(read: ReadClaim, next: ReadClaim | undefined, stated: Figure): Pair | null {
  if (!next || read.figures.some((f) => f !== stated && f.unit !== "percent" && f.unit !== "points" && !/^(?:19|20)\d\d$/.test(f.raw))) return null;
  const statements = new Set(next.figures.filter((f) => changeStatement(next.claim.text, f, next.figures)));
  if (statements.size > 0) return null;
  const pairs = changePairs(next.claim.text, next.figures, statements);
  if (pairs.length !== 1) return null;
  const pair = pairs[0]!;
  const subject = subjectOf(read.claim.text, stated.at);
  const named = [...words(pair.from), ...words(pair.to)].some((w) => subject.has(w));
  // The pair must count what the change is of ("Crime fell …" and "900 reported crimes"): "Ridership
  // fell 15% during the strike" and "30,000 riders a day in May, compared with 34,000 in April" may be
  // measured over other months.
  return named ? pair : null;
}
