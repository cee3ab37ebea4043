/**
 * Restated: the same quantity given twice with different values — "serves 4,300 families" and later
 * "the 4,800 families in the program"; "will cost $340 million" and later "the $430 million bridge".
 *
 * The later mention must point back with a determiner or an owner ("the", "its", "all", "the
 * county's", perhaps hedged: "its roughly 1,400 teachers") and the same noun, with
 * nothing around it that makes it another time or another thing ("the 186,000 doses distributed in
 * 2022", "than the 24"). It is a finding only when no earlier figure of that noun fits it.
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { formatAmount, overlaps } from "../interval";
import type { NumberFinding } from "../types";

// "3,000 of the 22,000 affected customers" points back to the customers as much as "the 22,000
// affected customers" does; "40% of the 2,000 jobs" is a share of a whole, read by the share checks.
// A back-reference: a determiner or an owner ("the", "its", "all", "the county's", "Millbrook's"), then
// perhaps a hedge ("its roughly 1,400 teachers"), then the figure.
const DETERMINER = "(?:the|its|their|this|that|these|those|all|all of the|our|[A-Za-z]+['’]s)";
const HEDGED = "(?:(?:roughly|about|around|nearly|almost|some|approximately|an estimated|estimated|more than|over|just over|just under)\\s+)?";
const BACK_REFERENCE = new RegExp(`(?:^|[^\\w'’])${DETERMINER}\\s+${HEDGED}$`, "i");
const COMPARISON_BEFORE = new RegExp(`(?:\\d[\\d,.]*%\\s+of|\\b(?:than|from|to|double|twice|times|versus|vs\\.?|compared with|with|over|above|below|beyond|under|exceed\\w*|past|nearly|almost|about|some))\\s+(?:the\\s+)?${DETERMINER}\\s+${HEDGED}$`, "i");
// "last year's 2,170", "Monday's 300": an owner that is a time names another time, not the same figure.
const TIME_OWNER = /\b(?:year|years|month|week|decade|quarter|season|day|yesterday|today|(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter)['’]s\s+\S*\s*$/i;
const OF_REFERENCE = new RegExp(`(?:^|[^\\w'’])((?:the|its|their|[A-Za-z]+['’]s)(?:\\s+[a-z]+){0,2}?)\\s+([a-z]{4,})\\s+of\\s+${HEDGED}$|^(?:with|at)\\s+(a|an)\\s+([a-z]{4,})\\s+of\\s+${HEDGED}$|^((?:the|its|their|[A-Z][\\w-]*['’]s)(?:\\s+[a-z]+){0,2}?)\\s+([a-z]{4,}),\\s+${HEDGED}$`, "i");
/** Words reporters use in turn for one figure's qualifier ("jobless rate", "unemployment rate"). */
const SAME_WORD: Record<string, string[]> = { jobless: ["unemploy"], unemployment: ["jobless"], yearly: ["annual"], annual: ["yearly", "a year"] };
const PLAN = /\b(?:would|will|could|plans?|planned|expects?|expected|by (?:19|20)\d\d)\b/i;
const YEAR_OWNER = /\b((?:19|20)\d\d)(?:\s+[a-z]+)?['’]s\s+\S*\s*$/i;
const OTHER_TIME = /^[^.;]{0,40}?\b(?:(?:19|20)\d\d|last|a year (?:earlier|ago|before)|previous|before|prior|earlier|former|original|initial|planned|proposed|projected|target|goal)\b/i;
const names = (t: string) => new Set((t.match(/(?<!^|[.!?]\s)\b[A-Z][a-z]+\b/g) ?? []).filter((w) => !CALENDAR.test(w)));
const years = new WeakMap<ReadClaim, Set<string>>();
/** The years a claim names, read once per claim. */
function yearsOf(read: ReadClaim): Set<string> {
  let found = years.get(read);
  if (!found) years.set(read, (found = new Set(read.claim.text.match(/\b(?:19|20)\d\d\b/g) ?? [])));
  return found;
}
/** The year a figure is given for: the one just after it in its clause ("48 sailings in 2026, up from 40 in 2025"), or its sentence's only year. */
function yearOfFigure(read: ReadClaim, f: Figure): string | undefined {
  const next = read.figures.find((g) => g.at > f.end && !/^(?:19|20)\d\d$/.test(g.raw));
  const own = /\b(?:19|20)\d\d\b/.exec(read.claim.text.slice(f.end, Math.min(next?.at ?? Infinity, f.end + 40)))?.[0];
  return own ?? (yearsOf(read).size === 1 ? [...yearsOf(read)][0] : undefined);
}
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$/;
const STOP = new Set(["vs", "versus", "of", "in", "to", "for", "the", "a", "an", "and", "or", "that", "who", "which", "it", "is", "was", "are", "were"]);

/**
 * The words naming what a figure counts ("new housing units" → unit, housing), singular, with the
 * words that name nothing in particular left out.
 */
function nounsOf(f: Figure): string[] {
  const words = (f.counted ?? "").toLowerCase().replace(/\b(?:a|per|each|this|last|next)\s+(?:year|day|night|week|month)\b.*$/, "").trim().split(/\s+/);
  return words.filter((w) => /^[a-z][a-z'’-]+$/.test(w) && !STOP.has(w) && !VAGUE.has(w)).map(singular);
}
// A measure's unit names no thing: "2,400 pounds of plastic" and "The 4,100 pounds of trash" are two.
const VAGUE = new Set(["pound", "pounds", "ton", "tons", "tonne", "tonnes", "gallon", "gallons", "kilogram", "kilograms", "litre", "litres", "liter", "liters", "new", "total", "more", "other", "additional", "same", "all", "said", "more", "fewer", "extra", "further", "such", "million", "billion", "thousand"]);
// Words reporters use for one thing in turn ("will cut 220 jobs" … "the 270 layoffs").
const SAME_THING: Record<string, string> = { layoff: "job", position: "job", post: "job", employee: "worker", staffer: "worker", staff: "worker", house: "home", pupil: "student", automobile: "car", vehicle: "car", dwelling: "home", apartment: "home" };
const singular = (w: string) => {
  const one = /^(?:bus|gas|census)(?:es)?$/.test(w) ? w.replace(/es$/, "") : w.replace(/(?:ies)$/, "y").replace(/(?<=[^s])s$/, "");
  return SAME_THING[one] ?? one;
};

/** The words before a figure in its clause: the subject it belongs to ("The replacement for the Miller Street bridge will cost"). */
function subjectWords(text: string, f: Figure): Set<string> {
  const before = text.slice(Math.max(0, f.at - 80), f.at);
  // A parenthesis opens an aside ("training (~60 lines"): what comes before it is not the figure's subject.
  const start = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf("("));
  return new Set(before.slice(start + 1).toLowerCase().split(/[^a-z'’-]+/).filter(Boolean).map(singular));
}

/** A measure's thing: "38 miles of the Cask River" → river. Counts and money name theirs in `counted`. */
function ofNoun(text: string, f: Figure): string | null {
  if (f.unit === null || f.unit === "percent" || f.unit === "points" || /^[A-Z]{3}$/.test(f.unit)) return null;
  // "38 miles of the Cask River", and the compound "the 2.4-kilometre Fennick Tunnel".
  const after = text.slice(f.end, f.end + 60);
  const thing = "((?:[A-Z][\\w'’-]*\\s+){0,2}[A-Z][a-z]+|[a-z][a-z'’-]+)\\b";
  const m = new RegExp(`^\\s+[a-z./]+\\s+of\\s+(?:the\\s+|its\\s+|their\\s+)?${thing}`).exec(after) ?? new RegExp(`^-[a-z]+(?:-long)?\\s+${thing}`).exec(after);
  // A proper name is named by its last word: "the Cask River" is a river.
  const word = m?.[1]?.split(/\s+/).pop()?.toLowerCase().replace(/['’]s$/, "");
  return word && !STOP.has(word) && !VAGUE.has(word) ? singular(word) : null;
}
const namesOf = (text: string, f: Figure): string[] => {
  const of = ofNoun(text, f);
  return of ? [...nounsOf(f), of] : nounsOf(f);
};
/** Whether `at` is inside quotation marks in `text` (an odd count of marks before it). */
const inQuote = (text: string, at: number): boolean => ((text.slice(0, at).match(/["“”]/g) ?? []).length % 2 === 1);
// Bare figures that count anew rather than restate: "another 48 miles", "up to 48", "more than 40".
const NOT_BARE = /\b(?:another|other|additional|extra|further|more|up to|at least|more than|over|nearly|almost|about|than|by|of|per|each|every|next|first|last|only|just)\s+$|\d[\d,.]*\s*(?:%|percent)?\s+(?:to|or|and)\s+$/i;

const QUALIFIER = /^\s+(?:[\w-]+\s+){0,3}?(?:for|from|against|over)\s+(?:the\s+|a\s+|an\s+)?([a-z][\w-]{3,})/i;
const AT_FIRST = /^[^,]{0,20},\s+(?:the|its|their)\s+(?:[A-Z][\w'’-]*\s+){0,2}([a-z]+|[A-Z][a-z]+)\b/;

/** What a figure counts, as written: "new schools". */
const phrase = (f: Figure): string => (f.counted ?? "").toLowerCase().trim().split(/\s+/).filter((w) => /^[a-z]/.test(w)).join(" ");
/** The words after a figure up to the end of its clause (at most 40 characters): what the figure itself is said to be. */
const clauseAfter = (text: string, f: Figure): string => /^[^,;.]{0,40}/.exec(text.slice(f.end))![0];
/**
 * The words that qualify the figure itself, up to its clause's verb: "the 186,000 doses distributed
 * in 2022" is dated, "the 45,000-seat stadium will host its first game in 2028" is not (the year is
 * the game's), nor "digitise all 9,000 paintings by 2030" (a target for the work, not the count's).
 */
const ownWords = (text: string, f: Figure): string => clauseAfter(text, f).split(/\b(?:will|would|is|was|are|were|has|have|had|can|could|should|may|might|must|by)\b/i)[0]!;

/** "14 miles" and "the 41-mile lake" are in one unit: the pipeline names it singular in a compound. */
const unitOf = (f: Figure) => f.unit?.replace(/s$/, "") ?? null;
/** The owner phrase right before a figure, from its determiner: "The Westside shelter's " before "150 beds". */
const ownerBefore = (text: string, f: Figure): string => /(?:^|\s)(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}[\w-]+['’]s\s+$/.exec(text.slice(Math.max(0, f.at - 60), f.at))?.[0] ?? "";
const sameSize = (a: Figure, b: Figure) => a.value > 0 && b.value > 0 && Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 2 && /\d/.test(a.raw);

/** The same quantity stated twice with values that cannot both be right. */
export function checkRestated(claims: readonly ReadClaim[]): NumberFinding[] {
  // First the back-references, since most articles have few or none and the rest is then skipped.
  const references = new Map<Figure, string[]>();
  // Owners, "all" and hedges point back less surely ("the state's 3.1 million workers" after "61,000
  // workers" is the whole, not the part): only a figure of the same size (within a factor of two,
  // what a slip of a digit or a stale draft gives) counts as the same one.
  const loose = new Set<Figure>();
  const qualified = new Map<Figure, string | null>();
  const spelled = new Set<Figure>();
  const dated = new Map<Figure, string>();
  const modified = new Map<Figure, string[]>();
  const planned = new Set<Figure>();
  for (const later of claims) {
    const { text } = later.claim;
    for (const g of later.figures) {
      const before = text.slice(Math.max(0, g.at - 40), g.at);
      // Without a determiner, a figure points back only in quoted speech ("Opening up 48 miles of
      // river," she said) or as a measure of a named thing: there a speaker restates, not counts anew.
      // "At $430 million, the bridge would …": the figure first, then the thing it belongs to.
      const atFirst = /^\s*(?:at|with)\s+$/i.test(text.slice(0, g.at)) ? AT_FIRST.exec(text.slice(g.end, g.end + 60)) : null;
      const bare = !BACK_REFERENCE.test(before) && (inQuote(text, g.at) || ofNoun(text, g) !== null || atFirst !== null);
      // An abbreviation after a bare figure is a unit ("6.2 MB"), not a thing counted.
      // "The 2025 season's 60 cruise calls" is the figure given for 2025 before; "last year's 2,170" is not known.
      const year = YEAR_OWNER.exec(before)?.[1];
      // "the plant's workforce of 3,600", "The March jobless rate of 4.8%": a named thing's figure after "of".
      const found = OF_REFERENCE.exec(before);
      // "With a population of 98,000, it is …" points back only through its pronoun ("…, neighbouring Ash County is" is another).
      const of = found && (found[4] === undefined || /^\s*,\s+(?:it|they|she|he)\b/i.test(text.slice(g.end))) ? found : null;
      if ((!bare && !of && !BACK_REFERENCE.test(before)) || (TIME_OWNER.test(before) && !year) || (bare && (NOT_BARE.test(before) || /^[A-Z]{2,}\b/.test(g.counted ?? "")))) continue;
      // "the bridge's $430 million price tag": money named by its owner.
      const owner = g.unit && /^[A-Z]{3}$/.test(g.unit) ? /\b([a-z]+)['’]s\s+\S*\s*$/i.exec(before)?.[1] : undefined;
      // "The 45,000-seat stadium" after "The new stadium will seat 42,000 fans": the compound's thing, same size only.
      const compound = /^-[a-z]+\s/i.test(text.slice(g.end)) && ofNoun(text, g) === null && !/[A-Za-z]['’]s\s+$/.test(before) && g.unit === null ? (g.counted ?? "").split(/\s+/).pop() : undefined;
      // "The parks budget, $4.8 million, includes …"; "With a population of 98,000, it is …".
      const head = of ? (of[2] ?? of[4] ?? of[6])! : "";
      const nouns = of ? [singular(head.toLowerCase()), ...namesOf(text, g)] : compound ? [singular(compound.toLowerCase())] : [...namesOf(text, g).filter((w) => w !== singular((g.unit ?? "").toLowerCase())), ...(owner && !STOP.has(owner.toLowerCase()) ? [singular(owner.toLowerCase())] : []), ...(atFirst?.[1] ? [singular(atFirst[1].toLowerCase())] : [])];
      // Digits only ("the two sides" names a set), and not a compound ("the 60-member House" is a size).
      // Number words only with a noun of two words or more, matched in full below ("the nine new
      // schools" after "seven new schools"); a compound only after an owner ("Harris's 1,402-vote margin").
      const words = !/\d/.test(g.raw);
      const owned = /[A-Za-z]['’]s\s+$/.test(before);
      // One noun is enough from three up ("the nine schools" after "Seven schools"): "the two sides" names a set.
      if ((words && ((phrase(g).split(" ").length < 2 && g.value < 3) || bare)) || (/^-/.test(text.slice(g.end)) && ofNoun(text, g) === null && !owned && !compound) || nouns.length === 0 || COMPARISON_BEFORE.test(before) || OTHER_TIME.test(ownWords(text, g))) continue;
      // "…, when half of its fleet of 250 buses would be electric": a plan's figure is another than today's.
      if ((of || compound) && PLAN.test(text)) planned.add(g);
      if (words) spelled.add(g);
      // A bare figure qualified by what it is for ("2,075 aliens for assault") is another count
      // unless the earlier sentence names that too; read below against each earlier figure.
      if (bare) qualified.set(g, QUALIFIER.exec(text.slice(g.end, g.end + 50))?.[1]?.toLowerCase() ?? null);
      references.set(g, nouns);
      // "214 of the 640 voters notified" picks out a group as often as it points back: same size only.
      if (of) modified.set(g, (of[1] ?? of[3] ?? of[5] ?? "").toLowerCase().split(/[^a-z]+/).filter((w) => w && !/^(?:the|its|their|a|an|s|new|current|latest|total|annual|monthly|overall)$/.test(w) && !CALENDAR.test(w.charAt(0).toUpperCase() + w.slice(1))));
      // "Its partner agency's 54 employees" after "a staff of 45": an owner qualified by another word
      // names another one unless both its words were named before ("the group's" may be the nonprofit).
      const ownerWords = /\b(?:its|their|the|his|her)\s+([a-z]+)\s+([a-z]+)['’]s\s+(?:[a-z-]+\s+)?$/i.exec(before);
      if (ownerWords && !of && !year) modified.set(g, [ownerWords[1]!.toLowerCase(), ownerWords[2]!.toLowerCase()]);
      if (bare || compound || year || of || !/(?:^|[^\w'’])(?:the|its|their|this|that|these|those)\s+$/i.test(before) || /\d\s+of\s+(?:the|its|their)\s+$/i.test(before)) loose.add(g);
      if (year) dated.set(g, year);
    }
  }
  if (references.size === 0) return [];
  const wanted = new Set([...references.values()].flat());
  const out: NumberFinding[] = [];
  // Every earlier figure under each wanted word naming it, so a back-reference looks up only its noun.
  const named = new Map<string, { read: ReadClaim; f: Figure }[]>();
  for (const later of claims) {
    const { text } = later.claim;
    for (const g of later.figures) {
      const nouns = references.get(g);
      if (!nouns) continue;
      const earlier: { read: ReadClaim; f: Figure; noun: string }[] = [];
      for (const noun of nouns) for (const e of named.get(noun) ?? []) if (unitOf(e.f) === unitOf(g)) earlier.push({ ...e, noun });
      earlier.sort((a, b) => a.read.claim.position - b.read.claim.position);
      const qualifier = qualified.get(g);
      if (loose.has(g)) earlier.splice(0, earlier.length, ...earlier.filter((e) => sameSize(e.f, g) && (!qualifier || e.read.claim.text.toLowerCase().includes(qualifier))));
      if (planned.has(g)) earlier.splice(0, earlier.length, ...earlier.filter((e) => PLAN.test(e.read.claim.text)));
      const modifiers = modified.get(g);
      if (modifiers) earlier.splice(0, earlier.length, ...earlier.filter((e) => modifiers.every((w) => e.read.claim.text.toLowerCase().includes(w) || (SAME_WORD[w] ?? []).some((v) => e.read.claim.text.toLowerCase().includes(v)))));
      const year = dated.get(g);
      if (year) earlier.splice(0, earlier.length, ...earlier.filter((e) => yearOfFigure(e.read, e.f) === year));
      if (spelled.has(g)) earlier.splice(0, earlier.length, ...earlier.filter((e) => phrase(e.f) === phrase(g)));
      if (earlier.length === 0 || earlier.some((e) => overlaps(e.f.range, g.range))) continue;
      // "The 180 beds at the Eastside shelter", "the 2023 total": another thing, or another year, than before.
      // "The Westside shelter's 150 beds" after "The Eastside shelter, with 180 beds": its owner's name too.
      const own = new Set([...names(clauseAfter(text, g)), ...names(ownerBefore(text, g))]);
      const laterYears = yearsOf(later);
      // "bought 60 buses in 2020. Today its fleet of 85 buses …": a dated figure, then one for now.
      const now = /\b(?:today|now|currently|these days|this year)\b/i.test(text);
      const distinct = (e: { read: ReadClaim }) => [...own].some((n) => !e.read.claim.text.includes(n)) || (yearsOf(e.read).size > 0 && ([...laterYears].some((y) => !yearsOf(e.read).has(y)) || now));
      // "the 300 teachers who left": a relative clause picks out a part of the earlier whole.
      // "the 530 positions at the company's other plant": another thing, said so.
      if (earlier.some(distinct) || /\b(?:other|another|separate|different|second)\b/i.test(ownWords(text, g)) || /^[^,.;]{0,30}?\b(?:who|whom|whose|that|which)\b/i.test(text.slice(g.end))) continue;
      const first = earlier[0]!;
      out.push(
        finding("restated", {
          claims: [later, first.read],
          message: `The ${first.noun} is given as ${first.f.raw} and later as ${g.raw}`,
          computation: `${formatAmount(first.f.value, first.f.unit)} ≠ ${formatAmount(g.value, g.unit)}`,
          expected: first.f.raw,
          stated: g.raw,
          tolerance: `${g.tolerance}; ${first.f.raw}: ${first.f.tolerance}`,
        }),
      );
    }
    for (const f of later.figures) {
      // The clause's words name a figure too ("The new arena will seat 18,500 fans" is the arena's seats).
      const words = [...namesOf(text, f), ...subjectWords(text, f)].filter((w) => wanted.has(w));
      for (const w of new Set(words)) {
        const list = named.get(w);
        if (list) list.push({ read: later, f });
        else named.set(w, [{ read: later, f }]);
      }
    }
  }
  return out;
}
