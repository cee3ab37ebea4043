/**
 * Sums: parts against the total they are said to make up — list items under a lead-in that gives the
 * total, table rows against a "Total" row, and "Of the 860 claims, 510 … and 390 …".
 *
 * Parts that fall short of a total are often a selection ("including …"), so a shortfall is a
 * finding only where the words say the parts are the whole ("split among four programs", "the
 * remaining 230"); parts that exceed their total are always one, unless the list is a selection.
 */
import { changeStatement } from "../cues";
import { type Figure, readFigures, type ReadClaim } from "../figures";
import { finding } from "../finding";
import { groupsOf } from "../groups";
import { formatAmount, type Interval, overlaps, plus } from "../interval";
import { sumsAcross } from "./sum-across";
import type { NumberFinding } from "../types";

const SELECTION = /\b(?:including|includes?|included|among|such as|for example|for instance|top|largest|biggest|some|several|main|major|notable)\b/i;
const WHOLE = /\b(?:split|divided|spread|broken down|breaks? down|allocated|apportioned|shared|as follows|consists?|made up|compris\w*|distributed|goes to|went to|the remaining|the rest|the other|remainder|all)\b/i;
// An item for everything else makes a list the whole: "- Other charges: 24", "- All other: 12".
const OTHER_ITEM = /^(?:\*\*)?(?:other|all other|everything else|the rest|remaining|remainder|miscellaneous)\b/i;
// "which together cast 3,450 ballots: 1,100 …": the head says the parts make up the figure.
const TOGETHER = /\b(?:together|combined|altogether|in all|in total|between them)\b/i;
const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const LIST_COUNT = new RegExp(`\\b(two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(?:\\w+\\s+)?(?:areas|programs|programmes|categories|parts|groups|items|projects|uses|ways|funds|accounts|departments|lines)\\b`, "i");

/** Parts and totals that disagree. */
export function checkSums(claims: readonly ReadClaim[]): NumberFinding[] {
  return [...listSums(claims), ...tableSums(claims), ...ofTheSums(claims), ...sentenceTotals(claims), ...sumsAcross(claims)];
}

const isAmount = (f: Figure) => f.unit !== "percent" && f.unit !== "points";
/** The parts' sum, each part read as cited (its rounding up to 1%): a total is computed from what is printed. */
const total = (figures: Figure[]): Interval => figures.reduce<Interval>((acc, f) => plus(acc, f.cited), [0, 0]);
const sumText = (parts: Figure[]) => parts.map((p) => p.raw.replace(/^\$/, "")).join(" + ");

export interface Judged {
  parts: Figure[];
  whole: Figure;
  /** The words say the parts are the whole, so a shortfall counts too. */
  exhaustive: boolean;
}

/** Whether parts and whole disagree beyond their rounding, and a draft of the finding if so. */
export function disagreement({ parts, whole, exhaustive }: Judged) {
  const sum = total(parts);
  // The total too is read as printed, to its rounding up to 1%: "$3 million" over parts given to the
  // $100,000 is 3.0, not anything from 2.5 to 3.5.
  const stated = whole.cited;
  if (overlaps(sum, stated)) return null;
  if (sum[1] < stated[0] && !exhaustive) return null;
  const value = parts.reduce((a, p) => a + p.value, 0);
  const unit = whole.unit;
  const expected = formatAmount(value, unit);
  return {
    computation: `${sumText(parts)} = ${expected}`,
    expected,
    stated: formatAmount(whole.value, unit),
    tolerance: `the total's and each part's rounding, up to 1% each (±${formatAmount((stated[1] - stated[0]) / 2, null)} on the total, ±${formatAmount((sum[1] - sum[0]) / 2, null)} on the parts)`,
    verdict: value > whole.value ? `more than the ${whole.raw} stated` : `short of the ${whole.raw} stated`,
  };
}

