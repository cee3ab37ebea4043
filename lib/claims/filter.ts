/**
 * Stage 5, filter: drops units that are not claims a fact-checker would write down, and says why.
 *
 * The tests are about the shape of the words, not about any one article: a question asks rather than
 * asserts; an imperative addressed to the reader is a call to action; "I think…" or a personal memory
 * is not checkable, and neither is a quotation with no figure, comparison or effect in it (someone's
 * view), but only where the check-worthiness model agrees (it does not call the unit check-worthy); and page
 * furniture (bylines, datelines, captions, share/subscribe/comment lines, author boxes, source notes)
 * has a small, well-known vocabulary and shape.
 */
import { ATTRIBUTION_CUES, AUXILIARY, FINITE_VERB, HEADLINE_VERB, PAST_EVENT, POLICY_CUES, TREND, findCue } from "./cues";
import { LEAD_IN_RULE } from "./kind-cues";
import { furnitureReason, isHostLabel, isNameAlone } from "./furniture";
import { checkWorthiness, decisionThreshold } from "./model/checkworthy";
import type { Typing } from "./type";
import type { BlockKind } from "./units";

/** What the filter needs to know about a unit besides its words. */
export interface FilterInput {
  text: string;
  block: BlockKind;
  /** The block held an image, so a short text in it is a caption. */
  withImage: boolean;
  /** The whole paragraph is italic or bold. */
  styled?: boolean;
  /** The whole paragraph is one link. */
  linkOnly?: boolean;
  typing: Typing;
  /** In a transcript, the turn's speaker label; null or absent elsewhere. */
  speaker?: string | null;
  /** The document is a transcript ("NAME:" turns, transcript.ts). */
  transcript?: boolean;
  /** A list item's lead-in or a table row's header. */
  context?: string | null;
  /** The speaker runs the event: most of their turns ask questions (furniture.ts `hostSpeakers`). */
  host?: boolean;
}

const BOILERPLATE =
  /^(?:comments? (?:are|is) (?:closed|disabled|open)|comments$|leave a (?:comment|reply)|be the first to comment|(?:\d+\s+)?(?:comments?|responses?|replies)$|share\b|tweet(?: this)?$|print(?: this)?(?: article| page)?$|email(?: this)?$|(?:related|recommended|popular|recent|more)(?::| (?:articles?|posts?|stories|reading|news|content|coverage)\b)|read (?:more|next|also|the full)\b|see also\b|about (?:the )?authors?\b|author(?:'s)? (?:bio|box)\b|(?:subscribe|sign up|register) (?:to|for|now|today)\b|subscribe$|follow (?:us|me)\b|all rights reserved|copyright\b|©|advertisement$|sponsored\b|tags?:|filed under\b|posted (?:in|on|by)\b|categories?:|you (?:may|might) also like\b|click here\b|skip to (?:main )?content|back to top|table of contents$|(?:contact|media contact|press contact|for (?:more|further) information)\b|for immediate release\b|photo(?:graph)?s?\s*(?:by|:|credit|courtesy)|images?\s*(?:by|:|credit|courtesy)|caption:|credit:|sources?:|note:|editor'?s note\b|disclaimer\b|the views expressed\b|this (?:article|story|post) (?:was|has been) (?:updated|corrected)|(?:updated|published|posted)(?: on)? \w+\.? \d|last updated\b|\d+\s+min(?:ute)?s? read\b)/i;

const BYLINE = /^(?:by|written by|reporting by|words by|story by)\s+\S/i;
const DATE_ONLY =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?)?\.?$/i;
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|\(\d{3}\)\s*\d{3}[-.]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b/;
const CALL_TO_ACTION =
  /^(?:please\s+)?(?:subscribe|share|sign|click|join|follow|donate|contact|call|leave|tell|learn|download|register|visit|watch|listen|read|check out|find out|get|take|help|support|stand|act|email|write|urge|demand|don['’]t|do not|let['’]s|let us|make sure|remember|consider|imagine|try|buy|order|vote|send|give|tap|scroll|see|show up|bring|attend|come|go|stop|speak|ask|fight|protect|save|keep|tell)\b/i;
