/**
 * Stage 4, type: decides a claim's kind, how check-worthy it is, and says why.
 *
 * Kinds are tried from the most specific to the most general: a rule (what a program allows, requires
 * or forbids) outranks the numbers inside it ("for up to 48 hours"); a number outranks the causal
 * language around it; causal, evaluative and predictive language makes a policy assertion; anything
 * else checkable (an event, an action, an attribution) is factual.
 */
import { ATTRIBUTION_CUES, findCue, INTENT, MAGNITUDE_COMPARISON, PAST_EVENT, POLICY_CUES, RECORD, RULE_CUES, TREND } from "./cues";
import { ARGUMENT, EFFECT_CUES, LEAD_IN_RULE, POLICY_EFFECT, PROVISION, SCHEDULE_RULE_CUES } from "./kind-cues";
import { checkWorthiness, type CheckWorthiness } from "./model/checkworthy";
import { type LocatedQuantity, locateQuantities, unlocated } from "./quantities";
import type { ClaimKind, Quantity } from "./types";

/** What the type stage says about one claim. */
export interface Typing {
  kind: ClaimKind;
  score: number;
  reasons: string[];
  quantities: Quantity[];
  /**
   * What the rules saw, as feature names ("rule", "measured", "policy:prediction", "attribution" …),
   * whatever kind they chose: the learned kind model reads them (./model/kinds.ts).
   */
  signals: string[];
}