function listSums(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const list of groupsOf(claims).lists) {
    const parts = list.items.map((item) => item.figures[0]).filter((f): f is Figure => f !== undefined && isAmount(f));
    if (parts.length < 2 || parts.length !== list.items.length || parts.some((p) => p.unit !== parts[0]!.unit)) continue;
    // The total is in the lead-in, or else in the sentence before it ("a $48 million plan … spread across four areas:").
    const sources = list.before.length > 0 ? list.before : [{ claim: { text: list.leadIn }, figures: readFigures(list.leadIn) } as ReadClaim];
    const source = sources.find((s) => s.figures.some((f) => f.unit === parts[0]!.unit && !changeStatement(s.claim.text, f)));
    // "split among four programs" names the whole; "among them" or "including" a selection, unless
    // an item takes in the rest ("- Other charges: 24"): then the items are all of it.
    const rest = list.items.some((item) => OTHER_ITEM.test(item.claim.text));
    if (!source || (!rest && SELECTION.test(list.leadIn.replace(/\b(?:split|divided|shared|spread|distributed)\s+among\b/gi, "")))) continue;
    // A figure from the sentence before is the whole only if it could hold every part: "within 10
    // business days." before "the following arrests: 1,261 …" is another quantity, not a total.
    const largest = Math.max(...parts.map((p) => p.value));
    const wholes = source.figures.filter((f) => f.unit === parts[0]!.unit && !changeStatement(source.claim.text, f) && (list.before.length === 0 || f.value >= largest));
    const count = LIST_COUNT.exec(list.leadIn);
    const counted = count ? (COUNT_WORDS[(count[1] ?? "").toLowerCase()] ?? Number(count[1])) : null;
    const exhaustive = rest || WHOLE.test(list.leadIn) || counted === parts.length;
    // "plans to hire 58 staff members next year:" over three or more items: a total in the lead-in
    // itself, the colon handing it to the items, is broken down by them (as "Of the 860 claims, …").
    const ownTotal = (whole: Figure) => /:\s*$/.test(list.leadIn) && parts.length >= 3 && readFigures(list.leadIn).some((f) => f.raw === whole.raw);
    const judged = wholes.map((whole) => ({ whole, d: disagreement({ parts, whole, exhaustive: exhaustive || ownTotal(whole) }) }));
    if (judged.length === 0 || judged.some((j) => j.d === null)) continue;
    const { whole, d } = judged[0]!;
    out.push(finding("sum", { claims: [source, ...list.items], message: `The list's items add up to ${d!.expected}, ${d!.verdict} (${whole.raw})`, computation: d!.computation, expected: d!.expected, stated: d!.stated, tolerance: d!.tolerance }));
  }
  return out;
}

const TOTAL_ROW = /^(?:\*\*)?(?:total|all|overall|combined|grand total|sum)\b/i;

function tableSums(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const table of groupsOf(claims).tables) {
    const totalAt = table.rows.findIndex((r) => TOTAL_ROW.test(r.cells[0] ?? ""));
    if (totalAt < 1) continue;
    const body = table.rows.slice(0, totalAt);
    const totalRow = table.rows[totalAt]!;
    for (let c = 1; c < totalRow.cells.length; c++) {
      const whole = single(totalRow.cells[c]);
      const parts = body.map((r) => single(r.cells[c]));
      // A column of shares over a "100%" total row is the share check's (share.ts).
      if (!whole || !isAmount(whole) || parts.some((p) => !p || p.unit !== whole.unit)) continue;
      const d = disagreement({ parts: parts as Figure[], whole, exhaustive: true });
      if (!d) continue;
      const column = table.header[c] ?? `column ${c + 1}`;
      out.push(finding("sum", { claims: [totalRow.read, ...body.map((r) => r.read)], message: `"${column}": the rows add up to ${d.expected}, the total row says ${whole.raw}`, computation: d.computation, expected: d.expected, stated: d.stated, tolerance: d.tolerance }));
    }
  }
  return out;
}

/** The one figure of a table cell, or null when it holds none or several. */
function single(cell: string | undefined): Figure | null {
  const figures = cell ? readFigures(cell) : [];
  return figures.length === 1 ? figures[0]! : null;
}

const OF_THE = /^(?:of|among)\s+(?:(?:the|its|their|these|those|all)\s+)?(?:[\w'’.]+['’]s?\s+)?/i;

