/**
 * Changes: "rose from 640 to 720, a 20% increase" — the stated change against the two figures it
 * cites. Percent changes are compared as relative changes and percentage points as differences, and
 * a percent stated where the figures moved by that many points is named as such.
 */
import { changePairs, changeStatement, type ChangeStatement, type Pair } from "../cues";
import { type Figure, readFigures, type ReadClaim } from "../figures";
import { groupsOf } from "../groups";
import { finding } from "../finding";
import { fromOnly, pairAcross, pairForward, pairTwoBack } from "./change-across";
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
      if (!f && !pair && !across && !back) {
        const forward = pairForward(read, claims[i + 1], stated);
        if (forward) f = judge([read, claims[i + 1]!], forward, stated, statement);
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
