/**
 * Which way a claim points: "did not rise" is not "rose", "fell" is not "rose", "lost 48,000 jobs"
 * is not "created 48,000 jobs", "the lowest since 2005" is not "the highest", and "never", "no
 * longer", "failed to" turn a claim round. Each pair of opposites is an axis; a claim's reading is
 * the axes it names (+1 or -1, each word turned round by a negation whose scope holds it) and
 * whether it is negated at all. Pure: text in, a plain reading out.
 *
 * A negation's scope is what follows it up to the end of its clause (a comma, "but", "who",
 * "which", "that"…) or the next negation, so in "defendants who failed to appear did not
 * increase" only "not" turns "increase" round; "failed to", "refused to" reach only the verb after
 * them. "did not open until March" says when it opened: a negation with "until" in its clause is
 * no negation.
 */

export interface Polarity {
  /** The claim holds an odd number of negations ("not", "never", "no longer", "failed to"). */
  negated: boolean;
  /** The axes the claim names, each word already turned round by a negation over it: change +1 rose / -1 fell, and the others below. */
  axes: Record<string, 1 | -1>;
  /**
   * The axes each negation of the claim's own predicate turns round (relative clauses left out):
   * none for "is not $96.5 million". Against another claim, a negation that turns no axis both name
   * denies the claim outright: "have not closed" against "lost 31 centres".
   */
  denials: readonly (readonly string[])[];
  /** Axes the claim names only through a negation ("did not fall"): on a scale that is weaker than the opposite word ("rose"). */
  negatedAxes: string[];
  /** The words that decided it, for reasons ("did not", "rose"). */
  cues: string[];
}