const READER_ADDRESS = /\b(?:you|your|yours|us|our|today|now|here|below|above)\b|!$/i;
const SINGULAR_FIRST_PERSON = /\b(?:I|me|my|mine|myself)\b|\bI['’](?:m|ve|d|ll)\b/;
const PLURAL_FIRST_PERSON = /^(?:(?:but|and|so|yet|now|still|then)\s+)?(?:we|we['’](?:re|ve|ll|d)|let['’]s|our\s+\w+\s+(?:is|are))\b/i;
const OPINION = /\b(?:in my (?:view|opinion)|personally|frankly|honestly|IMHO)\b|\b(?:is|are|was) like\b/i;
const SELF_REFERENCE =
  /\b(?:table|chart|graph|map|figure|list|graphic|video|box)\s+(?:below|above)\b|^(?:below|above)\b|\b(?:the|this|our)\s+(?:table|chart|graph|map|graphic)\s+(?:does\s+not|doesn['’]t|can(?:not|['’]t))\s+show\b|^here['’]?s\s+(?:a|an|our|the|what)\s+(?:quick\s+|short\s+|brief\s+)?(?:guide|look|primer|rundown|breakdown|explainer|summary|overview|timeline|you need to know)\b|^here['’]?s\s+(?:what|how|who|why|where|when)\b[^.;]{0,80}[.:]?$/i;