/** "Of the 860 claims decided, 510 were refused and 390 were granted": the parts of one whole. */
function ofTheSums(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  claims.forEach((own, i) => {
    if (/^(?:of|among)\s+(?:those|these|them|that total|the total|this total|that number)\b/i.test(own.claim.text)) {
      const f = ofThose(own, claims[i - 1]);
      if (f) out.push(f);
      return;
    }
    // "All 48 stations were inspected; 31 passed and the other 12 failed": the rest of a whole named before.
    // ("Another 18 are technicians, and the remaining 14 …" goes on from the sentence before's parts: sum-across.ts.)
    if (/^\D{0,40}\d[\d,]*\b[^.;]*\b(?:and|while|with)\s+the\s+(?:other|remaining)\s+\d/i.test(own.claim.text) && !OF_THE.test(own.claim.text) && !/^(?:another|a further)\b/i.test(own.claim.text)) {
      const f = ofThose(own, claims[i - 1]);
      if (f) out.push(f);
      return;
    }
    const opener = OF_THE.exec(own.claim.text);
    if (!opener) return;
    // "…; the remaining 175 are in group homes": the pipeline splits at the semicolon, the sentence goes on.
    const next = claims[i + 1];
    const goesOn = next && /^(?:the|and|while|with|another|a further)\b/.test(next.claim.text) && /;\s*$|[^.!?]$/.test(own.claim.text);
    const text = goesOn ? `${own.claim.text}; ${next.claim.text}` : own.claim.text;
    const read = goesOn ? { claim: own.claim, figures: readFigures(text) } : own;
    const involved = goesOn ? [next, own] : [own];
    const whole = read.figures[0];
    if (!whole || whole.at !== opener[0].length || !isAmount(whole)) return;
    const comma = text.indexOf(",", whole.end);
    if (comma < 0) return;
    const parts = read.figures.filter((f) => f.at > comma && f.unit === whole.unit && !/\bof\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, f.at - 8), f.at)) && !changeStatement(text, f));
    if (parts.length < 2) return;
    // Three or more parts ("260 were for homes, 95 for businesses and 45 for schools") are the
    // whole broken down; two may be two properties of it ("41 are rated poor and 9 have limits").
    const d = disagreement({ parts, whole, exhaustive: parts.length >= 3 || /\b(?:the remaining|the rest|the other|remainder)\b/i.test(text) });
    if (!d) return;
    out.push(finding("sum", { claims: involved, message: `The parts add up to ${d.expected}, ${d.verdict}`, computation: d.computation, expected: d.expected, stated: d.stated, tolerance: d.tolerance }));
  });
  return out;
}

/** "Police made 450 arrests in May. Of those, 210 were for theft, 150 …": the whole in the sentence before. */
function ofThose(read: ReadClaim, previous: ReadClaim | undefined): NumberFinding | null {
  if (!previous) return null;
  const { text } = read.claim;
  const parts = read.figures.filter((f) => isAmount(f) && /\d/.test(f.raw) && !changeStatement(text, f) && !/\bof\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, f.at - 8), f.at)));
  // A figure smaller than one of the parts is another quantity, not their whole.
  const largest = Math.max(...parts.map((p) => p.value));
  const wholes = previous.figures.filter((f) => isAmount(f) && /\d/.test(f.raw) && parts.length > 0 && f.unit === parts[0]!.unit && f.value >= largest && !changeStatement(previous.claim.text, f));
  if (parts.length < 2 || parts.some((p) => p.unit !== parts[0]!.unit) || wholes.length === 0) return null;
  const exhaustive = /\b(?:the remaining|the rest|the other|remainder)\b/i.test(text);
  const judged = wholes.map((whole) => disagreement({ parts, whole, exhaustive }));
  if (judged.some((d) => d === null)) return null;
  const d = judged[0]!;
  return finding("sum", { claims: [read, previous], message: `The parts add up to ${d.expected}, ${d.verdict}`, computation: d.computation, expected: d.expected, stated: d.stated, tolerance: d.tolerance });
}

