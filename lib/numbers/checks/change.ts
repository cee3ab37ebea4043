/**
 * Changes: "rose from 640 to 720, a 20% increase" — the stated change against the two figures it
 * cites. Percent changes are compared as relative changes and percentage points as differences, and
 * a percent stated where the figures moved by that many points is named as such.
 */
import { changePairs, changeStatement, type ChangeStatement, type Pair } from "../cues";
import { type Figure, readFigures, type ReadClaim } from "../figures";
import { groupsOf } from "../groups";
import { finding } from "../finding";
import { divide, formatAmount, formatChange, formatNumber, type Interval, minus, overlaps } from "../interval";
import type { NumberFinding } from "../types";

/** Stated changes that the figures they cite do not bear out. */
export function checkChanges(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((read, i) => {
    const { text } = read.claim;
    const statements = new Map<Figure, ChangeStatement>();
    for (const f of read.figures) {
      const s = changeStatement(text, f, read.figures);
      if (s) statements.set(f, s);
    }
    if (statements.size === 0) return;
    const pairs = changePairs(text, read.figures, new Set(statements.keys()));
    for (const [stated, statement] of statements) {
      const pair = nearestPair(text, pairs, stated);
      const keys = new Set(statements.keys());
      const across = pair ? null : pairAcross(claims[i - 1], read, stated, keys);
      const back = pair || across ? null : pairTwoBack(claims[i - 2], claims[i - 1], read, stated);
      let f = pair ? judge([read], pair, stated, statement) : across ? judge([read, claims[i - 1]!], across, stated, statement) : back ? judge([read, claims[i - 1]!, claims[i - 2]!], back, stated, statement) : null;
      if (!pair && !across && !back && claims[i - 1]) {
        // Several figures of the sentence before may be the after one: a finding only when none fits.
        const judged = fromOnly(claims[i - 1]!, read, stated, keys).map((p) => judge([read, claims[i - 1]!], p, stated, statement));
        if (judged.length > 0 && judged.every(Boolean)) f = judged[0]!;
      }
      if (f) out.push(f);
    }
  });
  return [...out, ...tableChanges(claims)];
}

const CHANGE_COLUMN = /\b(?:change|chg|increase|decrease|growth|rise|fall|decline|difference|diff)\b|^[+±]?\s*%$|%\s*(?:change|chg)/i;
/** A cell's one figure, its sign read apart ("−4%", "+12%", "-3.5 pts"), or null. */
function cellFigure(cell: string | undefined): { figure: Figure; sign: 1 | -1 | 0 } | null {
  const m = /^[\s*]*([+\-−–]?)/.exec(cell ?? "");
  const figures = readFigures((cell ?? "").slice(m?.[0].length ?? 0));
  if (figures.length !== 1) return null;
  const sign = m?.[1] === "+" ? 1 : m?.[1] ? -1 : 0;
  return { figure: figures[0]!, sign };
}

/**
 * A table's change column against the two columns before it: "| Children's Museum | 80,000 |
 * 92,000 | +12% |" under "| Museum | 2023 | 2024 | Change |". Each row is its own before/after pair.
 */
