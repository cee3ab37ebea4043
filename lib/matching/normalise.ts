import porter2 from "wink-porter2-stemmer";

/**
 * Words of a claim made comparable: lower case, possessives and punctuation dropped, function words
 * (and attribution and transcript fillers: "told", "um") left out, each word cut to its Porter2
 * stem ("voters"/"voting"/"vote", "permitted" = "permit") and a few words of the same meaning made
 * one ("jobless" = "unemployment", "Oct." = "October"). Numbers are not words here: lib/matching/
 * figures.ts compares them as quantities ("1.2 million" = "1,200,000").
 *
 * Two stemmers, on purpose: the index holds words unstemmed and is asked for each word's plain
 * inflections (`stem` + `inflections`, below), which must stay as they are for the index to find
 * what it found; overlap between two claims (`contentWords`) uses Porter2 (wink-porter2-stemmer),
 * whose rules ("voting" → "vote", "agencies" → "agenc") a hand-written suffix cutter kept missing.
 */

const STOPWORDS = new Set(
  ("a an the and or but of in on at to for from by with as into onto over under than then that this these those it its " +
    "is are was were be been being has have had do does did will would shall should can could may might must " +
    "there their they them he she his her we our you your i me my who whom which what when where while " +
    "said says say according also just about so such very per each every all any some more most other " +
    "s t after before since during through between among within upon up down out off again still yet").split(/\s+/),
);
/** Attribution and transcript fillers ("X told the crowd", "um, frankly"): not what a claim asserts, so not compared (still asked of the index, as before). */
const FILLERS = new Set("told tell tells telling stated claimed um uh er ah okay ok well folks frankly honestly actually really basically literally".split(" "));
/** Negation words: polarity.ts compares them with their scope, so as words they would only count a "no" against a "not" or a "never". */
const NEGATIONS = new Set("not no never none nor neither".split(" "));

/** Words counted as one for matching: the first of each group stands for the rest. */
const SAME_MEANING: readonly (readonly string[])[] = [
  ["unemployment", "jobless", "joblessness", "unemployed"],
  ["home", "house", "housing", "dwelling"],
  ["cost", "price", "pricetag"],
  ["honor", "honour", "comply", "complied", "complies"],
  ["permit", "permitted", "permits"],
  ["enrol", "enroll", "enrolled", "enrollment", "enrolment"],
  ["police", "officer", "officers"],
  ["wait", "waiting"],
  ["half", "halve", "halved", "halves"],
  ["goal", "aim", "aims", "target", "plan"],
  ["rise", "rose", "risen", "rising", "climb", "increase", "grow", "grew", "jump", "gain", "soar", "raise", "raised", "raising", "hike", "hiked"],
  ["fall", "fell", "fallen", "drop", "decrease", "decline", "shrink", "shrank", "slide", "slid", "plunge"],
];
/**
 * Groups compared as one but not asked of the index in each other's forms: the index already finds
 * such claims by their other words (no gold claim of the evaluation was missing from the candidates),
 * and more forms per word cost the index's time at 100,000 claims.
 */
const COMPARED_ONLY: readonly (readonly string[])[] = [
  ["annual", "yearly", "annually"],
  ["wage", "pay", "salary", "earnings"],
  ["worker", "employee", "staffer"],
  // Money named by a coin or a note ("not a dime", "a single dollar") is money; "took money" is "accepted money".
  ["money", "dollar", "dime", "penny", "cent", "cash"],
  ["accept", "accepted", "accepts", "take", "taken", "took", "takes", "receive", "received", "receives"],
  ["close", "closed", "shut", "shutter", "shuttered"],
  ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
];
/** Each word of a group, and its Porter2 stem ("increased" is "increase"), stands for the group's first word. */
const CANONICAL = new Map<string, string>([...SAME_MEANING, ...COMPARED_ONLY].flatMap((group) => group.flatMap((w) => [[w, group[0]!] as const, [porter2(w), group[0]!] as const])));
// …but not the stems other words share: "office" is not "officers", "year" not "yearly".
const MEMBERS = new Set([...SAME_MEANING, ...COMPARED_ONLY].flat());
for (const clash of ["office", "year"]) if (!MEMBERS.has(clash)) CANONICAL.delete(porter2(clash));
const GROUP_OF = new Map<string, readonly string[]>(SAME_MEANING.flatMap((group) => group.map((w) => [w, group] as const)));