const COUNT = new RegExp(`\\b(${Object.keys(COUNT_WORDS).join("|")}|\\d)\\s+(?:[\\w-]+\\s+)?[a-z]+s\\b`, "i");
const TOTAL_BEFORE = /\b(?:a total of|for a total of|totaling|totalling|totaled|totalled|in all|altogether|combined|together)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?$/i;
const TOTAL_AFTER = /^\s+(?:in total|in all|altogether|combined)\b/i;

/**
 * Totals and parts in one sentence: "a $5 million grant for three projects: $2 million …, $1.5
 * million … and $2.5 million …", and "$3 million from the state and $2 million from the county, a
 * total of $6 million".
 */
function sentenceTotals(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const read of claims) {
    const { text } = read.claim;
    const amounts = read.figures.filter((f) => isAmount(f) && !changeStatement(text, f) && !/\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, f.at - 10), f.at)));
    // The head names the whole; the parts follow a colon or "split between", "made up of", ….
    const division = /\b(?:split|divided|shared)\s+(?:\w+\s+)?(?:between|among|into)\b|,\s+of\s+(?:which|whom)\b|\b(?:made up of|consisting of|consists of|comprising|comprises|broken down into|broken down as|break(?:s)? down (?:as|into)|broke down (?:as|into))\b/i.exec(text);
    // "…, with $4 million for Adams, $3 million for Baker and …": parts after the whole, not
    // said to be all of it, so only parts over the total are a finding (unless counted or named whole).
    const withParts = /,\s+with\s+(?=(?:about\s+|roughly\s+|some\s+)?[$€£]?\d)/i.exec(text);
    const colon = text.indexOf(":") > 0 ? text.indexOf(":") : division ? division.index : withParts ? withParts.index : -1;
    let judged: (Judged & { head: string }) | null = null;
    const named = amounts.find((f) => TOTAL_BEFORE.test(text.slice(Math.max(0, f.at - 24), f.at)) || TOTAL_AFTER.test(text.slice(f.end, f.end + 16)));
    if (named) {
      const parts = amounts.filter((f) => f.end <= named.at && f.unit === named.unit);
      if (parts.length >= 2) judged = { parts, whole: named, exhaustive: true, head: "" };
    } else if (colon > 0) {
      // The whole is the last figure before the colon with at least two parts after it ("three" counts projects).
      const whole = amounts.filter((f) => f.end <= colon && amounts.filter((p) => p.at > colon && p.unit === f.unit).length >= 2 && (/\d/.test(f.raw) || f.value >= 10)).pop();
      const head = text.slice(0, colon);
      // "…: 80 for patrol and 40 for the jails, plus 15 civilian clerks": what comes after "plus" is beside the total.
      const beside = /\b(?:plus|besides|as well as|in addition to|on top of)\b/i.exec(text.slice(colon));
      const stop = beside ? colon + beside.index : Number.POSITIVE_INFINITY;
      const parts = whole ? amounts.filter((f) => f.at > colon && f.at < stop && f.unit === whole.unit) : [];
      if (whole && parts.length >= 2 && !SELECTION.test(head)) {
        const count = COUNT.exec(head.slice(whole.end - 0));
        const counted = count ? (COUNT_WORDS[(count[1] ?? "").toLowerCase()] ?? Number(count[1])) : null;
        // A part for the rest ("and 1,070 other calls", "the remaining 1,030") or three parts or more
        // after the colon are the whole broken down, as under "Of the 860 claims, …".
        const tail = text.slice(colon);
        const rest = /\b(?:the remaining|the rest|the other|remainder)\b|\d[\d,.]*\s+(?:[a-z]+\s+)?other\b/i.test(tail);
        judged = { parts, whole, exhaustive: division !== null || WHOLE.test(head) || TOGETHER.test(head) || counted === parts.length || rest || parts.length >= 3, head };
      }
    }
    const d = judged ? disagreement(judged) : null;
    if (!d || !judged) continue;
    out.push(finding("sum", { claims: [read], message: `The parts add up to ${d.expected}, ${d.verdict}`, computation: d.computation, expected: d.expected, stated: d.stated, tolerance: d.tolerance }));
  }
  return out;
}
