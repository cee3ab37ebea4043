/**
 * The words around a figure that say what it is: a stated change ("a 20% increase", "down 27
 * percent"), a before/after pair ("from 640 to 720", "720, up from 640"), a clause boundary.
 */
import type { Figure } from "./figures";

const HEDGE_WORDS = "(?:about|around|roughly|approximately|some|an estimated|nearly|almost|close to|just under|just over|more than|over|at least|less than|fewer than|under|up to|no more than)";
const UP = /^(?:up|spike|rebound|expansion|rose|rise|rises|rising|risen|increase|increased|increases|increasing|grew|grow|grows|growing|grown|growth|jumped|jump|jumps|climbed|climb|climbs|climbing|soared|soar|gained|gain|gains|raised|raise|raises|higher|hike|boost|surge|surged|uptick|more|raising|increasing|boosts|boosted|boosting|hikes|hiked)$/i;
const DOWN = /^(?:down|dip|contraction|fell|fall|falls|falling|fallen|decrease|decreased|decreases|decreasing|declined|decline|declines|declining|dropped|drop|drops|dropping|slipped|slip|slide|plunged|plunge|cut|cuts|reduced|reduce|reduction|lower|loss|lost|less|fewer|shrank|shrunk|cutting|reduces|reducing|lowers|lowered|lowering)$/i;
// "up" after "making", "adds", "sums" is part of a verb ("making up 41% of revenue"), not a change.
const VERB_BEFORE = new RegExp(`\\b((?<!\\b(?:make|makes|making|made|add|adds|adding|added|sum|sums|summing|summed|take|takes|taking|took|end|ends|ending|ended|show|shows|showing|showed|pick|picks|picked|open|opens|opening|opened|set|sets|setting|turn|turns|turned|split|back|backed|back)\\s)up|down|rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increased|increases|increase|decreased|decreases|decrease|grew|grow|grows|grown|jumped|climbed|dropped|declined|slipped|plunged|soared|gained|lost|cut|raised|raise|reduced|reduce)\\s+(?:by\\s+)?(?:${HEDGE_WORDS}\\s+)?$`, "i");
const NOUN_OF_BEFORE = new RegExp(`\\b(increase|decrease|rise|drop|decline|jump|gain|cut|reduction|growth|hike|fall|climb|boost|loss|change|slide|surge)\\s+of\\s+(?:${HEDGE_WORDS}\\s+)?$`, "i");
// "a 20% drop", and a sentence's subject "The 20% drop worried organisers" (the sentence before's change).
const ARTICLE_BEFORE = new RegExp(`(?:\\b(?:a|an)|^(?:the|that|this))\\s+(?:${HEDGE_WORDS}\\s+)?$`, "i");
// "a 6% improvement", "a 12-point jump": which way an improvement goes depends on the measure, so it has no direction.
const NOUN_AFTER = /^(?:[\s-]*(?:percentage[\s-]points?|points?))?[\s-]+(increase|decrease|rise|drop|decline|jump|gain|cut|reduction|growth|hike|fall|climb|boost|loss|slide|surge|uptick|raise|pay rise|markup|improvement|spike|dip|rebound|expansion|contraction)\b/i;

/** A figure stated as a change: its direction (+1 up, −1 down, 0 unsaid) and the words saying so. */
export interface ChangeStatement {
  direction: 1 | -1 | 0;
  /** The words of the statement, "a 20% increase", for the message. */
  words: string;
}

const OR_BEFORE = new RegExp(`,\\s*or\\s+(?:${HEDGE_WORDS}\\s+)?$`, "i");
const VERB_OBJECT_BY = new RegExp(`\\b(raise|raises|raised|raising|increase|increases|increased|increasing|cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|boost|boosts|boosted|boosting|hike|hikes|hiked)\\s+(?:[\\w'’-]+\\s+){1,3}?by\\s+(?:${HEDGE_WORDS}\\s+)?$`, "i");
const MORE_AFTER = /^\s+(more|fewer|less|higher|lower)\b(?=\s*(?:[,.;)]|$|and\b|than\b))/i;
const THAN_AFTER = /^\s+(?:[\w-]+\s+)?(more|fewer|less|higher|lower)\s+than\b/i;

