/**
 * Shares: percentages of one whole that add up to more than all of it ("54% backed the measure and
 * 49% opposed it"), in one sentence or down one list, and a share of people above 100%.
 *
 * Percentages in one sentence are often of different wholes ("62% of men and 58% of women"), rates
 * ("grew 1.8%, compared with 1.1%") or alternatives ("10 percent, or 5 percent for …"); those are
 * set aside, and only a parallel run of shares that plainly exceeds 100% is a finding.
 */
import { changePairs, changeStatement } from "../cues";
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { groupsOf } from "../groups";
import { readFigures } from "../figures";
import { isFractionWord, withFractionWords } from "../fraction-words";
import { formatNumber, plus, type Interval } from "../interval";
import type { NumberFinding } from "../types";

// Respondents who may give several answers, or figures that each stand for their own whole.
const OVERLAPPING = /\b(?:more than one|multiple|could choose|could select|could pick|could give|respectively|each(?!\s+[\w-]+['’]s\s+(?:main|primary|usual|chief|only)\b)|both|either|apiece|per(?!\s?cent)|rate|rates|margin of error)\b/i;
// "up" in "making up 35%" is a part's verb; "above" and "below" compare only right after a share ("5%
// below the state average"), and further on are a part's own words ("37% read below it").
const NOT_PARALLEL = /\b(?:not|instead|rather|than|compared|versus|vs\.?|while|whereas|but|(?<!\b(?:make|makes|making|made)\s)up|down|rose|fell|since|after|before|until|of the (?:federal|state|area|county|national|median)\b(?!['’]s)|median|poverty)\b/i;
// Backing and opposing one thing: "73% favoured the curfew, while 35% opposed it" are of one whole.
const FOR = /^\s+(?:of\s+[^;]{0,60}?\s+|(?:[a-z]+\s+){1,2}?)?(?:favou?red|supported|backed|approved|support|back|favou?r|approve|agreed|wanted|voted\s+(?:for|to|in\s+favou?r|yes))\b[^;]*,?\s+(?:while|whereas|but)\s+$/i;
const AGAINST = /^\s+(?:opposed|oppose|rejected|disapproved|disapprove|disagreed|were against|are against|said no|voted\s+(?:against|no))\b/i;
/**
 * One answer and its opposite across "while" or "but": "feel unsafe …, while half said they feel
 * safe"; "have broadband, while four in 10 have no internet" is not one (another thing is named).
 */
function opposite(first: string, second: string): boolean {
  if (!/^[^;]*\b(?:while|whereas|but)\b/i.test(first) || /\b(?:than|compared|versus|up|down)\b/i.test(first)) return false;
  const words = (s: string) => s.toLowerCase().match(/[a-z]+/g) ?? [];
  const [a, b] = [words(first.split(/\b(?:while|whereas|but)\b/i)[0] ?? "").slice(-10), words(second).slice(0, 8)];
  const negated = (x: string[], y: string[]) => x.some((w) => w.length > 4 && /^(?:un|in|dis|non)/.test(w) && y.includes(w.replace(/^(?:un|in|dis|non)/, "")));
  return negated(a, b) || negated(b, a);
}
const NOT_A_GROUP = /^(?:of|by|on|in|at|to|for|from|with|the|a|an|and|or|said|say|says|are|were|is|was|have|had|has|do|did|use|used|take|took|drive|walk|ride|back|backed|support|oppose|opposed|favou?r|want|wanted|would|will|could|chose|named|picked|went|go|goes|came|come|percent)$/;
const OF_WHOLE = /^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?([\w'’-]+(?:\s+[\w'’-]+)?)/i;
const PEOPLE = /^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|[\w'’]+['’]s\s+)?(?:registered\s+|eligible\s+|likely\s+)?(?:voters|residents|students|households|respondents|workers|adults|children|people|members|patients|families|employees|citizens|ballots|votes|drivers|teachers|nurses|officers|staff|riders|users|customers|participants|applicants|owners|renters|homeowners|tenants|parents|seniors|veterans|inmates|schools|hospitals|homes|businesses)\b/i;

/** Shares that add up to more than their whole. */
export function checkShares(read: readonly ReadClaim[]): NumberFinding[] {
  // Fractions in words are parts of a whole here ("half drive, a third take the bus").
  const claims = read.map(withFractionWords);
  return [...sentenceShares(claims), ...followingShares(claims), ...listShares(claims), ...tableShares(claims), ...overWhole(claims)];
}

const LEVEL_BEFORE = /\b(?:is|was|were|are|at|to|of|reached|hit|by|rate|stood|stands|remains|remained)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|just\s+over\s+|just\s+under\s+)?$/i;
const GOES_ON = /\b(?:another|a further|the remaining|the other|the rest,?|while)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?$/i;

/** The plain shares of a claim when every percentage in it is one (none a change, a rate, a comparison). */
function plainShares(read: ReadClaim): Figure[] | null {
  const { text } = read.claim;
  const percents = read.figures.filter((f) => f.unit === "percent");
  if (percents.length === 0 || OVERLAPPING.test(text) || /\b(?:than|compared|versus|rose|fell|up|down|increase|decrease)\b/i.test(text)) return null;
  if (percents.some((f) => !(written(f) || inWords(text, f)) || f.value > 100 || changeStatement(text, f, read.figures))) return null;
  return percents;
}

/**
 * "58% of residents backed the plan. Another 47% opposed it.": shares that go on into the next
 * sentences, one chain of one whole ("Of the budget, 45% goes to pay. Another 30% goes to buildings.
 * The remaining 30% …"). A sentence goes on the chain with "another", "the remaining", "the rest";
 * after a lead that divides one whole ("Of the city's budget, 42% goes to police", "The survey asked
 * residents how they commute."), also a sentence whose share is its subject or a part's verb's
 * object ("Parks take 18%.", "Thirty-one percent take transit."), unless it is one more opinion
 * ("said they", "agree"), which may be of another question.
 */
function followingShares(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  let i = 0;
  while (i < claims.length) {
    const first = claims[i]!;
    const start = plainShares(first);
    // "Turnout was 64%." is a level, not a part of a whole that the next sentence goes on dividing.
    if (!start || start.some((f) => LEVEL_BEFORE.test(first.claim.text.slice(Math.max(0, f.at - 24), f.at)))) {
      i++;
      continue;
    }
    const divides = DIVIDES.test(first.claim.text) || (i > 0 && ASKS.test(claims[i - 1]!.claim.text)) || (start.length === 1 && PART_AFTER.test(first.claim.text.slice(start[0]!.end)));
    const chain: { read: ReadClaim; shares: Figure[] }[] = [{ read: first, shares: start }];
    for (let j = i + 1; j < claims.length; j++) {
      const read = claims[j]!;
      const shares = plainShares(read);
      if (!shares || !goesOn(read, shares, divides)) break;
      chain.push({ read, shares });
    }
    i += chain.length;
    if (chain.length < 2) continue;
    const shares = chain.flatMap((c) => c.shares);
    const sum = sumOf(shares);
    if (sum[0] <= 100) continue;
    // Linked only by a lead that divides a whole, sentences far over 100% are more likely one question
    // each ("72% want later start times. Sixty-five percent want more recess.") than a slip.
    const saidSo = chain.slice(1).every((c) => c.shares.some((f) => GOES_ON.test(c.read.claim.text.slice(Math.max(0, f.at - 30), f.at))));
    const verbs = chain.map((c) => ONE_QUESTION_EACH.exec(c.read.claim.text.slice(c.shares[0]!.end))?.[1]?.toLowerCase());
    if (!saidSo && (sum[0] > 130 || verbs.every((v) => v !== undefined && v === verbs[0]))) continue;
    const total = shares.reduce((a, f) => a + f.value, 0);
    out.push(
      finding("share", {
        claims: chain.map((c) => c.read).reverse(),
        message: `Shares of one whole add up to ${formatNumber(total, 1)}%: ${shares.map((f) => f.raw).join(" + ")}`,
        computation: `${shares.map((f) => formatNumber(f.value, 2)).join(" + ")} = ${formatNumber(total, 2)}%`,
        expected: "at most 100%",
        stated: `${formatNumber(total, 2)}%`,
        tolerance: `each share's rounding, ${formatNumber(sum[0], 2)}% at the least`,
      }),
    );
  }
  return out;
}

/** A lead that divides one whole: "Of the city's budget, 42% …", "Among the 900 callers, …". */
const DIVIDES = /^(?:Of|Among)\s+(?:the|its|their|all|[\w'’]+['’]s)\b[^,]{0,60},/;
/** The sentence before asks one question: "The survey asked residents how they commute." */
const ASKS = /\b(?:asked|asking)\b[^.]{0,80}\b(?:how|which|what|where|whether|who)\b/i;
/** "Most of the county's electricity, 62%, comes from gas": a share given as one part of a whole. */
const PART_AFTER = /^[\s,)]*(?:of\s+(?:the|its|their)\s+[\w'’ -]{1,40}?\s+)?(?:comes?\s+from|came\s+from|goes\s+to|go\s+to|went\s+to|is\s+spent\s+on|was\s+spent\s+on|pays\s+for|paid\s+for)\b/i;
const PART_VERB = /\b(?:supplies|supply|provides?|provided|generates?|generated|funds?|funded|takes?|took|gets?|got|receives?|received|goes\s+to|go\s+to|went\s+to|accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|comes?\s+from|came\s+from|supplies|supplied|covers?|covered)\s+(?:the\s+(?:remaining|other|rest)\s+)?(?:about\s+|roughly\s+|nearly\s+|some\s+|just\s+over\s+|just\s+under\s+)?$/i;
const OPINION = /\b(?:said|say|says|agree[sd]?|disagree[sd]?|reported|believe[sd]?|think|thought|felt|feel|rated|rate|rates|wants?|wanted|like|likes|liked|trusts?|trusted)\b/i;
/**
 * One verb after every share names one question each: "60% rated trash pickup good, 55% rated the
 * parks good", "72% want later start times. Sixty-five percent want more recess."
 */
const ONE_QUESTION_EACH = /^\s+(?:of\s+[^,;.]{1,40}?\s+)?(rated|rate|rates|want|wants|wanted|like|likes|liked|trust|trusts|trusted|use|uses|used|own|owns|owned|have|has)\b/i;
function questionEach(text: string, shares: Figure[]): boolean {
  const verbs = shares.map((f) => ONE_QUESTION_EACH.exec(text.slice(f.end))?.[1]?.toLowerCase());
  return verbs.length >= 2 && verbs.every((v) => v !== undefined && v === verbs[0]);
}

function goesOn(read: ReadClaim, shares: Figure[], divides: boolean): boolean {
  const { text } = read.claim;
  const before = (f: Figure) => text.slice(Math.max(0, f.at - 30), f.at - (f.hedge ? f.hedge.length + 1 : 0));
  if (shares.some((f) => LEVEL_BEFORE.test(text.slice(Math.max(0, f.at - 24), f.at)) && !PART_VERB.test(before(f)))) return false;
  if (shares.some((f) => GOES_ON.test(text.slice(Math.max(0, f.at - 30), f.at)))) return true;
  if (!divides || OPINION.test(text) || OF_WHOLE.test(text.slice(shares[0]!.end))) return false;
  const f = shares[0]!;
  return PART_VERB.test(before(f)) || /^\s*(?:some\s+|about\s+|roughly\s+|nearly\s+|just\s+over\s+|just\s+under\s+)?$/i.test(text.slice(0, f.at));
}

const written = (f: Figure) => f.unit === "percent" && (/\d|per\s?cent/i.test(f.raw) || isFractionWord(f));
/**
 * A share in words that names its whole ("three-quarters of residents", "about two-thirds of the
 * budget"): a share like "30%" beside it. Without the "of" it is often a rule ("a two-thirds majority").
 */
const inWords = (text: string, f: Figure) => f.unit === "percent" && (/^\w+ in \w+$/i.test(f.raw) || (!/\d/.test(f.raw) && /^\s+of\b/i.test(text.slice(f.end, f.end + 5))));
const sumOf = (fs: Figure[]): Interval => fs.reduce<Interval>((acc, f) => plus(acc, f.range), [0, 0]);

function sentenceShares(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const read of claims) {
    const { text } = read.claim;
    if (read.figures.filter((f) => f.unit === "percent").length < 2 || OVERLAPPING.test(text)) continue;
    const stated = new Set(read.figures.filter((f) => changeStatement(text, f)));
    const paired = new Set(changePairs(text, read.figures, stated).flatMap((p) => [p.from, p.to]));
    // Written shares only: "not the two-thirds" beside "a 55% majority" is a rule, not a share.
    const shares = read.figures.filter((f) => (written(f) || inWords(text, f)) && f.value <= 100 && !stated.has(f) && !paired.has(f));
    // Three shares in words or more are a breakdown too ("Two in five …, three in ten … and two in five …").
    if (shares.length < 2 || !(shares.some(written) || shares.length >= 3) || shares.length !== read.figures.filter((f) => f.unit === "percent").length) continue;
    // A parallel run: nothing between consecutive shares that compares, contrasts or changes them.
    // "or" only as an alternative to the next share ("10 percent, or 5 percent for …"), not inside a
    // part's words ("38% were aged 16 or 17, 41% …"); "while" between backing and opposing is one whole.
    const between = (i: number) => text.slice(shares[i - 1]!.end, shares[i]!.at - (shares[i]!.hedge ? shares[i]!.hedge!.length + 1 : 0));
    const parallel = shares.every((f, i) => {
      if (i === 0) return true;
      const words = between(i);
      if (/\bor\s*$/i.test(words) || /^[\s,]*(?:above|below)\b/i.test(words)) return false;
      // "Among renters, 48% agreed; among homeowners, 70% did": each share of its own group.
      // "In Harlan County it won 71%; in Dale County, only 39%": so is each place's.
      if (/(?:[;]|\b(?:and|while|whereas|but))\s*(?:among|for|in)\s+(?:the\s+|all\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*(?:only\s+|just\s+)?$/i.test(words)) return false;
      return !NOT_PARALLEL.test(words) || (FOR.test(words) && AGAINST.test(text.slice(f.end, f.end + 24)) && !/\b(?:not|than|compared|versus|up|down)\b/i.test(words)) || opposite(words, text.slice(f.end, f.end + 50));
    });
    // "62% of the cost for men and 58% of the cost for women": each share names its own whole.
    const wholes = shares.map((f) => OF_WHOLE.exec(text.slice(f.end))?.[0]?.toLowerCase()).filter(Boolean);
    const tails = new Set(shares.filter((f) => OF_WHOLE.test(text.slice(f.end))).map((f) => text.slice(f.end).split(/\s+/).slice(0, 6).join(" ").toLowerCase()));
    // "two in three parents, three in four teachers": shares in words naming their own groups.
    const groups = new Set(shares.filter((f) => /^\w+ in \w+$/i.test(f.raw)).map((f) => /^\s+([a-z]+)/i.exec(text.slice(f.end))?.[1]?.toLowerCase()).filter((w): w is string => w !== undefined && !NOT_A_GROUP.test(w)));
    if (!parallel || new Set(wholes).size > 1 || tails.size > 1 || groups.size > 1 || questionEach(text, shares)) continue;
    const sum = sumOf(shares);
    if (sum[0] <= 100) continue;
    const total = shares.reduce((a, f) => a + f.value, 0);
    out.push(
      finding("share", {
        claims: [read],
        message: `Shares of one whole add up to ${formatNumber(total, 1)}%: ${shares.map((f) => f.raw).join(" + ")}`,
        computation: `${shares.map((f) => formatNumber(f.value, 2)).join(" + ")} = ${formatNumber(total, 2)}%`,
        expected: "at most 100%",
        stated: `${formatNumber(total, 2)}%`,
        tolerance: `each share's rounding (${shares[0]!.tolerance}), ${formatNumber(sum[0], 2)}% at the least`,
      }),
    );
  }
  return out;
}

function listShares(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const list of groupsOf(claims).lists) {
    // Each item's one share, first or beside its count ("- Transit: 600 (25%)").
    const shares = list.items.map((i) => i.figures.filter((f) => f.unit === "percent")).filter((fs) => fs.length === 1 && written(fs[0]!)).map((fs) => fs[0]!);
    if (shares.length < 2 || shares.length !== list.items.length || OVERLAPPING.test(list.leadIn)) continue;
    if (list.items.some((i) => changeStatement(i.claim.text, i.figures.find((f) => f.unit === "percent")!, i.figures) || /\b(?:than|compared|up|down|rose|fell)\b/i.test(i.claim.text))) continue;
    const sum = sumOf(shares);
    if (sum[0] <= 100) continue;
    const total = shares.reduce((a, f) => a + f.value, 0);
    out.push(
      finding("share", {
        claims: [...list.before.slice(0, 1), ...list.items],
        message: `The list's shares add up to ${formatNumber(total, 1)}%`,
        computation: `${shares.map((f) => formatNumber(f.value, 2)).join(" + ")} = ${formatNumber(total, 2)}%`,
        expected: "at most 100%",
        stated: `${formatNumber(total, 2)}%`,
        tolerance: `each share's rounding, ${formatNumber(sum[0], 2)}% at the least`,
      }),
    );
  }
  return out;
}

/** "112% of registered voters": more people than there are. (200% of the poverty line is fine.) */
function overWhole(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const read of claims) {
    for (const f of read.figures) {
      if (f.unit !== "percent" || f.range[0] <= 100 || !PEOPLE.test(read.claim.text.slice(f.end)) || changeStatement(read.claim.text, f)) continue;
      out.push(finding("share", { claims: [read], message: `${f.raw} of a group of people is more than all of them`, computation: `${formatNumber(f.value, 2)}% > 100%`, expected: "at most 100%", stated: f.raw, tolerance: f.tolerance }));
    }
  }
  return out;
}

const SHARE_HEADER = /^(?:\*\*)?(?:share|%|percent|percentage|proportion)(?:\s+of\s+(?:the\s+)?(?:total|all|[a-z]+))?(?:\s*\(%\))?(?:\*\*)?$/i;
const TOTAL_ROW = /^(?:\*\*)?(?:total|all|overall|combined)\b/i;

/** A table column of shares whose "Total" row says 100% but whose rows add up to more. */
function tableShares(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  for (const table of groupsOf(claims).tables) {
    const found = table.rows.findIndex((r) => TOTAL_ROW.test(r.cells[0] ?? ""));
    // Without a total row, a column headed as the parts' share of one whole ("Share", "% of total").
    const totalAt = found >= 0 ? found : table.rows.length;
    if (totalAt < 2) continue;
    const body = table.rows.slice(0, totalAt);
    const totalRow = table.rows[totalAt] ?? table.rows[totalAt - 1]!;
    for (let c = 1; c < (table.header.length || totalRow.cells.length); c++) {
      if (found < 0 && !SHARE_HEADER.test(table.header[c] ?? "")) continue;
      const [whole, ...extra] = found >= 0 ? readFigures(totalRow.cells[c] ?? "") : [];
      if (found >= 0 && (!whole || extra.length > 0 || whole.unit !== "percent" || Math.abs(whole.value - 100) > 0.5)) continue;
      const shares = body.map((r) => readFigures(r.cells[c] ?? ""));
      if (shares.some((f) => f.length !== 1 || f[0]!.unit !== "percent")) continue;
      const flat = shares.map((f) => f[0]!);
      const sum = sumOf(flat);
      if (sum[0] <= 100) continue;
      const total = flat.reduce((a, f) => a + f.value, 0);
      const column = table.header[c] ?? `column ${c + 1}`;
      out.push(
        finding("share", {
          claims: found >= 0 ? [totalRow.read, ...body.map((r) => r.read)] : body.map((r) => r.read).reverse(),
          message: `"${column}": the rows' shares add up to ${formatNumber(total, 1)}%${found >= 0 ? ", the total row says 100%" : ""}`,
          computation: `${flat.map((f) => formatNumber(f.value, 2)).join(" + ")} = ${formatNumber(total, 2)}%`,
          expected: "100%",
          stated: `${formatNumber(total, 2)}%`,
          tolerance: `each share's rounding, ${formatNumber(sum[0], 2)}% at the least`,
        }),
      );
    }
  }
  return out;
}