/** Capitalised words not at the start of the sentence: names of people, places, agencies. */
const NAMED = /(?<=[\s(“"‘'])(?:[A-Z][\w'’.&-]*|[A-Z]{2,}\w*)(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z][\w'’.&-]*)*/g;
/** A cardinal word ("two", "forty"): a count only where it counts something new (see isMeasured). */
const SMALL_NUMBER_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/i;
/** "the two sides", "both three …", "its four members": a known set referred to, not a count reported. */
const DEFINITE_BEFORE = /\b(?:the|these|those|its|their|our|his|her|your|all)\s+$/i;
/** "two consecutive winters", "for five months": a span of time, not a measurement. */
const TIME_SPAN_AFTER = /^\s+(?:[a-z-]+\s+){0,2}?(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|seasons?|winters?|summers?|springs?|autumns?|falls?|terms?|quarters?|semesters?|generations?)\b/i;
/** A conditional modal: what follows is a hypothesis, not a report. */
const CONDITIONAL = /\b(?:would|could|might)\b/i;
/** "would raise the floor to": the figure after it is the proposal's target, not a measurement. */
const PROPOSED_TARGET =
  /\b(?:would|could|might)\s+(?:[a-z]+ly\s+)?(?:(?:raise|lower|cut|increase|reduce|set|lift|bring|boost|expand|extend|cap|limit|push)\s+(?:[\w'’-]+\s+){0,5}?to|(?:freeze|set|cap|hold|keep|fix|limit)\s+(?:[\w'’-]+\s+){0,5}?at)\s+(?:about\s+|roughly\s+|nearly\s+)?$/i;

/**
 * Whether a quantity is a measurement a statistic rests on: a count, amount, rate or change. Small
 * cardinal words, a policy's own figure in a hypothesis ("a $17 minimum wage would …", "would raise
 * the floor to $17") and headline counts are not; an attributed estimate always is.
 */
function isMeasured(q: LocatedQuantity, text: string, heading: boolean, attributed: boolean, conditional: number): boolean {
  const { at } = q;
  if (SMALL_NUMBER_WORD.test(q.raw)) {
    // A headline's "Two", "the two sides", a "five-day" contract, "three years": words that count a
    // known set, describe a thing or span a time; "six cases", "one in five", "four per nurse" measure.
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + q.raw.length, at + q.raw.length + 40);
    if (heading || DEFINITE_BEFORE.test(before) || /^-/.test(after) || TIME_SPAN_AFTER.test(after)) return false;
  }
  if (attributed || conditional === -1) return true;
  if (PROPOSED_TARGET.test(text.slice(Math.max(0, at - 80), at))) return false;
  // An amount naming the hypothetical policy, before its modal: "A $17 minimum wage would cost …".
  const money = /^[$€£¥]|%$|percent$/i.test(q.raw);
  const attributive = /^\s+(?!(?:of|in|to|from|and|or|by|on|at|with|than|per|a|an|the|would|could|might|will|is|are|was|were)\b)[A-Za-z]/.test(text.slice(at + q.raw.length));
  return !(heading || money) || !attributive || at > conditional;
}
const FIRST_PERSON_SUBJECT = /^(?:["“]?\s*)(?:I|we|We|us|Let's|Let us)\b/;

/** "+ a percentage", "− a question": which way a feature pushed the score, in words. */
const weighedWords = (w: CheckWorthiness["weighed"][number]) => `${w.weight > 0 ? "+" : "−"} ${w.words}`;

const shortenWords = (w: string) => (w.length > 40 ? `${w.slice(0, 37)}…` : w);

function describeQuantity(q: Quantity): string {
  if (q.change) return `change: ${q.raw}`;
  if (q.unit && !q.unit.startsWith("percent")) return `number with unit: ${q.raw}${/\d$/.test(q.raw) ? ` ${q.unit}` : ""}`;
  if (q.unit) return `percentage: ${q.raw}`;
  return q.counted ? `count: ${q.raw} ${q.counted}` : `number: ${q.raw}`;
}

/** Words of `text` that a cue matched, only if they are not all inside an intent's infinitive. */
function policyCue(text: string): { reason: string; words: string } | null {
  const intent = INTENT.exec(text);
  // "has vowed to drastically reduce …": the reduction is a plan, reported as a fact about who vowed.
  const scope = intent ? text.slice(0, intent.index) : text;
  return findCue(scope, POLICY_CUES);
}

/** What a bill or proposal would do ("a bill that would raise rates …"): a rule it would make. */
function provision(text: string): { reason: string; words: string } | null {
  const m = PROVISION.exec(text);
  return m ? { reason: "provision of a proposal", words: shortenWords(m[0].trim()) } : null;
}

/**
 * Types one claim. `context` is a list item's lead-in: items under "claimants must:" are rules even
 * though the item itself ("have lost their job…") carries no modal.
 */
export function typeClaim(text: string, context: string | null = null, options: { heading?: boolean } = {}): Typing {
  const located = locateQuantities(text);
  const quantities: Quantity[] = located.map(unlocated);
  const reasons: string[] = [];
  // "The fee will force …", "has narrowed …", "which means …": what a policy does or will do.
  const effect = POLICY_EFFECT.exec(text);
  const done = findCue(text, EFFECT_CUES);
  // A proposal's provision is its rule, unless the sentence goes on to say what it would do to people.
  const ownLead = LEAD_IN_RULE.exec(text);
  // "The main exceptions are:": a lead-in announcing a rule's terms is a rule itself.
  const own = findCue(text, RULE_CUES) ?? findCue(text, SCHEDULE_RULE_CUES) ?? (effect || done ? null : provision(text)) ?? (ownLead ? { reason: "lead-in to a rule's terms", words: ownLead[0].replace(/:\s*$/, "") } : null);
  const lead = own || !context ? null : LEAD_IN_RULE.exec(context);
  const inherited = own || !context ? null : (findCue(context, RULE_CUES) ?? (lead ? { reason: "", words: lead[0].replace(/:\s*$/, "") } : null));
  const rule = own ?? (inherited ? { reason: "rule from lead-in", words: inherited.words } : null);
  const policy = policyCue(text);
  const attribution = findCue(text, ATTRIBUTION_CUES);
  const intent = INTENT.exec(text);
  const exhortation = FIRST_PERSON_SUBJECT.test(text);

  const conditional = located.length > 0 ? (CONDITIONAL.exec(text)?.index ?? -1) : -1;
  const measured = located.filter((q) => isMeasured(q, text, options.heading === true, attribution !== null, conditional));
  const hypothetical = CONDITIONAL.test(text) && policy?.reason === "prediction";
  const comparison = hypothetical ? null : MAGNITUDE_COMPARISON.exec(text);

  const argued = ARGUMENT.exec(text);
  const trend = TREND.test(text);
  const record = RECORD.test(text);
  const past = PAST_EVENT.test(text);
  const signals = [
    own ? `rule:${own.reason}` : null,
    inherited ? "rule:from lead-in" : null,
    effect ? "policy effect" : null,
    done ? `done:${done.reason}` : null,
    policy ? `policy:${policy.reason}` : null,
    attribution ? "attribution" : null,
    intent ? "intention" : null,
    exhortation ? "first-person subject" : null,
    conditional !== -1 || CONDITIONAL.test(text) ? "conditional" : null,
    located.length > 0 ? "quantity" : null,
    measured.length > 0 ? "measured" : null,
    located.length > measured.length ? "unmeasured quantity" : null,
    record ? "record" : null,
    comparison ? "comparison" : null,
    trend ? "trend" : null,
    hypothetical ? "hypothetical" : null,
    argued ? "argued" : null,
    past ? "past event" : null,
  ].filter((s): s is string => s !== null);

  let kind: ClaimKind;
  if (rule && !exhortation) {
    kind = "program_rule";
    reasons.push(`${rule.reason}: ${rule.words}`);
  } else if (effect && !RECORD.test(text)) {
    // "The fee will force shops to close and cost thousands of jobs": the amount is part of the forecast.
    kind = "policy_assertion";
    reasons.push(`predicted effect of a policy: ${shortenWords(effect[0].trim())}`);
  } else if (argued && /\b(?:would|will)\b/i.test(text.slice(argued.index)) && !RECORD.test(text) && !/^["“]/.test(text)) {
    // "Critics argue it would increase improper payments, which the audit put at 5.2%": what is argued
    // is a forecast; the figure beside it is the argument's evidence, not the claim.
    kind = "policy_assertion";
    reasons.push(`argued forecast: ${argued[0].trim()}`);
  } else if (measured.length > 0 || RECORD.test(text) || comparison || (TREND.test(text) && !policy)) {
    kind = "statistic";
    const record = RECORD.exec(text) ?? comparison ?? TREND.exec(text);
    if (record && measured.length === 0) reasons.push(`measured change: ${shortenWords(record[0])}`);
  } else if (policy && !(policy.reason === "prediction" && attribution)) {
    kind = "policy_assertion";
    reasons.push(`${policy.reason}: ${policy.words}`);
  } else if (done && !INTENT.test(text)) {
    kind = "policy_assertion";
    reasons.push(`${done.reason}: ${done.words}`);
  } else if (argued) {
    // "Critics argue that more judges will mean …": an argument, typed by what it asserts.
    kind = "policy_assertion";
    reasons.push(`argued: ${argued[0].trim()}`);
  } else {
    kind = "factual";
  }
  for (const q of quantities.slice(0, 3)) reasons.push(describeQuantity(q));
  if (kind === "statistic" && quantities[0]?.period) reasons.push(`period: ${quantities[0].period}`);
  if (attribution) reasons.push(`${attribution.reason}: ${attribution.words}`);
  if (intent) reasons.push(`stated intention: ${intent[0].trim()}`);
  if (kind === "factual" && !attribution) {
    const past = PAST_EVENT.exec(text);
    if (past) reasons.push(`past-tense event: ${past[0]}`);
  }
  if (kind !== "policy_assertion" && policy && kind !== "factual") reasons.push(`${policy.reason}: ${policy.words}`);

  NAMED.lastIndex = 0;
  const names = (text.match(NAMED) ?? []).map((n) => n.replace(/[.,'’]+$/, "")).filter((n) => n.length > 1).slice(0, 2);
  if (names.length > 0) reasons.push(`named entity: ${names.join(", ")}`);

  // Check-worthiness is the learned model's calibrated probability (./model/checkworthy.ts); the
  // kind stays with the rules above. The reason line names the features that weighed most.
  const worth = checkWorthiness(text);
  const score = Math.round(worth.probability * 1000) / 1000;
  if (worth.weighed.length > 0) reasons.push(`check-worthiness ${score.toFixed(2)}: ${worth.weighed.map(weighedWords).join(", ")}`);
  return { kind, score, reasons, quantities, signals };
}