/**
 * Whether `f` is stated as a change in `text`, and which way. With the claim's `figures`, a percent
 * that restates the change before it ("a decline of 134 inmates, or 18%") is a change too.
 */
export function changeStatement(text: string, f: Figure, figures: readonly Figure[] = []): ChangeStatement | null {
  // Every check asks about the same figures: read each once (a figure belongs to one claim's text).
  const cache = figures.length > 0 ? withFigures : alone;
  if (cache.has(f)) return cache.get(f) ?? null;
  const found = readStatement(text, f, figures);
  cache.set(f, found);
  return found;
}
const withFigures = new WeakMap<Figure, ChangeStatement | null>();
const alone = new WeakMap<Figure, ChangeStatement | null>();

function readStatement(text: string, f: Figure, figures: readonly Figure[]): ChangeStatement | null {
  const before = text.slice(Math.max(0, f.at - 40), f.at);
  const after = text.slice(f.end, f.end + 30);
  if (f.unit === "percent" && OR_BEFORE.test(before)) {
    const prev = figures.filter((g) => g.end <= f.at && f.at - g.end < 40).pop();
    const s = prev && prev !== f ? changeStatement(text, prev) : null;
    if (s) return { direction: s.direction, words: `${s.words}, or ${f.raw}` };
  }
  // "410 more than last year's 2,170": a difference from the figure after "than".
  const than = THAN_AFTER.exec(after);
  if (than && f.hedge === null) return { direction: directionOf(than[1] ?? ""), words: `${f.raw}${than[0]}` };
  // "grew from 4,800 to 5,500, about 20% more": a percent more or fewer than the figures before it.
  const more = f.unit === "percent" ? MORE_AFTER.exec(after) : null;
  if (more) return { direction: directionOf(more[1] ?? ""), words: `${f.hedge ? `${f.hedge} ` : ""}${f.raw}${more[0]}` };
  const verb = VERB_BEFORE.exec(before);
  if (verb) return { direction: directionOf(verb[1] ?? ""), words: `${verb[0]}${f.raw}` };
  // "would raise property taxes by 6.5%": the verb, its object, then the change.
  const object = VERB_OBJECT_BY.exec(text.slice(Math.max(0, f.at - 60), f.at));
  if (object) return { direction: directionOf(object[1] ?? ""), words: `${object[0]}${f.raw}` };
  const nounOf = NOUN_OF_BEFORE.exec(before);
  if (nounOf) {
    const lead = /\b(?:a|an|the)\s+$/i.exec(before.slice(0, nounOf.index));
    return { direction: directionOf(nounOf[1] ?? ""), words: `${before.slice(lead ? lead.index : nounOf.index)}${f.raw}` };
  }
  const article = ARTICLE_BEFORE.exec(before);
  const noun = NOUN_AFTER.exec(after);
  if (article && noun) return { direction: directionOf(noun[1] ?? ""), words: `${article[0]}${f.raw}${noun[0]}`.replace(/\s+/g, " ").trim() };
  return null;
}

function directionOf(word: string): 1 | -1 | 0 {
  if (UP.test(word)) return 1;
  if (DOWN.test(word)) return -1;
  return 0;
}

/** A before/after pair of figures in one claim. */
export interface Pair {
  from: Figure;
  to: Figure;
}

const FROM_BEFORE = new RegExp(`(?:\\bfrom|\\bcompared (?:with|to)|\\d[\\d,.]*%?\\s+(?:[\\w-]+\\s+)?(?:more|fewer|less|higher|lower)\\s+than)\\s+(?:the\\s+|a\\s+|an\\s+|[\\w'’]+\\s+year['’]s\\s+|[\\w'’]+['’]s\\s+)?(?:${HEDGE_WORDS}\\s+)?$`, "i");
const TO_BEFORE = new RegExp(`\\bto\\s+(?:${HEDGE_WORDS}\\s+)?$`, "i");