/** A word with its plain English suffix cut, so both claims of a pair cut it the same way. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("es") && /(?:ss|sh|ch|x|z|[^s]s)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  // "permitted" → "permitt" → "permit"; "planned" → "plann" → "plan".
  if (/([bdfglmnprt])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** The claim's words as written, lower case, without possessives or punctuation. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "")
    // "haven't" is "have not", not a word "haven": both sides of a pair then say a negation alike (polarity.ts weighs it).
    .replace(/\bwon't\b/g, "will not")
    .replace(/\bcan't\b/g, "can not")
    .replace(/n't\b/g, " not")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/** A word as matching compares it: its meaning group's first word, else its Porter2 stem. */
export function canonical(word: string): string {
  let out = SEEN.get(word);
  if (out !== undefined) return out;
  // Porter2 leaves "buses" as "buse" (of "bus"): such plurals are cut first.
  const singular = /(?:ss|sh|ch|x|z|us)es$/.test(word) ? word.slice(0, -2) : word;
  const stemmed = porter2(singular);
  out = CANONICAL.get(word) ?? CANONICAL.get(stemmed) ?? stemmed;
  // Porter2 costs some microseconds a word and a claim's words recur across candidates: kept, within a bound.
  if (SEEN.size >= SEEN_MAX) SEEN.clear();
  SEEN.set(word, out);
  return out;
}
const SEEN = new Map<string, string>();
const SEEN_MAX = 200_000;

/** The claim's content words as matching compares them (no function words, no numbers), deduplicated. */
export function contentWords(text: string): string[] {
  return [...new Set(contentWordSequence(text))];
}

/** {@link contentWords} in the claim's order, repeats kept: what word pairs ("violent crime") are read from. */
export function contentWordSequence(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || FILLERS.has(w) || NEGATIONS.has(w) || /\d/.test(w) || w.length < 2) continue;
    out.push(canonical(w));
  }
  return out;
}

/** The forms of a word the index may hold: as written, its stem, and the stem's plain inflections. */
function inflections(word: string): string[] {
  const base = stem(word);
  const forms = [word, base, `${base}s`, `${base}es`, `${base}ed`, `${base}d`, `${base}ing`, `${base}e`, `${base}er`];
  if (word.endsWith("y")) forms.push(`${word.slice(0, -1)}ies`);
  if (base.endsWith("y")) forms.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
  // "permit" → "permitted", "plan" → "planned".
  if (/[bdglmnprt]$/.test(base)) forms.push(`${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`);
  return [...new Set(forms)];
}

/**
 * What the full-text index is asked for: per content word or number of the claim, the forms the
 * index may hold it in (the index does not stem: inflections and words of the same meaning are
 * asked for here), any of which may match. Numbers are asked for by their digit runs, as the
 * index splits them ("1,250" is "1" and "250").
 */
export function searchTerms(text: string): string[][] {
  const out = new Map<string, string[]>();
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2 || out.has(w)) continue;
    if (/\d/.test(w)) {
      out.set(w, [w]);
      continue;
    }
    const forms = new Set(inflections(w));
    const group = GROUP_OF.get(w) ?? GROUP_OF.get(stem(w));
    // Directions are left to polarity: "rose" must find "fell" too, and the words of a direction are many.
    if (group && !group.includes("rise") && !group.includes("fall")) for (const other of group) for (const f of inflections(other)) forms.add(f);
    out.set(w, [...forms]);
  }
  return [...out.values()];
}