/** A list's lead-in ("The review found:", "Among the proposed reductions:"): its items are the claims. */
const LEAD_IN = /:\s*$/;
/** A lead-in that makes its items recommendations ("The auditor recommends that the board:"): what should be done. */
const RECOMMENDING = /\b(?:recommend(?:s|ed|ing|ations?)?|urges?|urged|calls? (?:on|for)|called (?:on|for)|should|proposes? that|suggests? that|advises?|advised)\b/i;
/** A remark on what was just said ("That's a real argument", "It is exactly as much fun as it sounds"). */
const ANAPHORIC_REMARK = /^(?:(?:but|and|so|yet|well|still|now),?\s+)?(?:that|this|it)(?:['’]s|\s+(?:is|was|sounds|seems|feels|looks))\b/i;
/** Reported hopes and wishes ("He said he hoped the board would …"): a state of mind, not an event. */
const HOPE = /\b(?:hoped|hopes|wished|wishes|dreams? of)\b/i;
/** Telling the reader how to take part ("Residents can also submit comments online."): a call to action in the third person. */
const HOW_TO_TAKE_PART =
  /^(?:residents|you|the public|members of the public|readers|listeners|viewers)\s+(?:who\s+[^,]{3,60}\s+)?(?:can|may|are (?:invited|encouraged|welcome) to)\s+(?:also\s+)?(?:(?:submit|send|leave|share|email|mail|give|offer|provide)\s+(?:their\s+|your\s+|written\s+|public\s+)*(?:comments?|feedback|questions?|testimony|input|thoughts|views)|watch|attend|listen|stream|tune in|weigh in|comment|testify|speak)\b/i;
const WH_START = /^(?:who|what|when|where|why|how|which)\b/i;
const QUOTED = /["“][^"”]{8,}["”]/;
const NORMATIVE = /\b(?:should|ought to|shouldn['’]t)\b/i;
/** "should" as the sentence's modal, not the idiom "longer than they should". */
const NORMATIVE_MODAL = /(?<!\bthan\s+[\w'’]+\s+)\b(?:should(?:n['’]t)?|ought to)\s+(?:not\s+|never\s+|also\s+|still\s+|instead\s+)?[a-z]+/i;
const NAMED_WORD = /(?<=\S\s+)[A-Z][a-z]+|\b[A-Z]{2,}\b/;
// A document describing itself ("This fact sheet answers common questions about …") or the notices
// agencies print on every page (alternative formats, non-discrimination): about the page, not the world.
const SELF_DESCRIPTION =
  /^(?:this|the following)\s+(?:fact ?sheet|document|page|guide|brochure|leaflet|flyer|booklet|handbook|notice|publication|faq|pamphlet|web ?site|site|form|newsletter|section|summary|overview)\s+(?:\w+\s+)?(?:answers|explains|describes|summari[sz]es|outlines|provides|contains|covers|lists|gives|is (?:available|intended|meant|designed|not)|was (?:prepared|produced|written|developed))\b/i;
const NOTICE =
  /\b(?:is|are) (?:also )?available (?:online )?(?:at|from) (?:https?:\/\/|www\.)|\b(?:is|are) available (?:in|on|upon) (?:large print|braille|alternat(?:iv)?e (?:formats?|languages?)|other (?:formats?|languages?)|request)\b|\bupon request\.?$|\bdoes not discriminate\b|\b(?:is|are) an equal (?:opportunity|housing)\b/i;
// A short sentence is still a claim when it states something happened, changed or will happen:
// "The company has rejected fixed ratios.", "Prescribed burning also increased.", "Some will simply close."
const SHORT_STATEMENT =
  /\b(?:has|have|had|will|would|could|might|can|may|must)\s+(?:(?:not|never|also|already|simply|just|still|only|[a-z]+ly)\s+)?(?!been?\b)[a-z]{3,}|\b(?:is|are|was|were)\s+(?:not\s+|also\s+)?[a-z]{3,}(?:ed|en)\b/i;
// '"…," Forde said.' / '"…," said Crystal Kolden, …': a quotation attributed to a speaker.
const SPEECH_VERB =
  "(?:said|says|told|stated|wrote|writes|added|explained|argued|argues|noted|warned|testified|insisted|acknowledged|conceded|responded|replied|countered|cautioned|predicted|observed|asserted|emphasi[sz]ed|stressed|recalled|agreed|continued)";
const ATTRIBUTED_QUOTE = new RegExp(`^["“]([^"”]+)["”]\\s*(?:[^"“”]{0,80}?\\b${SPEECH_VERB}\\b[^"“”]{0,120})$`);
const QUOTED_SPAN = /["“][^"”]*["”]/g;
// Where someone stands, or how long something has held: "The union opposes the plan.", "That's been in place since 2023."
const STANCE =
  /\b(?:disputes?|opposes?|supports?|rejects?|denies|backs|favou?rs|endorses?|objects?\s+to|contests?|welcomes?|criticizes?|condemns?)\s+(?:the|that|this|these|those|a|an|its|their|his|her)\b|\b(?:has|have|had)\s+no\s+\w+|['’]s\s+been\b|\bsince\s+(?:19|20)\d\d\b/i;
// 'Its president, Jo Park, said stops "regularly find …"': the speaker first, then the quoted words.
const SPEAKER_FIRST = new RegExp(`^[^"“”]{3,160}?\\b${SPEECH_VERB}\\b(?:\\s+that)?,?\\s+([^"“”]*["“][^"”]+["”][^"“”]{0,40})$`);

/** A reason to drop the unit, or null to keep it. */
export function whyNotAClaim(unit: FilterInput): string | null {
  const text = unit.text.trim();
  const plain = text.replace(/^[\s"“‘'(*_#>|-]+|[\s"”’')*_|]+$/g, "");
  const words = plain.split(/\s+/).filter(Boolean);
  const { typing } = unit;
  const counted = typing.quantities.length > 0;
  const checkable = counted || typing.kind === "program_rule";
  const policy = findCue(plain, POLICY_CUES);
  const heading = unit.block === "heading" || (unit.block === "paragraph" && words.length <= 14 && !/[.!?:;"”]$/.test(plain));

  if (words.length === 0 || !/\p{L}|\d/u.test(plain)) return "no words";
  if (/\?["”’')]*$/.test(plain)) return "question";
  // A moderator or host asks, introduces and paraphrases ("And you've said publicly that the hospital
  // could close."): dropped unless it states a measured figure or a rule, or the model gives it even
  // odds of being check-worthy on its own ("Early voting begins October 21."), as for a quoted view below.
  const hosting = unit.transcript && unit.speaker && (unit.host || isHostLabel(unit.speaker));
  if (hosting && !typing.signals.includes("measured") && typing.kind !== "program_rule" && typing.score < 0.5) return "a host's line with no figure";
  if (BOILERPLATE.test(plain)) return "boilerplate (share/subscribe/comment/author/caption line)";
  if (BYLINE.test(plain) && words.length <= 16 && !AUXILIARY.test(plain)) return "byline";
  if (DATE_ONLY.test(plain)) return "date line";
  if (CONTACT.test(plain) && words.length <= 30) return "contact details";
  if (/^\(.*\)$|^\[.*\]$/.test(text)) return "parenthetical aside (credit or note)";
  // "Homicides are down because —": a speaker cut off; the sentence asserts nothing whole.
  if (/(?:—|–|--)\s*["”’]?$/.test(text)) return "interrupted sentence";
  // "Yes, for recent graduates.": an answer's fragment, no verb of its own to check.
  if (/^(?:yes|no|sure|right|exactly|absolutely)\b,?/i.test(plain) && !FINITE_VERB.test(plain.replace(/^\w+,?/, "")) && !counted) return "answer fragment";
  if (unit.linkOnly) return "link only (related or navigation link)";
  if (unit.withImage && words.length <= 40 && unit.block === "paragraph") return "image caption";
  if (unit.styled && unit.block === "paragraph" && words.length <= 40 && !counted) return "styled aside (byline, bio, note or caption)";
  if (unit.block === "footnote" && !AUXILIARY.test(plain)) return "source note";
  if (SELF_REFERENCE.test(plain) && !counted) return "refers to the page itself";
  if ((SELF_DESCRIPTION.test(plain) || NOTICE.test(plain)) && !counted) return "boilerplate (the document describing itself, or a standard notice)";
  // An op-ed headline is often an imperative behind a rubric ("Opinion: Don't let…").
  const unlabelled = plain.replace(/^(?:opinion|editorial|analysis|commentary|op-ed|column|perspective|letter)\s*[:|—–-]\s*/i, "");
  if (CALL_TO_ACTION.test(unlabelled) && (READER_ADDRESS.test(plain) || words.length <= 8 || unit.block !== "tableRow")) {
    if (unit.block !== "listItem" || !unit.typing.reasons.some((r) => r.startsWith("rule"))) return "call to action";
  }
  // "If you have a question, leave us a voicemail …": an imperative to the reader behind a condition.
  const behindCondition = unlabelled.replace(/^if you\b[^,;]{3,120},\s*/i, "");
  if (behindCondition !== unlabelled && CALL_TO_ACTION.test(behindCondition) && READER_ADDRESS.test(behindCondition) && typing.kind !== "program_rule") return "call to action";
  if (HOW_TO_TAKE_PART.test(plain) && !counted) return "call to action";
  if (unit.block === "paragraph" && LEAD_IN.test(plain) && !counted && words.length <= 20 && typing.kind !== "program_rule" && !LEAD_IN_RULE.test(plain)) return "a list's lead-in (its items are the claims)";
  if (unit.block === "listItem" && unit.context && RECOMMENDING.test(unit.context) && !/\b(?:found|shows?|showed|reported)\b/i.test(unit.context)) return "a recommendation (what should be done)";
  const furniture = furnitureReason(plain, words.length, typing.kind === "statistic" || typing.kind === "program_rule");
  if (furniture) return furniture;
  if (isNameAlone(plain)) return "a name alone (a speaker called on)";
  if (heading) {
    if (/^(?:opinion|editorial|commentary|op-ed|column|perspective)\s*[:|—–-]/i.test(plain) && !counted) return "op-ed headline (the writer's view)";
    if (WH_START.test(plain)) return "question-style heading";
    if (/^about\s/i.test(plain)) return "boilerplate (about box)";
    if (/^[^a-z]*$/.test(plain) && !counted) return "label in capitals";
    if (!counted && !policy && !AUXILIARY.test(plain) && !TREND.test(plain) && !HEADLINE_VERB.test(plain)) return "heading without a checkable statement";
  }
  // Opinion and first person: dropped only where the rules find nothing measured (a statistic or a
  // rule: a figure, record, trend or comparison; "for forty years" is a span, not a measurement) AND
  // the model agrees (below its decision threshold). "I cut the deficit by $1 trillion", "We doubled enrolment",
  // "When I took office in 2014 we had 11,200 pending cases" stay.
  const measured = typing.kind === "statistic" || typing.kind === "program_rule";
  const nothingCheckable = !measured && typing.score < decisionThreshold();
  if (nothingCheckable && SINGULAR_FIRST_PERSON.test(plain)) return "first-person statement (personal, not checkable)";
  if (nothingCheckable && PLURAL_FIRST_PERSON.test(plain)) return "first-person opinion without a checkable fact";
  if (nothingCheckable && OPINION.test(plain)) return "opinion or figure of speech";
  if (nothingCheckable && !counted && !policy && !STANCE.test(plain) && ANAPHORIC_REMARK.test(plain)) return "a remark on what was just said, nothing checkable of its own";
  if (nothingCheckable && !counted && HOPE.test(plain)) return "a hope or wish, nothing checkable";
  // "Ribbon cuttings are better than roof repairs.": a judgement or comparison of nobody named, with no
  // source, no figure and no forecast, that the model does not find check-worthy either.
  const judgement = policy && (policy.reason === "evaluation" || policy.reason === "comparison");
  if (nothingCheckable && !counted && judgement && !findCue(plain, ATTRIBUTION_CUES) && !NAMED_WORD.test(plain) && !/\b(?:will|would|could|might)\b/i.test(plain))
    return "a judgement with nothing checkable of its own";
  // "They should be serious about …": what ought to be, with no figure or rule in it, is a view.
  if (!measured && !counted && NORMATIVE_MODAL.test(plain) && !isQuotedView(text)) return "opinion (what should be done)";
  if (
    isQuotedView(text) &&
    !counted &&
    !quotedWordsCheckWorthy(text) &&
    (!policy || policy.reason === "prediction" || NORMATIVE.test(plain)) &&
    typing.kind !== "program_rule" &&
    (NORMATIVE.test(plain) || !isAttributedStatement(text))
  )
    return "quoted view without a checkable fact";
  if (unit.block !== "tableRow" && words.length <= 6 && !checkable && !NAMED_WORD.test(plain) && !isShortStatement(plain, policy))
    return "too short or vague to check";
  if (unit.block === "tableRow" && !counted && words.length < 4) return "table row without a checkable value";
  return null;
}

/**
 * Whether the model, reading the quoted words alone, finds them more likely check-worthy than not.
 * Alone, because the attribution ("…," he said) reads to a model of debate speech as a reported
 * event; and by the even-odds bar rather than the low one, because the quoted-view rule above already
 * names what is missing (a figure, a statement rather than a retort, a fact rather than a "should").
 */
function quotedWordsCheckWorthy(text: string): boolean {
  const quoted = [...text.matchAll(QUOTED_SPAN)].map((m) => m[0].slice(1, -1)).join(" ");
  return checkWorthiness(quoted, 0).probability >= 0.5;
}

/** Mostly quotation: a quoted span that is at least half of the sentence ('The union called it "x."' is not). */
function isQuotedView(text: string): boolean {
  if (!QUOTED.test(text)) return false;
  let quoted = 0;
  for (const m of text.matchAll(QUOTED_SPAN)) quoted += m[0].length;
  return quoted * 2 >= text.trim().length;
}

/**
 * A quotation with its speaker ('"The evidence … is quite strong," Forde said.'): what someone on the
 * record said is checkable, as long as the quote is a statement (a finite clause of a few words) rather
 * than a retort ('"Count on it," he said.').
 */
function isAttributedStatement(text: string): boolean {
  const m = ATTRIBUTED_QUOTE.exec(text.trim()) ?? SPEAKER_FIRST.exec(text.trim());
  if (!m) return false;
  const quote = (m[1] ?? "").replace(/["“”]/g, "");
  return quote.split(/\s+/).filter(Boolean).length >= 6 && FINITE_VERB.test(quote);
}

/** A short sentence with a predicate that reports or forecasts something (see SHORT_STATEMENT). */
function isShortStatement(plain: string, policy: { reason: string } | null): boolean {
  if (policy || STANCE.test(plain)) return true;
  return SHORT_STATEMENT.test(plain) || TREND.test(plain) || (PAST_EVENT.test(plain) && /^[A-Z]/.test(plain) && !/^(?:Yes|No|OK|Okay)\b/.test(plain));
}
