/**
 * The features the check-worthiness model reads from one sentence: its words and word pairs, the
 * shape of its numbers, its length, and the hand-written cues of `../cues.ts`. Every feature is a
 * readable string ("w:deficit", "num:money", "cue:trend") so a weight can be explained in words.
 *
 * Features are binary (present or not) and only lexical: no part-of-speech tagger, which would cost
 * more than the whole extraction budget (README.md here). Numbers are folded into shapes ("#" for
 * any figure, "#year" for 1900–2099) so the model learns "a figure" rather than "700,000".
 */
import { ATTRIBUTION_CUES, findCue, INTENT, MAGNITUDE_COMPARISON, PAST_EVENT, POLICY_CUES, RECORD, RULE_CUES, TREND } from "../cues";

/** Names the feature set; a model file trained on another set is refused (./checkworthy.ts). */
export const FEATURES_VERSION = "claimdesk-checkworthy/1";

const TOKEN = /[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?]/g;
const YEAR = /^(?:19|20)\d\d$/;
const MONEY = /[$€£]\s?\d|\b\d[\d,.]*\s*(?:dollars|cents)\b/i;
const PERCENT = /\d\s?(?:%|percent\b|per cent\b)/i;
const SCALE = /\b(?:hundred|thousand|million|billion|trillion)s?\b/i;
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|half|third|quarter|twice|double|triple)\b/i;
const FIRST_SINGULAR = /\b(?:i|me|my|mine|myself)\b|\bi'(?:m|ve|d|ll)\b/;
const FIRST_PLURAL = /\b(?:we|us|our|ours|ourselves)\b|\bwe'(?:re|ve|ll|d)\b/;
const SECOND_PERSON = /\b(?:you|your|yours)\b/;
const OPINION = /\b(?:i think|i believe|i feel|in my (?:view|opinion)|i hope|i want|i'm going to|i will|we're going to|we will|we need|we must|we should)\b/;

const numberShape = (token: string) => (YEAR.test(token) ? "#year" : token.length <= 2 ? "#small" : "#");

function lengthBucket(words: number): string {
  if (words < 5) return "len:1-4";
  if (words < 10) return "len:5-9";
  if (words < 20) return "len:10-19";
  if (words < 35) return "len:20-34";
  return "len:35+";
}

/** Normalises typography so "don’t" and "don't", "“" and '"' read alike. */
export function normalise(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}

/** The last two sentences' features: the check-worthiness model and then the kind model read each sentence. */
const recent: Array<{ text: string; features: readonly string[] }> = [];

/** The distinct features of one sentence, in a stable order (bias first); a new array each call. */
export function featurize(text: string): string[] {
  const known = recent.find((r) => r.text === text);
  if (known) return [...known.features];
  const features = featuresOf(text);
  recent.unshift({ text, features });
  recent.length = Math.min(recent.length, 2);
  return [...features];
}

function featuresOf(text: string): string[] {
  const lower = normalise(text);
  const tokens = (lower.match(TOKEN) ?? []).map((t) => (/^\d/.test(t) ? numberShape(t) : t));
  const out = new Set<string>(["bias", lengthBucket(tokens.length)]);
  let previous = "<s>";
  for (const token of tokens) {
    out.add(`w:${token}`);
    out.add(`b:${previous} ${token}`);
    previous = token;
  }
  if (previous !== "<s>") out.add(`b:${previous} </s>`);

  if (/\d/.test(text)) out.add("num:figure");
  if (MONEY.test(text)) out.add("num:money");
  if (PERCENT.test(text)) out.add("num:percent");
  if (SCALE.test(text)) out.add("num:scale");
  if (NUMBER_WORD.test(lower)) out.add("num:word");
  if (/\?\s*["')]*\s*$/.test(text)) out.add("shape:question");
  if (/!\s*["')]*\s*$/.test(text)) out.add("shape:exclamation");
  if (/"[^"]{8,}"/.test(lower)) out.add("shape:quotation");
  if (FIRST_SINGULAR.test(lower)) out.add("person:first-singular");
  if (FIRST_PLURAL.test(lower)) out.add("person:first-plural");
  if (SECOND_PERSON.test(lower)) out.add("person:second");
  if (OPINION.test(lower)) out.add("cue:opinion");

  const rule = findCue(text, RULE_CUES);
  if (rule) out.add(`cue:${rule.reason}`);
  const policy = findCue(text, POLICY_CUES);
  if (policy) out.add(`cue:${policy.reason}`);
  if (findCue(text, ATTRIBUTION_CUES)) out.add("cue:attribution");
  if (TREND.test(text)) out.add("cue:trend");
  if (RECORD.test(text)) out.add("cue:record");
  if (MAGNITUDE_COMPARISON.test(text)) out.add("cue:magnitude comparison");
  if (PAST_EVENT.test(text)) out.add("cue:past event");
  if (INTENT.test(text)) out.add("cue:intention");
  return [...out];
}

const DESCRIPTIONS: Record<string, string> = {
  bias: "base rate",
  "num:figure": "a figure",
  "num:money": "an amount of money",
  "num:percent": "a percentage",
  "num:scale": "a large number (million, billion …)",
  "num:word": "a number in words",
  "shape:question": "a question",
  "shape:exclamation": "an exclamation",
  "shape:quotation": "a quotation",
  "person:first-singular": "first person (I, me, my)",
  "person:first-plural": "first person plural (we, our)",
  "person:second": "second person (you)",
  "cue:opinion": "opinion or intention (I think, we will)",
};

const WORD_NAMES: Record<string, string> = {
  "#": "a figure of three or more digits",
  "#small": "a one- or two-digit figure",
  "#year": "a year",
  "?": "a question mark",
  $: "a dollar sign",
  "%": "a percent sign",
};

/** Number shapes inside a word pair, as a reader would write them: "by ‹figure›", "in ‹year›". */
const shown = (words: string) =>
  words.replace(/#year/g, "‹year›").replace(/#small/g, "‹small figure›").replace(/#/g, "‹figure›");

/** describeFeature's answers: a reason line names three features of every claim, mostly the same few hundred. */
const described = new Map<string, string>();

/** A feature in words, for a claim's reasons: 'word "deficit"', 'a percentage', 'words "in ‹year›"'. */
export function describeFeature(feature: string): string {
  let words = described.get(feature);
  if (words === undefined) {
    words = describe(feature);
    // Bounded: a long-running server reads unbounded vocabularies.
    if (described.size >= 10_000) described.clear();
    described.set(feature, words);
  }
  return words;
}

function describe(feature: string): string {
  const known = DESCRIPTIONS[feature];
  if (known) return known;
  const [prefix, ...rest] = feature.split(":");
  const value = rest.join(":");
  switch (prefix) {
    case "w":
      return WORD_NAMES[value] ?? `word "${value}"`;
    case "b": {
      const words = shown(value.replace("<s> ", "").replace(" </s>", ""));
      return `words "${words}"${value.startsWith("<s>") ? " at the start" : value.endsWith("</s>") ? " at the end" : ""}`;
    }
    case "len":
      return `length ${value} words`;
    case "cue":
      return value;
    default:
      return feature;
  }
}