function tableChanges(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const table of groupsOf(claims).tables) {
    const at = table.header.findIndex((h, i) => i >= 3 && CHANGE_COLUMN.test(h.replace(/\*/g, "").trim()));
    if (at < 0) continue;
    for (const row of table.rows) {
      const [from, to, change] = [cellFigure(row.cells[at - 2]), cellFigure(row.cells[at - 1]), cellFigure(row.cells[at])];
      if (!from || !to || !change || from.figure.unit !== to.figure.unit || from.sign < 0 || to.sign < 0) continue;
      const statement: ChangeStatement = { direction: change.sign, words: (row.cells[at] ?? "").replace(/\*/g, "").trim() };
      const f = judge([row.read], { from: from.figure, to: to.figure }, change.figure, statement);
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * "The county had 1,200 shelter beds in 2019. By 2023 it had 1,500 beds, a 40% increase": the
 * before figure in the sentence before. Only when each sentence holds one figure of that kind and
 * both name what they count with the same word, so an unrelated figure is never taken for the base.
 */
function pairAcross(previous: ReadClaim | undefined, read: ReadClaim, stated: Figure, statements: Set<Figure>): Pair | null {
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
  return shared ? { from, to } : null;
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
function fromOnly(previous: ReadClaim, read: ReadClaim, stated: Figure, statements: Set<Figure>): Pair[] {
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

/**
 * "Tuition was $8,000 a year. Today it's $9,200. That's a 12% increase": a change that points back
 * ("That's") over two sentences of one figure each, the earlier the before.
 */
function pairTwoBack(earlier: ReadClaim | undefined, previous: ReadClaim | undefined, read: ReadClaim, stated: Figure): Pair | null {
  if (!earlier || !previous || !POINTS_BACK.test(read.claim.text) || read.figures.some((f) => f !== stated && f.unit !== "percent")) return null;
  const amounts = (c: ReadClaim) => c.figures.filter((f) => f.unit !== "percent" && f.unit !== "points" && /\d/.test(f.raw));
  const [to, from] = [amounts(previous), amounts(earlier)];
  if (to.length !== 1 || from.length !== 1 || to[0]!.unit !== from[0]!.unit || previous.figures.some((f) => changeStatement(previous.claim.text, f))) return null;
  return { from: from[0]!, to: to[0]! };
}

// "Rents rose 5%, while the average went from $1,200 to $1,300": a new clause, another change.
const NEW_CLAUSE = /,\s*(?:and|but|while|whereas)\b|\b(?:while|whereas|but|meanwhile)\b|;/i;

/** The pair a stated change speaks of: the closest one in its clause. */
function nearestPair(text: string, pairs: Pair[], stated: Figure): Pair | null {
  let best: Pair | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const p of pairs) {
    const start = Math.min(p.from.at, p.to.at);
    const end = Math.max(p.from.end, p.to.end);
    const d = stated.at >= end ? stated.at - end : stated.end <= start ? start - stated.end : 0;
    const between = stated.at >= end ? text.slice(end, stated.at) : text.slice(stated.end, start);
    if (d < distance && !NEW_CLAUSE.test(between)) [best, distance] = [p, d];
  }
  return distance <= 120 ? best : null;
}

/** The stated figure as a signed interval: "down 27%" is −27%. */
function signed(range: Interval, direction: 1 | -1 | 0, expected: Interval): Interval {
  const dir = direction !== 0 ? direction : expected[1] < 0 ? -1 : 1;
  return dir === 1 ? range : [-range[1], -range[0]];
}

function judge(involved: ReadClaim[], { from, to }: Pair, stated: Figure, statement: ChangeStatement): NumberFinding | null {
  const percentPair = from.unit === "percent";
  const unitOfPair = from.unit;
  const difference = minus(to.cited, from.cited);
  const points = to.value - from.value;
  const base = { claims: involved, stated: `${statement.direction < 0 ? "−" : statement.direction > 0 ? "+" : ""}${formatAmount(stated.value, stated.unit)}` };
  const tolerance = `${stated.tolerance}; the cited figures' rounding, up to 1% each, is allowed for`;
  if (stated.unit === "percent") {
    if (from.value <= 0) return null;
    const ratio = divide(to.cited, from.cited);
    const relative: Interval = [(ratio[0] - 1) * 100, (ratio[1] - 1) * 100];
    const mid = ((to.value - from.value) / from.value) * 100;
    const statedSigned = signed(stated.range, statement.direction, relative);
    // "climbed 6%, to 88% from 82%": the stated figure is the points moved, and the change computed
    // from the figures as printed (+7.3%) is not it; the figures' rounding alone would let it pass.
    const pointsAsPercent = percentPair && Math.abs(Math.abs(points) - stated.value) < 1e-9 && !overlaps([mid, mid], statedSigned);
    if (!pointsAsPercent && overlaps(relative, statedSigned)) return null;
    const computation = `(${formatNumber(to.value)} − ${formatNumber(from.value)}) / ${formatNumber(from.value)} = ${formatChange(mid)}`;
    // "from 40% to 48%, an 8% rise": the figures moved 8 points, which is a 20% rise.
    const asPoints = pointsAsPercent || (percentPair && overlaps(difference, signed(stated.range, statement.direction, difference)));
    const message = asPoints
      ? `${from.raw} → ${to.raw} is ${formatChange(points).replace("%", " percentage points")} (${formatChange(mid)}); the text says '${statement.words}', a percent where percentage points are meant`
      : `${from.raw} → ${to.raw} is ${formatChange(mid)}, the text says '${statement.words}'`;
    return finding("change", { ...base, message, computation, expected: formatChange(mid), tolerance });
  }
  if (stated.unit === "points" && !percentPair) return null;
  if (stated.unit !== unitOfPair && !(stated.unit === "points" && percentPair)) return null;
  if (overlaps(difference, signed(stated.range, statement.direction, difference))) return null;
  const unit = percentPair ? "points" : unitOfPair;
  const expected = `${points >= 0 ? "+" : "−"}${formatAmount(Math.abs(points), unit)}`;
  return finding("change", {
    ...base,
    message: `${from.raw} → ${to.raw} is ${expected}, the text says '${statement.words}'`,
    computation: `${formatNumber(to.value)} − ${formatNumber(from.value)} = ${points >= 0 ? "+" : "−"}${formatNumber(Math.abs(points))}`,
    expected,
    tolerance,
  });
}
