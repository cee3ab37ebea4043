/**
 * Cues that only the type stage reads (the check-worthiness model's features use `cues.ts`, so these
 * live apart: adding one never changes what the model was trained on). Each is a shape of English
 * that decides a kind across texts, never a phrase of one article:
 *
 * - how a rule runs over time or by condition ("expires at the end of", "will be adjusted each year",
 *   "those who fail to … would have to repay", "applies whether or not"): program_rule;
 * - what a bill or proposal would do ("a bill that would raise …"): its provisions, program_rule;
 * - a prediction of what a policy will do to people ("the fee will force shops to close and cost
 *   thousands of jobs"): policy_assertion, even when it names an amount;
 * - an argument someone makes ("critics argue that …", "X warned that …"): the kind of what is argued,
 *   a policy assertion unless a figure or rule is asserted;
 * - what a policy has done ("has narrowed the curriculum", "X means Y", "is how you end up …").
 */
import type { Cue } from "./cues";

const INSTRUMENT =
  "(?:law|laws|rule|rules|program|programme|policy|regulation|regulations|statute|provision|bill|ordinance|measure|act|mandate|proposal|plan|amendment|legislation|cap|credit|exemption|waiver|grant|tariffs?|fee|tax|levy|surcharge|ban|requirement|increase|hike|cut|cuts|change|changes|reform|wage|minimum)";
const RULE_ADJ = "(?:permitted|allowed|authori[sz]ed|required|obligated|obliged|prohibited|forbidden|barred|banned|eligible|entitled|exempt(?:ed)?|mandated|compelled)";

