/**
 * The linguistic cues that say what kind of claim a sentence makes. Each cue is a small, general
 * pattern of English (a deontic verb, a causal predicate, a comparative, an attribution), never a
 * phrase of one article, and each returns the words it matched so the reason can quote them.
 */

/** A cue: a name for the reason line and a pattern whose match is quoted in it. */
export interface Cue {
  reason: string;
  pattern: RegExp;
}

const BE = "(?:is|are|was|were|be|been|being|remain|remains)";
const MONTH_OR_DAY =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const RULE_ADJ =
  "(?:permitted|allowed|authori[sz]ed|required|obligated|obliged|prohibited|forbidden|barred|banned|eligible|entitled|exempt(?:ed)?|mandated|compelled|restricted|limited)";
const INSTRUMENT =
  "(?:law|laws|rule|rules|program|programme|initiative|policy|agreement|agreements|regulation|regulations|statute|provision|provisions|bill|order|plan|contract|contracts|section|guidelines|guidance|ordinance|measure|act|scheme|treaty|directive|mandate|framework|memorandum|proposal|system)";

/** What a program, law or policy allows, requires or forbids. */
export const RULE_CUES: Cue[] = [
  { reason: "permission verb", pattern: new RegExp(`\\b${BE}\\s+(?:not\\s+|only\\s+|also\\s+|now\\s+)?${RULE_ADJ}\\s+(?:to|from|for)\\b`, "i") },
  { reason: "permission verb", pattern: /\b(?:allows?|permits?|authori[sz]es|requires?|obliges|entitles|empowers|enables|compels|directs|instructs)\s+(?:[\w'’-]+\s+){0,7}?to\s+(?!the\b|a\b|an\b)[a-z]+/i },
  { reason: "prohibition verb", pattern: /\b(?:prohibits?|forbids?|bars|bans|precludes|restricts)\s+(?:[\w'’-]+\s+){0,6}?(?:from\s+\w+ing|\w+)/i },
  { reason: "obligation modal", pattern: /\b(?:must|shall)(?:\s+not)?\s+(?:be\s+)?[a-z]+/i },
  { reason: "obligation modal", pattern: /\b(?:may|can)\s+(?:not|only)\s+(?:be\s+)?[a-z]+|\bcannot\s+(?:be\s+)?[a-z]+/i },
  {
    reason: "permission modal",
    pattern:
      /\b(?:may|can)\s+(?:also\s+|only\s+|still\s+|now\s+)?(?:apply|claim|appeal|file|request|receive|use|submit|enroll|opt|choose|seek|obtain|carry|detain|hold|enter|remain|travel|register|qualify|access|collect|purchase|operate|contest|participate|deduct|exceed|waive|withhold|decline|refuse|grant|issue|charge|impose)\b/i,
  },
  { reason: "rule framing", pattern: new RegExp(`^(?:[A-Z][a-z]+,?\\s+)?under\\s+(?:the|this|that|these|those|a|an|its|their|each)\\s+(?:[\\w'’()-]+\\s+){0,3}?${INSTRUMENT}\\b`, "i") },
  { reason: "granted authority", pattern: /\b(?:the|legal|full)\s+(?:authority|right|power|obligation|duty|permission)\s+to\s+[a-z]+/i },
  { reason: "legal requirement", pattern: /\b(?:requires?|required)\s+that\b|\bno later than\b|\bis subject to\b|\bare subject to\b/i },
  // "state law requires it", "the ordinance bans …": an instrument as the subject of a deontic verb.
  { reason: "legal requirement", pattern: new RegExp(`\\b${INSTRUMENT}\\s+(?:also\\s+|now\\s+|already\\s+)?(?:requires?|mandates?|prohibits?|forbids?|bans?|exempts?)\\b`, "i") },
  // How a benefit works: "a voucher pays part of your rent", "the credit covers the difference".
  { reason: "benefit rule", pattern: /\b(?:pays?|covers?|reimburses?)\s+(?:only\s+)?(?:part|all|most|half|some|the\s+(?:difference|rest|balance|remainder|full|first|cost))\b/i },
  // A cap by reference rather than by figure: ", up to the payment standard", ", up to the new maximum".
  { reason: "limit", pattern: /,\s*up to (?:the|a|its|their|your)\s+(?:[\w'’-]+\s+){0,2}?(?:maximum|minimum|limit|cap|ceiling|standard|amount|allowance)\b/i },
  { reason: "limit", pattern: /\b(?:is|are)\s+the\s+(?:maximum|minimum)\b/i },
  // Scope of a rule: "The rule does not apply to farms …", "the exemption applies only to …".
  { reason: "scope of a rule", pattern: /\b(?:does|do|will|shall)\s+not\s+apply\s+to\b|\bappl(?:y|ies)\s+only\s+(?:to|if|when)\b/i },
  { reason: "scope of a rule", pattern: new RegExp(`\\b${INSTRUMENT}\\s+(?:also\\s+|now\\s+)?appl(?:y|ies)\\s+to\\b`, "i") },
  // Eligibility by condition: "counts only if it is delivered …", "… all qualify."
  { reason: "eligibility", pattern: /\b(?:counts?|qualif(?:y|ies)|is\s+eligible|are\s+eligible)\s+only\s+(?:if|when|as)\b|\bqualif(?:y|ies)[.!]?$/i },
  // Second-person conditionals and deadlines: "If you choose …, you pay …", "You will have 60 days to …".
  { reason: "condition", pattern: /\bif you\b[^.;!?]{3,160}?,\s*(?:then\s+)?you(?:r)?\b/i },
  { reason: "deadline", pattern: /\b(?:will\s+)?(?:have|has|get|gets)\s+(?:up to\s+|only\s+)?[\w-]+\s+(?:calendar\s+|business\s+|working\s+)?(?:days|weeks|months)\s+to\s+[a-z]+/i },
];

/** Causal, evaluative and predictive language: what a policy does, did or will do. */
export const POLICY_CUES: Cue[] = [
  {
    reason: "causal predicate",
    pattern:
      /\b(?:has|have|had|will|would)?\s*(?:made|make|makes|making)\s+(?:[\w'’-]+\s+){0,6}?(?:safer|better|worse|easier|harder|stronger|weaker|cheaper|riskier|healthier|poorer|richer|more\s+\w+|less\s+\w+|possible|impossible|safe|unsafe|vulnerable)\b/i,
  },
  {
    reason: "causal predicate",
    pattern:
      /\b(?:lead|leads|leading|led|result|results|resulted|resulting|contributes?|contributed|contributing)\s+(?:[\w'’-]+\s+){0,2}?(?:to|in)\b|\b(?:caus(?:e|es|ed|ing)|yield(?:s|ed|ing)?|driv(?:e|es|en|ing)\s+(?:up|down)|fuel(?:s|ed|led|ing)?|spur(?:s|red|ring)?|prevent(?:s|ed|ing)?|jeopardi[sz](?:e|es|ed|ing)|threaten(?:s|ed|ing)?|undermin(?:e|es|ed|ing)|endanger(?:s|ed|ing)?|harm(?:s|ed|ing)?|hurt(?:s|ing)?|benefit(?:ed|ted|ing)|improv(?:e|es|ed|ing)|protect(?:s|ed|ing)?|boost(?:s|ed|ing)?|save[sd]?\s+lives|keep(?:s|ing)?\s+(?:[\w'’-]+\s+){1,3}?safe)\b/i,
  },
  { reason: "causal connective", pattern: /\b(?:because|due to|thanks to|as a result of|as a consequence of|driven (?:largely |mainly |partly )?by)\b/i },
  {
    reason: "evaluation",
    pattern:
      /\b(?:(?:highly|very|extremely|remarkably|largely|deeply|critically)\s+)?(?:effective|ineffective|successful|unsuccessful|vital|crucial|essential|critical|dangerous|harmful|beneficial|costly|wasteful|efficient|inefficient|counterproductive|unconstitutional|unfair|unjust|reckless|failed|flawed|misguided|disastrous|significant progress|a success|a failure|a threat|a danger|a mistake|a disaster)\b/i,
  },
  {
    reason: "comparison",
    pattern:
      /\b(?:safer|better|worse|cheaper|riskier|healthier|stronger|weaker|strongest|weakest|highest|lowest|largest|smallest|biggest|best|worst|fastest|slowest|most\s+(?!of\b)\w+|(?<!\bat\s+)least\s+(?!of\b|\d)\w+|record\s+(?:high|low|number|levels?)|all-time\s+(?:high|low)|more\s+\w+\s+than|fewer\s+\w+\s+than|more\s+(?:effective|efficient|dangerous|likely|costly|expensive|affordable|secure|vulnerable)|less\s+(?:effective|efficient|dangerous|likely|costly|expensive|affordable|secure|vulnerable))\b/i,
  },
  { reason: "prediction", pattern: /\b(?:would|could|might)\s+(?:only\s+|also\s+|likely\s+|not\s+)?(?!be\s+(?:held|hosted|open|closed|available|released)\b)(?:be\s+)?[a-z]+/i },
  // "Small restaurants will feel this first", "Some will simply close": a generic subject (a bare
  // plural or a quantifier) with "will" and no date is a forecast; "The county will hold a hearing on
  // May 20" is an announcement, and so is anything with a date, a weekday or a year.
  {
    reason: "prediction",
    pattern: new RegExp(
      `^(?![^.!?]*\\b(?:${MONTH_OR_DAY}|(?:19|20)\\d\\d|today|tonight|tomorrow|next\\s+(?:week|month|year))\\b)` +
        `(?:(?:Some|Many|Most|Few|Several|Others|Both|All|Fewer|More)|[A-Z][a-z'’-]*(?:\\s+[a-z][a-z'’-]*){0,2}?s)` +
        `\\s+will\\s+(?:(?:not|simply|likely|probably|certainly|surely|only|also|eventually|soon|never|just)\\s+)?(?!be\\s+(?:held|hosted|open|closed|available|released|able)\\b)[a-z]{3,}`,
    ),
  },
];

/** Speech acts and plans: what someone said or intends, which is a fact about them. */
export const ATTRIBUTION_CUES: Cue[] = [
  { reason: "attribution", pattern: /\baccording to\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*/i },
  {
    reason: "attribution",
    pattern:
      /\b(?:said|says|told|stated|reported|announced|announces|wrote|writes|testified|argued|argues|claimed|noted|added|explained|confirmed|estimated|estimates|projected|projects|predicted|found|showed|disputed|praised|criticized|criticised|warned|called)\b/,
  },
];

/** "a record high", "an all-time low", "the largest … since 2019": a comparison with every earlier figure. */
export const RECORD =
  /\b(?:record|all-time)\s+(?:high|low|number|levels?)\b|\b(?:largest|smallest|highest|lowest|biggest|fewest|worst|best|strongest|weakest)\b[^.;]{0,60}?\b(?:since\s+(?:19|20)\d\d|on record|in\s+(?:[\w'’-]+\s+)?history)\b/i;
/** A measured trend stated without its figures ("spending rose in every district", "Acres … Tripled"). */
export const TREND = /\b(?:rose|fell|increased|decreased|declined|grew|doubled|tripled|quadrupled|halved|climbed|dropped|surged|plunged|soared|slumped)\b/i;
/** A comparison of magnitudes ("the toll was lower than …"): figures compared, even when not given. */
export const MAGNITUDE_COMPARISON = /\b(?:higher|lower|larger|smaller|greater|fewer|bigger)\s+(?:[\w'’-]+\s+){0,3}?than\b/i;

/** A pledge or plan ("has vowed to reduce"): its infinitive is intended, not asserted as an effect. */
export const INTENT = /\b(?:vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|plan(?:s|ned)?|intend(?:s|ed)?|aim(?:s|ed)?|seek(?:s)?|sought|propos(?:e|es|ed)|want(?:s|ed)?|hope(?:s|d)?|threaten(?:s|ed)?|vote[sd]?|agreed|decided|moved)\s+to\s+/i;

/** A completed action or event in the past tense ("ended", "announced", "took office"). */
export const PAST_EVENT =
  /\b(?:[a-z]{3,}ed|took|made|gave|began|won|lost|met|sent|left|went|came|became|brought|bought|sold|held|built|paid|spent|wrote|said|told|found|led|ran|set|cut|rose|fell|grew|signed|struck|chose|drew|fought|hit|hired|fired|kept|knew|saw|shut|spoke|stood|taught|threw|withdrew|overturned)\b/i;

/** A finite verb or auxiliary: without one, a short line is a label rather than a statement. */
export const FINITE_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|[a-z]{2,}ed)\b/i;

/** An auxiliary or modal: the surest sign of a finite clause without a part-of-speech tagger. */
export const AUXILIARY = /\b(?:is|are|was|were|has|have|had|does|did|will|would|can|could|may|might|must|shall|should)\b/i;

/**
 * Verbs that make a headline a statement ("Service Finalizes Rule …", "Council Approves Budget"):
 * headlines drop auxiliaries, so a present-tense news verb is what marks the assertion.
 */
export const HEADLINE_VERB =
  /\b(?:approves?|passes|finali[sz]es|adopts|announces|launches|ends|bans|requires|raises|cuts|sets|expands|extends|blocks|rejects|sues|signs|vetoes|closes|opens|reaches|doubles|triples|falls|rises|drops|grows|warns|finds|shows|reports|plans|proposes|unveils|delays|halts|suspends|fires|hires|files|issues|orders|upholds|overturns|strikes|restores|repeals|eliminates|slashes|boosts|lowers|increases|decreases|declines|soars|plunges|walks?\s+out)\b/i;

/**
 * The last answer per list of cues: the type stage, the check-worthiness features and the filter
 * each ask the same lists of the same sentence in turn, and the lists are long alternations.
 */
const lastFound = new WeakMap<Cue[], { text: string; found: { reason: string; words: string } | null }>();

/** Returns the first cue of `cues` found in `text`, with the words it matched. */
export function findCue(text: string, cues: Cue[]): { reason: string; words: string } | null {
  const last = lastFound.get(cues);
  if (last && last.text === text) return last.found && { ...last.found };
  let found: { reason: string; words: string } | null = null;
  for (const cue of cues) {
    const m = cue.pattern.exec(text);
    if (m) {
      found = { reason: cue.reason, words: shorten(m[0].trim()) };
      break;
    }
  }
  lastFound.set(cues, { text, found });
  return found && { ...found };
}

/** Quotes a long match as "first … last" so a reason stays readable. */
export function shorten(words: string): string {
  const parts = words.split(/\s+/);
  return parts.length <= 4 ? words : `${parts.slice(0, 2).join(" ")} … ${parts[parts.length - 1]}`;
}