/**
 * The before/after pairs of a claim: "from 640 to 720", "to 1,842 … from 2,523", "720, up from 640".
 * Both figures in one unit and one clause; a figure stated as a change is never half of a pair.
 */
export function changePairs(text: string, figures: Figure[], stated: Set<Figure>): Pair[] {
  const pairs: Pair[] = [];
  const used = new Set<Figure>();
  figures.forEach((from, i) => {
    if (stated.has(from) || used.has(from) || !FROM_BEFORE.test(text.slice(Math.max(0, from.at - 30), from.at))) return;
    const next = figures.slice(i + 1).find((f) => pairable(from, f) && !stated.has(f));
    if (next && TO_BEFORE.test(text.slice(Math.max(0, next.at - 20), next.at)) && sameClause(text, from.end, next.at) && next.at - from.end < 70) {
      pairs.push({ from, to: next });
      used.add(from).add(next);
      return;
    }
    const to = figures
      .slice(0, i)
      .reverse()
      .find((f) => pairable(from, f) && !stated.has(f) && !used.has(f));
    if (to && sameClause(text, to.end, from.at) && from.at - to.end < 120) {
      pairs.push({ from, to });
      used.add(from).add(to);
    }
  });
  if (pairs.length === 0) pairs.push(...datedPairs(text, figures, stated));
  return pairs;
}

/**
 * Whether two figures can be a before/after pair: one unit, or a measure's unit said once ("from 24
 * minutes to 16", "to 48,000 tons from 8,000": the bare figure is in the other's unit). Money and
 * percent are written on both figures, so only measures carry over.
 */
function pairable(a: Figure, b: Figure): boolean {
  if (a.unit === b.unit) return true;
  const measure = (f: Figure) => f.unit !== null && /^[a-z]/.test(f.unit) && f.unit !== "percent" && f.unit !== "points";
  const bare = (f: Figure) => f.unit === null && f.counted === null && /\d/.test(f.raw);
  return (measure(a) && bare(b)) || (measure(b) && bare(a));
}

const IN_YEAR = /^\s+(?:[a-z]+\s+){0,2}?in\s+((?:19|20)\d\d)\b/;
// "96 officers in January and 81 in December": months of one year, in the order they come.
const IN_MONTH = /^\s+(?:[a-z]+\s+){0,2}?in\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?!\.?\s+\d)/i;
const MONTH_ORDER = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "4,000 in 2022 and 5,000 in 2023" (or "in January and … in December"): two figures of one unit, each dated, the earlier the before. */
function datedPairs(text: string, figures: Figure[], stated: Set<Figure>): Pair[] {
  const byYear = figures.flatMap((f) => {
    const year = stated.has(f) ? null : IN_YEAR.exec(text.slice(f.end, f.end + 30));
    return year ? [{ f, year: Number(year[1]) }] : [];
  });
  const byMonth = figures.flatMap((f) => {
    const month = stated.has(f) ? null : IN_MONTH.exec(text.slice(f.end, f.end + 30));
    return month ? [{ f, year: MONTH_ORDER.indexOf(month[1]!.toLowerCase()) }] : [];
  });
  const dated = byYear.length >= 2 ? byYear : byMonth;
  for (let i = 0; i + 1 < dated.length; i++) {
    const [a, b] = [dated[i]!, dated[i + 1]!];
    if (a.f.unit !== b.f.unit || a.year === b.year || !sameClause(text, a.f.end, b.f.at) || b.f.at - a.f.end > 60) continue;
    return [a.year < b.year ? { from: a.f, to: b.f } : { from: b.f, to: a.f }];
  }
  return [];
}

/** Whether nothing between `a` and `b` closes the clause (a semicolon, a sentence end, a new item). */
export const sameClause = (text: string, a: number, b: number): boolean => !/[;|]|\.\s/.test(text.slice(Math.min(a, b), Math.max(a, b)));
