/**
 * What the kind model reads about one claim: the check-worthiness model's words, word pairs, number
 * shapes and cues (./features.ts), what the type stage's rules saw (`Typing.signals`: a rule cue, a
 * measured quantity, a policy cue, an attribution, a conditional …), optionally the kind the rules
 * chose, and where the unit sits (its block, a lead-in). Every feature is a readable string.
 */
import type { ClaimKind } from "../types";
import { featurize } from "./features";

/** Names the kind feature set; a model file trained on another set is refused (./kinds.ts). */
export const KIND_FEATURES_VERSION = "claimdesk-kinds/2";

/**
 * Word classes that tell the kinds apart across texts, each a small lexicon of English rather than a
 * phrase of one article: what rules are made of (obligation, permission, eligibility, conditions,
 * deadlines, how a benefit is paid), what policy arguments are made of (modal or future verbs with a
 * policy noun, causal and evaluative words, who argues), and what statistics are made of (the shape of
 * the numbers). A class fires once per claim; the model learns its weight per kind.
 */
const CLASSES: [string, RegExp][] = [
  ["obligation", /\b(?:must|shall|required?|requires|has to|have to|had to|needs? to|obligat\w+|mandator\w+)\b/i],
  ["permission", /\b(?:may|can|cannot|can['’]t|allowed|allows?|permit\w*|authori[sz]\w+|entitled)\b/i],
  ["eligibility", /\b(?:eligib\w+|ineligible|qualif\w+|applicants?|apply|applies|enroll\w*|exempt\w*|exclu\w+|covers|covered|coverage|waiver|waived)\b/i],
  ["condition", /\b(?:if|unless|provided that|as long as|only when|once|except|whether or not|regardless)\b/i],
  ["deadline", /\b(?:until|by|before|after|through|no later than|deadline|within)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the (?:end|first|last)|\w+day)\b/i],
  ["benefit", /\b(?:pays?|paid|payments?|reimburs\w+|refunds?|credits?|subsid\w+|vouchers?|benefits?|rebates?|grants?|stipends?|allowances?)\b/i],
  ["schedule", /\b(?:each|every|per|a|an)\s+(?:year|month|week|quarter)\b|\bannually\b|\b(?:takes?|took) effect\b|\bphas(?:e|es|ed)\s+(?:in|out|down)\b|\bexpir\w+\b/i],
  ["policy-noun", /\b(?:law|bill|ordinance|program|policy|rule|regulation|tariffs?|fee|tax|levy|measure|plan|proposal|mandate|ban|cap|reform|budget|subsidy|increase|cut|cuts)\b/i],
  ["future", /\b(?:will|would|could|might|going to|won['’]t|wouldn['’]t)\b/i],
  ["causal", /\b(?:because|result\w*|caus\w+|led to|lead to|leads to|driv\w+|means|meant|due to|thanks to|effect|impact|forc\w+|hurt\w*|help\w*|harm\w*|keeps?|prevent\w*)\b/i],
  ["evaluation", /\b(?:good|bad|better|worse|best|worst|fair|unfair|right|wrong|real|mistake|failure|success|problem|crisis|important|necessary|enough|too|overwhelming\w*|painless|dangerous|reckless|effective|ineffective|needs?)\b/i],
  ["arguer", /\b(?:critics|opponents|supporters|proponents|advocates|skeptics|economists|experts|analysts|officials|industry|unions?|landlords|advocacy)\b/i],
  ["speech", /\b(?:said|says|say|argued?|argues|warned?|warns|claimed?|claims|told|believes?|believed|concluded?|concludes|found|finds)\b/i],
  ["past", /\b(?:was|were|had|did|[a-z]{3,}ed)\b/i],
  ["present-is", /\b(?:is|are)\b/i],
  ["negation", /\b(?:not|no|never|none|nobody|n['’]t)\b/i],
  ["date", /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:19|20)\d\d\b/i],
  ["time", /\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\bmidnight\b|\bnoon\b/i],
  ["count", /\b\d[\d,]*\s+(?!percent|%|years?|months?|days?|weeks?|hours?|a\.m|p\.m)[a-z]+/i],
  ["change", /\b(?:up|down|rose|fell|increased?|decreased?|declined?|grew|dropped|doubled|tripled|halved|more than|less than|fewer than|from\s+\S+\s+to)\b/i],
];
/** Pairs of classes whose meeting matters more than either alone (a modal with a policy noun is a forecast or a rule). */
const PAIRS: [string, string][] = [
  ["future", "policy-noun"],
  ["future", "causal"],
  ["future", "count"],
  ["obligation", "condition"],
  ["permission", "condition"],
  ["benefit", "condition"],
  ["speech", "future"],
  ["arguer", "speech"],
  ["evaluation", "negation"],
];

/** What the kind features are made from: a unit's words and the type stage's view of them. */
export interface KindInput {
  text: string;
  /** The rules' kind (type.ts). */
  ruleKind: ClaimKind;
  /** The rules' cue firings (type.ts `Typing.signals`). */
  signals: string[];
  /** The unit's block ("paragraph", "listItem", …). */
  block: string;
  /** A list item's lead-in or a table row's header. */
  context: string | null;
  /** Spoken in a transcript turn. */
  spoken: boolean;
}

/** The distinct features of one claim; `withRuleKind` adds the rules' kind as a one-hot feature. */
export function kindFeatures(input: KindInput, withRuleKind: boolean): string[] {
  const out = featurize(input.text);
  const fired = new Set(CLASSES.filter(([, pattern]) => pattern.test(input.text)).map(([name]) => name));
  for (const name of fired) out.push(`cls:${name}`);
  for (const [a, b] of PAIRS) if (fired.has(a) && fired.has(b)) out.push(`cls:${a}+${b}`);
  if (/^["“]/.test(input.text)) out.push("start:quote");
  const first = /^[^A-Za-z]*([A-Za-z]+)/.exec(input.text)?.[1]?.toLowerCase();
  if (first && /^(?:if|when|to|after|before|under|beginning|starting|once|unless|for|since)$/.test(first)) out.push(`start:${first}`);
  for (const s of input.signals) out.push(`sig:${s}`);
  out.push(`block:${input.block}`);
  if (input.context) out.push("ctx:lead-in");
  if (input.spoken) out.push("ctx:spoken");
  if (withRuleKind) out.push(`rules:${input.ruleKind}`);
  return out;
}