/** How a rule runs: its schedule, expiry, scope and the consequences it attaches to a condition. */
export const SCHEDULE_RULE_CUES: Cue[] = [
  // "is required under state rules to publish": a deontic adjective with its source between.
  { reason: "permission verb", pattern: new RegExp(`\\b(?:is|are|was|were|be|been)\\s+(?:also\\s+|now\\s+)?${RULE_ADJ}\\s+(?:under|by)\\s+(?:[\\w'’-]+\\s+){1,5}?(?:to|from)\\s+[a-z]+`, "i") },
  { reason: "schedule", pattern: /\b(?:will|would|shall|is to|are to)\s+be\s+(?:adjusted|indexed|recalculated|reset|reviewed|raised|increased|updated|reduced|phased)\s+(?:[\w'’-]+\s+){0,4}?(?:every|each|annually|yearly|monthly|for inflation|by the (?:change|rate|increase))\b/i },
  { reason: "limit", pattern: /\b(?:is|are|be|it['’]s|they['’]re|was|were)\s+capped\b|,\s*capped at\b|\bcapped at\b/i },
  { reason: "expiry", pattern: /\b(?:expires?|sunsets?|lapses?)\s+(?:at|on|in|after|when|unless|if)\b|\bunless (?:the )?(?:legislature|congress|council|board|lawmakers)\s+(?:renews?|extends?|reauthori[sz]es?)\b/i },
  { reason: "renewal", pattern: /\b(?:has|have|must|will have)\s+to\s+be\s+(?:re[a-z]+ed|approved|renewed|extended)\b/i },
  { reason: "what a law sets", pattern: new RegExp(`\\b${INSTRUMENT}\\s+(?:also\\s+)?(?:sets?|establish(?:es|ed)|defines?|defined|guarantees?|guaranteed)\\s+(?:a|an|the|different|new|separate|minimum|maximum)\\b`, "i") },
  { reason: "taking effect", pattern: new RegExp(`\\b${INSTRUMENT}\\s+(?:[\\w'’-]+\\s+){0,2}?(?:takes|took|will take|would take)\\s+effect\\b`, "i") },
  { reason: "scope of a rule", pattern: /\b(?:applies|apply)\s+(?:only\s+|also\s+|equally\s+)?(?:to|whether|regardless|even)\b|\b(?:doesn['’]t|don['’]t|won['’]t|wouldn['’]t)\s+apply\b/i },
  // "Those that fail to meet it lose their funding", "Employers who fail to pay can be ordered to …".
  {
    reason: "consequence of a condition",
    pattern:
      /\b(?:who|that|which)\s+(?:fail|fails|failed|do not|don['’]t|does not|doesn['’]t|drop|drops|fall|falls|miss|misses|exceed|exceeds)\s+(?:[\w'’-]+\s+){0,8}?(?:lose|loses|forfeit|forfeits|repay|repays|return|returns|must|would|will|can|may|face|faces|pay|pays)\b/i,
  },
  { reason: "consequence of a condition", pattern: /\b(?:can|could|may|will|would|shall)\s+be\s+(?:ordered|required|fined|charged|barred|denied|penali[sz]ed|suspended|revoked|terminated|disqualified|removed)\s+(?:to|from|up to|for)?\b/i },
  { reason: "consequence of a condition", pattern: /\b(?:would|will|shall)\s+(?:have\s+to|need\s+to)\s+(?:repay|return|reapply|pay|refund|forfeit)\b|\brevert(?:s|ed)?\s+to\b/i },
  { reason: "condition", pattern: /^(?:[\w'’ -]{0,40},\s*)?if\s+[^,;]{3,100},\s*(?:the|its|their|each|every|no)\s+[\w-]+\s+(?:is|are|will be|gets?|falls?|drops?|rises?|stays?)\b/i },
  { reason: "permission modal", pattern: /\b(?:can|may)\s+(?:still\s+|also\s+|only\s+)?(?:set|order|impose|deny|revoke|suspend|extend|renew|require)\b[^.;]{0,80}?\b(?:if|unless|when|once)\b/i },
  // Eligibility and obligation without a complement: "Second homes are not eligible.", "do not need to reapply",
  // "a farm has to have a plan on file", "ballots had to be received by 8 p.m.".
  { reason: "eligibility", pattern: new RegExp(`\\b(?:is|are|was|were|be|remain|remains)\\s+(?:not\\s+|also\\s+|still\\s+)?(?:eligible|ineligible|exempt|covered|excluded)\\b(?!\\s+(?:to|from|for)\\b)`, "i") },
  { reason: "obligation", pattern: /\b(?:do|does|did)\s+not\s+(?:need|have)\s+to\s+(?:re)?(?:apply|enroll|register|file|pay|submit|renew|report|sign|certify|qualify)\b|\b(?:don['’]t|doesn['’]t)\s+(?:need|have)\s+to\s+(?:re)?(?:apply|enroll|register|file|pay|submit|renew|report|sign|certify)\b/i },
  { reason: "obligation", pattern: /^(?:[\w'’ ,-]{0,40}\s)?to\s+(?:receive|qualify|be eligible|get|keep|claim|apply|enroll|participate|stay eligible)\b[^,;]{0,80},\s*(?:[\w'’-]+\s+){1,5}?(?:must|has to|have to|needs? to|shall)\b/i },
  { reason: "obligation", pattern: /\b(?:has|have|had)\s+to\s+(?:be\s+)?(?:received|filed|submitted|postmarked|paid|approved|signed|renewed|registered|certified|have|show|provide|submit|file|register|meet|live|work)\b/i },
  // Deadlines and validity: "had until 5 p.m. on the sixth day to fix it", "will be honored through Jan. 31".
  { reason: "deadline", pattern: /\b(?:has|have|had|get|gets|will have)\s+until\s+[^;]{2,60}?\bto\s+[a-z]+/i },
  { reason: "deadline", pattern: /\b(?:will|would|shall)\s+be\s+(?:honou?red|accepted|valid|sold|available|offered)\s+(?:through|until|till)\b/i },
  // How a benefit is paid or allocated: "pays producers for grazing losses when …", "makes up part of the difference",
  // "will be paid based on enrollment", "first come, first served", "refunds part of property taxes".
  { reason: "benefit rule", pattern: /\b(?:pays?|reimburses?|compensates?)\s+(?:[\w'’-]+\s+){1,4}?for\s+[^.;]{3,80}?\b(?:when|if|whenever|once|as long as)\b|\bmakes?\s+up\s+(?:part|all|most|half|some)?\s*(?:of\s+)?the\s+difference\b|\brefunds?\s+(?:part|all|most|half|some)\s+of\b/i },
  { reason: "benefit rule", pattern: /\b(?:will|would|shall|are|is)\s+be\s+(?:paid|reimbursed|calculated|set|determined|awarded|allocated)\s+(?:based on|according to|by)\b|\bfirst[- ]come,?\s+first[- ]served\b/i },
  // What a credit or exemption does, in the present: "The homestead credit reduces the taxable value of …".
  { reason: "benefit rule", pattern: /\b(?:credit|exemption|deduction|rebate|subsidy|voucher|waiver|benefit|allowance|stipend)\s+(?:also\s+|only\s+)?(?:reduces|lowers|covers|pays|refunds|offsets|cuts|exempts|caps|limits|replaces)\s+(?:the|a|an|part|up|your|their|its)\b/i },
  // A rule's scope and schedule: "The ordinance covers anyone who works …", "The law does not cap …",
  // "phases down by 10 points a year unless the legislature acts".
  { reason: "scope of a rule", pattern: new RegExp(`\\b${INSTRUMENT}\\s+(?:also\\s+|only\\s+)?covers\\s+(?:anyone|everyone|all|any|every|those|people|workers|employers|employees|residents|households|families|businesses)\\b|\\b${INSTRUMENT}\\s+(?:also\\s+)?(?:does|do|did|will|would)\\s+not\\s+(?:cap|limit|cover|change|require|apply|affect|allow|ban|prohibit|exempt|set)\\b`, "i") },
  { reason: "schedule", pattern: /\bphases?\s+(?:down|out|in|up)\b|\bphased\s+(?:down|out|in)\s+(?:over|by|from|starting|beginning)\b|\bunless (?:the )?(?:legislature|congress|council|board|lawmakers|voters)\s+(?:acts?|votes?|intervenes?|changes? it)\b/i },
  { reason: "condition", pattern: /^(?:[\w'’ -]{0,40},\s*)?if\s+[^,;]{3,100},\s*(?:the|its|their|each|every|a|an)\s+(?:[\w-]+\s+){0,2}?(?:may|can|must|shall|will)\s+(?:also\s+|then\s+)?[a-z]+/i },
];

/** A lead-in that announces a rule's terms: "The main exceptions are:", "To qualify, you need:". */
export const LEAD_IN_RULE = /\b(?:exceptions?|exemptions?|exempt|requirements?|eligib\w*|qualif\w*|conditions|criteria|rules|restrictions|limits)\b[^:]{0,40}:\s*$/i;

/** What a bill, plan or proposal would do: its provisions. */
export const PROVISION = new RegExp(
  `\\b(?:bill|proposal|plan|measure|ordinance|amendment|legislation|rule|regulation)\\b(?:\\s+[\\w'’,-]+){0,8}?\\s+would\\s+(?:also\\s+|instead\\s+)?(?:raise|lower|freeze|set|cap|require|allow|ban|bar|extend|expand|create|end|eliminate|give|let|limit|exempt|increase|reduce|provide|add|repeal|replace|restore|index|tie)\\b`,
  "i",
);

/** A policy's predicted effect on people or the economy, amount or not: "the fee will force … and cost thousands of jobs". */
export const POLICY_EFFECT = new RegExp(
  `\\b(?:the|this|that|these|those|its|their|a|an|new|proposed)\\s+(?:[\\w'’-]+\\s+){0,3}?${INSTRUMENT}\\s+(?:[\\w'’-]+\\s+){0,3}?["“]?(?:will|would|could|is going to|are going to)\\s+(?:not\\s+)?(?:[a-z]+ly\\s+)?(?:force|shrink|kill|destroy|hurt|harm|drive|push|squeeze|mean|lead|put|leave|wipe|eliminate|shut|close|bankrupt|devastate|cripple|discourage|encourage|help|benefit|protect|save|make|cost(?!\\s+(?:about\\s+|roughly\\s+|an estimated\\s+|nearly\\s+|almost\\s+|at least\\s+|more than\\s+)?[$€£]))\\b`,
  "i",
);

/** Verbs of argument: what follows is argued, not reported as an event. */
export const ARGUMENT =
  /\b(?:argue[sd]?|arguing|contend(?:s|ed)?|insist(?:s|ed)?|maintain(?:s|ed)?|warn(?:s|ed)?|caution(?:s|ed)?|fear(?:s|ed)?|worr(?:y|ies|ied)|predict(?:s|ed)?|counter(?:s|ed)?|assert(?:s|ed)?|conclude[sd]?)\b(?:\s+that)?|\b(?:critics|opponents|supporters|proponents|advocates|skeptics|sceptics|detractors|backers|defenders)\b[^.;"“]{0,60}?\b(?:say|said|says|claim|claimed|believe|believed)\b|\b(?:found|finds|saw|sees|showed|shows)\s+no\s+(?:evidence|sign|indication)\s+(?:that|of)\b/i;

/** What a policy has done or means, in words without figures. */
export const EFFECT_CUES: Cue[] = [
  {
    reason: "causal predicate",
    pattern:
      /\b(?:has|have|had)\s+(?:[a-z]+ly\s+|also\s+|already\s+)?(?:narrowed|driven|pushed|forced|squeezed|eroded|weakened|strengthened|widened|hollowed|gutted|crippled|hurt|harmed|damaged|created|destroyed|killed|stabili[sz]ed|transformed|reshaped|undercut|distorted|discouraged|encouraged|deterred|priced)\b/i,
  },
  { reason: "causal predicate", pattern: /(?<!\b(?:a|the|by|no|any|other|some)\s+)\b(?:means?|meant)\s+(?:that\s+)?(?!of\b|to\b|for\b)[a-z]+|\bis (?:how|why) (?:you|we|they|people|cities|states)\b|\b(?:end|ends|ended) up\s+[a-z]+ing\b/i },
  { reason: "causal predicate", pattern: /\b(?:is|are|was|were)\s+(?:(?:largely|mostly|partly|in part|directly|simply)\s+)?(?:the|a)\s+(?:direct\s+)?(?:result|product|consequence|outcome)\s+of\b|\bkeeps?\s+(?:[\w'’-]+\s+){1,4}?from\s+[a-z]+ing\b/i },
  { reason: "evaluation", pattern: /\bthe (?:right|wrong|smart|only|best|worst) (?:move|choice|call|thing|decision|approach|answer|way|tool)\b|\bthe difference between\b/i },
];
