/**
 * Stage 4, type: decides a claim's kind, how check-worthy it is, and says why.
 *
 * Kinds are tried from the most specific to the most general: a rule (what a program allows, requires
 * or forbids) outranks the numbers inside it ("for up to 48 hours"); a number outranks the causal
 * language around it; causal, evaluative and predictive language makes a policy assertion; anything
 * else checkable (an event, an action, an attribution) is factual.
 */
import { ATTRIBUTION_CUES, findCue, INTENT, PAST_EVENT, POLICY_CUES, RULE_CUES } from "./cues";
import { extractQuantities } from "./quantities";
import type { ClaimKind, Quantity } from "./types";

/** What the type stage says about one claim. */
export interface Typing {
  kind: ClaimKind;
  score: number;
  reasons: string[];
  quantities: Quantity[];
}

/** Capitalised words not at the start of the sentence: names of people, places, agencies. */
const NAMED = /(?<=[\s(“"‘'])(?:[A-Z][\w'’.&-]*|[A-Z]{2,}\w*)(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z][\w'’.&-]*)*/g;
/** "a record high", "an all-time low": a comparison with every earlier figure, so a statistic. */
const RECORD = /\b(?:record|all-time)\s+(?:high|low|number|levels?)\b/i;
/** A measured trend stated without its figures ("spending rose in every district"). */
const TREND = /\b(?:rose|fell|increased|decreased|declined|grew|doubled|tripled|halved|climbed|dropped|surged|plunged)\b/;
const FIRST_PERSON_SUBJECT = /^(?:["“]?\s*)(?:I|we|We|us|Let's|Let us)\b/;

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

/**
 * Types one claim. `context` is a list item's lead-in: items under "claimants must:" are rules even
 * though the item itself ("have lost their job…") carries no modal.
 */
export function typeClaim(text: string, context: string | null = null): Typing {
  const quantities = extractQuantities(text);
  const reasons: string[] = [];
  const own = findCue(text, RULE_CUES);
  const inherited = own || !context ? null : findCue(context, RULE_CUES);
  const rule = own ?? (inherited ? { reason: "rule from lead-in", words: inherited.words } : null);
  const policy = policyCue(text);
  const attribution = findCue(text, ATTRIBUTION_CUES);
  const intent = INTENT.exec(text);
  const exhortation = FIRST_PERSON_SUBJECT.test(text);

  let kind: ClaimKind;
  if (rule && !exhortation) {
    kind = "program_rule";
    reasons.push(`${rule.reason}: ${rule.words}`);
  } else if (quantities.length > 0 || RECORD.test(text) || (TREND.test(text) && !policy)) {
    kind = "statistic";
    const record = RECORD.exec(text) ?? TREND.exec(text);
    if (record && quantities.length === 0) reasons.push(`measured change: ${record[0]}`);
  } else if (policy && !(policy.reason === "prediction" && attribution)) {
    kind = "policy_assertion";
    reasons.push(`${policy.reason}: ${policy.words}`);
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

  // Check-worthiness: numbers and rules are the most checkable; named sources and events help;
  // evaluative language alone is checkable only in part.
  let score = 0.3;
  if (quantities.length > 0) score += 0.3;
  if (rule) score += 0.25;
  if (policy) score += 0.15;
  if (attribution) score += 0.1;
  if (names.length > 0) score += 0.1;
  if (kind === "factual" && PAST_EVENT.test(text)) score += 0.1;
  if (exhortation) score -= 0.15;
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  return { kind, score, reasons, quantities };
}