const NEGATION =
  /\b(?:not|never|no longer|no(?!\s+(?:cost|charge|extra charge)\b|\s+(?:more|fewer|less)\s+than\b)|none|nor|neither|without|(?:failed|fails|fail|failing|refused|refuses|refuse|refusing|declined|declines|decline)\s+to|(?:stopped|stops|stop|ceased|ceases|cease|quit|quits)(?=\s+[a-z]+ing\b)|(?:scrapp(?:ed|ing)|scraps?|shelv(?:ed|es|e|ing)|abandon(?:ed|s|ing)?|dropp(?:ed|ing)|drops?|cancell?(?:ed|ing)|cancels?)\s+(?:(?:its|their|his|her|the)\s+)?(?:plans?|proposals?|bids?)\s+(?:to|for)|(?<!\bthe\s)(?:voted|votes|vote)(?:\s+\d[\d.]*\s*(?:%|percent|per cent))?\s+against(?!\s+\$?\d)|(?:ended|ends|scrapped|scraps|abolished|abolishes|repealed|repeals|halted|halts|discontinued|discontinues)(?=\s+(?:its|their|his|her|the|a|an)\s+(?!(?:fiscal|school|calendar)\b|(?:year|season|month|quarter|week|day|term|session)s?\b))|(?:denied|denies|deny)\s+that|(?<!\b(?:a|the)\s)(?:lacks?|lacked|lacking)|uninsured|unfunded(?!\s+(?:pension\s+)?(?:liabilit|mandate))|unvaccinated|(?:postponed|postpones|postponing|delayed|delays|delaying|deferred|defers|deferring)(?=\s+(?:the|its|their|his|her|a|an)\s)|banned|bans|banning|prohibited|prohibits|prohibiting|outlawed|outlaws|(?<=\b(?:plans?|proposals?|bids?)\b[^,.;:]{0,60}\b(?:have|has|had|were|was|is|are)\s+(?:been\s+)?)(?:dropped|scrapped|shelved|abandoned|cancell?ed|withdrawn)|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|won't|wouldn't|can't|cannot|couldn't|shouldn't)\b/gi;
/** Negations that take one verb ("failed to appear"), not a whole clause. */
const ONE_VERB = /\b(?:to|against)$/i;
/** A delay turns round the event after it ("delayed the opening", "postponed the closure"): its determiner and noun. */
const DELAY = /^(?:postpon|delay|defer)/i;
/** From a sentence's verb on ("… dropped to 7%"): where a "without" stops. */
const FINITE_VERB_ON = /\s+(?:is|are|was|were|has|have|had|fell|rose|grew|dropped|declined|increased|decreased|climbed|jumped|reached|totaled|totalled|stood|sits|hit)\b[\s\S]*$/i;
/** Where a negation's scope ends. */
const CLAUSE_END = /[,;:.!?"“”]|\b(?:but|while|although|though|whereas|because|who|which|that|whose|where|when|and then)\b/i;
/** Words a negation reaches at most. */
const SCOPE_WORDS = 8;

/** A word (or phrase) is on an axis at +1 or -1; a word may be on two ("cut": a fall, and a loss). */
type Cue = { axis: string; sign: 1 | -1; pattern: RegExp; hint?: RegExp };

const NUMBER_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|twice|double|triple|half|a third|a quarter|a fifth";
const NUMBER_AFTER = String.raw`(?=\s+(?:\$|€|£)?(?:\d|(?:${NUMBER_WORD})\b))`;
const NO_NUMBER_AFTER = String.raw`(?!\s+(?:\$|€|£)?(?:\d|(?:${NUMBER_WORD})\b))`;
/** "declined 212 detainers", "declined the request" is a refusal: a determiner or a count of things follows; "declined 5%", "declined every year" is a fall. */
const REFUSED_OBJECT = String.raw`(?=\s+(?:a|an|the|his|her|their|its|our|my|all|any|both|several|many|most|\d[\d,]*\s+(?!%|percent|per cent|percentage|points?\b)[a-z]))`;
/** Verbs whose "up"/"down" is no direction: "shut down", "set up", "turned down" (a refusal, below). */
const PHRASAL = (particle: string) => String.raw`${particle}(?<!\b(?:keep|keeps|kept|keeping|shut|shuts|shutting|close|closed|closes|closing|break|broke|broken|breaks|step|stepped|steps|turn|turned|turns|set|sets|sign|signed|signs|show|showed|shows|shown|end|ended|ends|make|made|makes|pick|picked|take|took|taken|takes|look|looked|line|lined|wrap|wrapped|follow|followed|hold|held|back|backed|called|call|crack|cracked|crackdown|clamp|clamped|tear|tore|torn|sit|sat|stand|stood|lock|locked|live|lived|hand|handed|wind|wound|shot|shoot|written|write|wrote|voted|vote|votes)\s${particle})`;
/** A comparative with "than any"/"than ever" is a superlative: "lower than at any time since 1977" is "the lowest". */
const THAN_ANY = String.raw`\s+than\s+(?:(?:at|in|during|for|over)\s+)?(?:any|ever)\b`;

const CUES: readonly Cue[] = [
  {
    axis: "change",
    sign: 1,
    pattern: new RegExp(
      String.raw`\b(?:rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grows|grown|growing|climbed?|climbs|climbing|jumped?|jumps|soared?|soars|doubled|tripled|higher(?!${THAN_ANY})|recovered|recover|recovers|rebounded|improved|raised?|raises|raising|hiked?|hikes|boost(?:ed|s|ing)?|warm(?:ed|ing)|surged?|surges|surging|spiked|swelled|ballooned|restor(?:e|ed|es|ing)|reinstat(?:e|ed|es|ing)|(?<!\bno\s)longer(?!-)|${PHRASAL("up")}(?!\s+to\s+(?:\$|\d)))\b`,
      "gi",
    ),
  },
  { axis: "change", sign: 1, hint: /\bmore\b/i, pattern: new RegExp(String.raw`\bmore\b(?<=\d[\d,.]*\s*(?:%|percent|per cent)?\smore)(?!\s+than)`, "gi") },
  // Against another figure: "above the national rate", "outpacing inflation"; "did not keep pace" is behind.
  { axis: "relative", sign: 1, pattern: new RegExp(String.raw`\b(?:above\b${NO_NUMBER_AFTER}|outpac(?:es?|ed|ing)|outstrip(?:s|ped|ping)?|ahead of|faster than|(?:keep|keeps|kept|keeping) (?:pace|up) with)`, "gi") },
  // "88 more than its authorized strength" is above it by 88, "88 fewer than" below: a gap, not a threshold.
  { axis: "relative", sign: 1, pattern: /(?<=\d[\d,.]*\s*(?:%|percent|per cent)?\s)(?:more|higher|greater|above)(?=\s+than\b)/gi },
  { axis: "relative", sign: -1, pattern: /(?<=\d[\d,.]*\s*(?:%|percent|per cent)?\s)(?:fewer|less|lower)(?=\s+than\b)/gi },
  { axis: "relative", sign: -1, pattern: new RegExp(String.raw`\b(?:below\b${NO_NUMBER_AFTER}|trails?(?=\s+(?:the|a|an|its|their|his|her|our|all|every|national|state|county|city|by|behind)\b)|trailed|trailing|lags?|lagged|lagging|behind|slower than|short of)\b`, "gi") },
  {
    axis: "change",
    sign: -1,
    pattern: new RegExp(
      String.raw`\b(?:fell|(?<!\b(?:next|this|last|the|in|by|early|late|since|until|that|each|every|past|coming)\s)fall(?!\s+(?:semester|term|season|session|elections?)\b)|falls|fallen|falling|(?<!\bbeen\s)dropped|drops?|dropping|decreased?|decreases|decreasing|shrank|shrunk|shrinks|slid|slides|plunged|plummeted|slipped|slips|slipping|dipped|dips|sank|sunk|tumbled|cool(?:ed|ing)|cut|cuts|reduced?|reduces|reducing|reductions?|lower(?:ed|s|ing)?(?!${THAN_ANY})|shorter(?!-)|halved|${PHRASAL("down")})\b`,
      "gi",
    ),
  },
  { axis: "change", sign: -1, pattern: new RegExp(String.raw`\b(?:(?:declined|declines|declining|decline)\b(?!${REFUSED_OBJECT})(?!\s+to\b))|\b(?:fewer|less)\b(?<=\d[\d,.]*\s*(?:%|percent|per cent)?\s(?:fewer|less))(?!\s+than)`, "gi") },
  { axis: "gain", sign: 1, pattern: /\b(?:created|creates|create|added|adds|add|additional|gained|gains|gain|won(?!['’]t)|wins|brought(?!(?:\s+[\w'’-]+){0,4}\s+down\b)|bring(?:s|ing)?\s+on|hired|hires|hire|hiring|victory|victories)\b/gi },
  { axis: "gain", sign: -1, pattern: /\b(?:lost|loses|lose|shed|sheds|cut|cuts|eliminated|eliminates|eliminate|eliminating|(?:laid|lay|lays|laying) off|(?:let|lets|letting) go|(?<=\b(?:were|was|been|be|are|is|get|got)\s)fired|layoffs?|defeat|(?:cost|costs|costing)(?=\s+(?:about\s+|nearly\s+|roughly\s+|more than\s+|at least\s+|up to\s+)?[\d,.]+\s+(?:[a-z-]+\s+)?(?:jobs|lives|seats|positions|workers)\b)|(?:takes?|took|taken|taking)\b(?:[^.,;:!?]|[.,](?=\d)){0,40}?\baway)\b/gi },
  { axis: "assent", sign: 1, pattern: /\b(?:approved|approves|approve|passed|passes|pass|accepted|accepts|honored|honoured|honors|complied|complies|granted|awarded|ratified|ratifies|ratify|adopted|adopts|received(?!\s+(?:the\s+|a\s+)?green light)|upheld|signed|okayed|greenlit|green-lit|(?:got|gets|gave|gives|given|won|received)\s+(?:the\s+|a\s+)?green light|signed off)\b/gi },
  {
    axis: "assent",
    sign: -1,
    pattern: new RegExp(String.raw`\b(?:rejected|rejects|denied(?!\s+that\b)|denies(?!\s+that\b)|(?:refused|refuses|failed|fails)(?!\s+to\b)|vetoed|vetoes|turned down|struck down|(?:voted|votes|vote)\s+(?:[\w'’-]+\s+){0,4}?down\b|(?:went|goes|go)\s+down\s+to\s+defeat|defeated|declined\b${REFUSED_OBJECT})`, "gi"),
  },
  // Whether a thing runs on: "keep the unit open" is not "shut down the unit", "renew a contract" not "end it", "remain open" is "not close".
  {
    axis: "open",
    sign: 1,
    pattern: /\b(?:opens?|opened|reopen(?:s|ed|ing)?|restor(?:e|ed|es|ing)|renew(?:s|ed|ing)?|(?:keep|keeps|kept|keeping|remain|remains|remained|stay|stays|stayed)\s+(?:[\w'’-]+\s+){0,5}?(?:open|running|operating|in operation)|extend(?:s|ed|ing)?)\b/gi,
  },
  {
    axis: "open",
    sign: -1,
    pattern: /\b(?:closed(?!-)|closes|closing(?!\s+arguments)|closures?|(?<=\b(?:to|will|would|could|may|might|must|should|not|plans to)\s)close|shut(?:s|ting)?(?:\s+down)?|shutter(?:s|ed|ing)?|retire(?:s|d)?|retirement|retiring|(?:end|ends|ended|ending)(?=\s+(?:its|their|his|her|the|a|an)\s+(?!(?:fiscal|school|calendar)\b|(?:year|season|month|quarter|week|day|term|session)s?\b)))\b/gi,
  },
  // Who a group is for: "a super PAC backing Grange" is not one "opposing" him.
  { axis: "support", sign: 1, pattern: /\b(?:backing|backed|backs|supporting|supported|supports|in support of|allied with)\b/gi },
  { axis: "support", sign: -1, pattern: /\b(?:opposing|opposed to|opposes|working to defeat|seeking to defeat|attacking)\b/gi },
  // A measure put in place or taken away: "imposed a 25% tariff" is not "lifted" it.
  { axis: "imposed", sign: 1, pattern: /\b(?:imposed|imposes|impose|imposing|levied|levies|subject to|introduced)\b/gi },
  { axis: "imposed", sign: -1, pattern: /\b(?:lift(?:ed|s|ing)?|repeal(?:ed|s|ing)?|remov(?:ed|es|e|ing)|scrap(?:ped|s|ping)?)\b(?=(?:\s+[\w'’%-]+){0,4}\s+(?:bans?|tariffs?|moratori(?:um|a)|restrictions?|caps?|freeze|limits?|orders?|requirements?|mandates?|taxe?s?|duties|fees?)\b)/gi },
  // Posts filled or empty: "a quarter of positions were filled" is not "one in four was vacant".
  { axis: "filled", sign: 1, pattern: /\b(?:filled|occupied|staffed)\b/gi },
  { axis: "filled", sign: -1, pattern: /\b(?:vacant|vacancies|vacancy|unfilled|unstaffed|empty)\b/gi },
  { axis: "extreme", sign: 1, pattern: new RegExp(String.raw`\b(?:highest|most|largest|biggest|best|greatest|strongest|record high|a record\b(?![\s-]+(?:lows?|of)\b)|record[\s-](?:numbers?|levels?|totals?|amounts?|highs?)\b|(?<=\bno\b(?:\s+[\w'’-]+){1,8}?\s)(?:higher|more|greater|larger|bigger|better)(?=[^.,;]*\bthan\b)|(?<=\bno\s+other\b[^.;]{0,60}?\s)as\s+(?:many|much)\b|(?:higher|more|greater|larger|bigger)${THAN_ANY})`, "gi") },
  { axis: "extreme", sign: -1, pattern: new RegExp(String.raw`\b(?:lowest|least|fewest|smallest|worst|poorest|weakest|record low|(?<=\bno\b(?:\s+[\w'’-]+){1,8}?\s)(?:lower|less|fewer|smaller|worse)(?=[^.,;]*\bthan\b)|(?:lower|less|fewer|smaller)${THAN_ANY})`, "gi") },
  { axis: "balance", sign: 1, hint: /surplus|in the black/i, pattern: /\bsurplus(?:es)?\b|\bin the black\b/gi },
  { axis: "balance", sign: -1, hint: /deficit|in the red/i, pattern: /\bdeficits?\b|\bin the red\b/gi },
  {
    axis: "threshold",
    sign: 1,
    pattern: new RegExp(String.raw`\b(?:no (?:fewer|less) than|(?<!\d[\d,.]*\s*(?:%|percent|per cent)?\s|\bno\s)more than|greater than|at least|exceed(?:s|ed|ing)?|(?:over|above)${NUMBER_AFTER})\b`, "gi"),
  },
  {
    axis: "threshold",
    sign: -1,
    pattern: new RegExp(String.raw`\b(?:no more than|(?<!\d[\d,.]*\s*(?:%|percent|per cent)?\s|\bno\s)(?:fewer|less) than|at most|limit(?:s|ed|ing)?\b(?=(?:\s+[\w'’-]+){0,5}\s+to\s+(?:\$|\d|(?:${NUMBER_WORD})\b))|up to(?=\s+(?:\$|\d))|(?:under|below)${NUMBER_AFTER}|cap(?:s|ped|ping)?\b(?=(?:\s+[\w-]+){0,4}\s+at\s+(?:\$|\d)))`, "gi"),
  },
  // "will now be free" is "will no longer charge"; "start charging" is neither.
  { axis: "cost", sign: 1, hint: /charg/i, pattern: /\b(?:charge|charges|charged|charging)\b(?!\s+(?:with|stations?|ports?|points?|spots?|network|infrastructure)\b)/gi },
  { axis: "cost", sign: -1, hint: /free|no (?:extra )?c/i, pattern: /(?<!-)\b(?:free|(?:at )?no (?:extra )?(?:cost|charge))\b(?!-)/gi },
];

type Found = { start: number; end: number; text: string };

/** The negations of a text that count (none with "until" in its clause), each with where its scope ends. */
type Negation = Found & { scopeEnd: number; embedded: boolean; rejection: boolean };

/**
 * A refusal turns round what it refuses: "rejected a 4 percent raise" is no raise, as "won't be
 * getting a 4% raise" is. It is already a word of the assent axis, so it is no negation of its own.
 */
const REJECTION = /\b(?:rejected|rejects|reject|vetoed|vetoes|veto|turned down|turns down|(?:voted|votes|vote)\s+down)\b(?=\s+(?:a|an|the|its|their|his|her)\s)/gi;

/** Whether the clause before a negation opens a relative clause ("defendants who failed to appear"): it then says who, not what. */
const RELATIVE = /\b(?:who|which|whose)\b|(?<!\b(?:said|says|say|stated|claimed|reported|noted|found|finds|show|shows|showed|shown|argued|announced|believes|believe|thinks|think|told\s+\w+))\s+that\b/i;
/** Whether the negation at `start` is inside a relative clause: a relative word since the last punctuation before it. */
function inRelativeClause(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && !",;:.!?".includes(text[from - 1]!)) from -= 1;
  return RELATIVE.test(text.slice(from, start));
}
/** The first few words of a scope, and a particle after them: per count of words, compiled once. */
const FIRST_WORDS = new Map([0, 1, 2, SCOPE_WORDS].map((n) => [n, new RegExp(String.raw`^(?:\s*\S+(?!\S)){0,${n}}(?:\s+(?:up|down|off|out)\b)?`)]));

function negationsOf(text: string): Negation[] {
  const found = [...[...text.matchAll(NEGATION)].map((m) => ({ m, rejection: false })), ...[...text.matchAll(REJECTION)].map((m) => ({ m, rejection: true }))]
    .map(({ m, rejection }) => ({ start: m.index, end: m.index + m[0].length, text: m[0].toLowerCase(), rejection }))
    .sort((x, y) => x.start - y.start);
  const out: Negation[] = [];
  found.forEach((n, i) => {
    const limit = found[i + 1]?.start ?? text.length;
    const rest = text.slice(n.end, limit);
    const clause = CLAUSE_END.exec(rest);
    let scope = clause ? rest.slice(0, clause.index) : rest;
    // "postponed the retirement … until 2031" keeps it running: a delay's "until" is its new date.
    const delay = DELAY.test(n.text);
    if (!delay && /\b(?:until|till)\b/i.test(scope)) return;
    // "No county has a lower rate than Orne" is Orne's lowest: the "no" is the superlative's (a cue above).
    if (n.text === "no" && /^(?:\s+[\w'’-]+){1,8}?\s+(?:higher|more|greater|larger|bigger|better|lower|less|fewer|smaller|worse)\b[^.,;]*\bthan\b/i.test(rest)) return;
    if (n.text === "no" && /^\s+other\b[^.;]{0,60}?\sas\s+(?:many|much)\b/i.test(rest)) return;
    // ", not mine.", ", not the city,": a correction of who or what, set off by a comma, denies nothing the claim asserts.
    if (n.text === "not" && /[,—–]\s*$/.test(text.slice(0, n.start)) && clause && /^\s*(?:mine|me|us|ours|yours|theirs|hers|the|a|an|my|our|your|their|his|her|its|this|that|\$?\d)\b/i.test(scope) && /^(?:\s*\S+){1,4}\s*$/.test(scope) && /[.;,!?]/.test(clause[0])) return;
    // "failed to appear": the verb after, and a particle of it; inside a relative clause ("tenants
    // who did not pay rent rose") the clause's own verb and object, not the sentence's verb after it.
    const embedded = inRelativeClause(text, n.start);
    // "uninsured" is "lack insurance" in one word: it says the claim's "not" and reaches nothing after it.
    // "without" takes its object, not the sentence's verb: "residents without insurance dropped to 7%".
    if (n.text === "without") scope = scope.replace(FINITE_VERB_ON, "");
    const words = /^un/.test(n.text) ? 0 : ONE_VERB.test(n.text) ? 1 : delay ? 2 : embedded ? 2 : SCOPE_WORDS;
    const taken = FIRST_WORDS.get(words)!.exec(scope)?.[0] ?? "";
    scope = taken;
    out.push({ ...n, scopeEnd: n.end + scope.length, embedded });
  });
  return out;
}

/** The polarity of a claim's text. */
export function polarityOf(text: string): Polarity {
  const turnings = negationsOf(text);
  const negations = turnings.filter((n) => !n.rejection);
  const cues: string[] = negations.map((n) => n.text);
  const votes: Record<string, number> = {};
  const plain = new Set<string>();
  const turning = new Map<number, Set<string>>();
  for (const cue of CUES) {
    if (cue.hint && !cue.hint.test(text)) continue;
    for (const m of text.matchAll(cue.pattern)) {
      const over = turnings.filter((n) => n.end <= m.index && m.index < n.scopeEnd);
      over.forEach((n) => turning.set(n.start, (turning.get(n.start) ?? new Set()).add(cue.axis)));
      const turned = over.length % 2 === 1;
      votes[cue.axis] = (votes[cue.axis] ?? 0) + (turned ? -cue.sign : cue.sign);
      if (!turned) plain.add(cue.axis);
      cues.push(m[0].toLowerCase());
    }
  }
  const axes: Record<string, 1 | -1> = {};
  for (const [axis, vote] of Object.entries(votes)) if (vote !== 0) axes[axis] = vote > 0 ? 1 : -1;
  const denials = negations.filter((n) => !n.embedded).map((n) => [...(turning.get(n.start) ?? [])]);
  return { negated: negations.length % 2 === 1, denials, axes, negatedAxes: Object.keys(axes).filter((a) => !plain.has(a)), cues: [...new Set(cues)] };
}

/** Axes that are scales, where "not down" is not "up" (it may be flat); on the others ("did not pass" = "failed") it is. */
const SCALES = new Set(["change", "extreme", "relative"]);

/**
 * Whether one claim says on a scale only what the other's opposite word denies: "have not fallen"
 * vs "have gone up" point the same way, yet the first does not say the second. Not opposite, but
 * not the same claim: the reason in words, or null.
 */
export function weakerPolarity(a: Polarity, b: Polarity): string | null {
  for (const axis of Object.keys(a.axes)) {
    if (!SCALES.has(axis) || !(axis in b.axes)) continue;
    if (a.negatedAxes.includes(axis) !== b.negatedAxes.includes(axis)) return `not the same: ${a.negatedAxes.includes(axis) ? "only denies" : "says"} what the other ${a.negatedAxes.includes(axis) ? "says" : "only denies"} ("${a.cues.join(" ")}" vs "${b.cues.join(" ")}")`;
  }
  return null;
}

/** Whether two claims point opposite ways, with the reason in words when they do. */
export function oppositePolarity(a: Polarity, b: Polarity): string | null {
  const said = (p: Polarity) => (p.cues.length > 0 ? `"${p.cues.join(" ")}"` : "no negation");
  const reason = `opposite: ${said(a)} vs ${said(b)}`;
  const shared = Object.keys(a.axes).filter((axis) => axis in b.axes);
  // Axes agreeing, a denial of the claim itself on one side only still turns it round ("is not
  // $96.5 million, up 3.2%"; "have not closed, eliminating 1,500 slots" vs "lost 1,500 slots").
  const deniedOutright = (p: Polarity) => p.denials.filter((turned) => !turned.some((axis) => shared.includes(axis))).length % 2 === 1;
  if (shared.length > 0) return shared.some((axis) => a.axes[axis] !== b.axes[axis]) || deniedOutright(a) !== deniedOutright(b) ? reason : null;
  // A change, a comparison and a gain say one thing when nothing else is said: "30 percent higher
  // than before the pandemic" is "30% above pre-pandemic levels", "has recovered" is not "still
  // below", "added $4 million to the budget" is not "decreased the budget by $4 million".
  const level = (p: Polarity) => p.axes.change ?? p.axes.relative ?? p.axes.gain;
  if (level(a) !== undefined && level(b) !== undefined) return level(a) !== level(b) ? reason : null;
  // No axis named by both: then a negation on one side only turns the claim round ("never signed" vs
  // "entered into"), while a direction word on one side only is a paraphrase ("went from 71 to 84" vs "climbed").
  return a.negated !== b.negated ? reason : null;
}
