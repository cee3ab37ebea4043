import { words } from "./normalise";

/**
 * Words of one kind that name different things: a claim about violent crime is not one about
 * property crime, nor one about students one about teachers, even with every other word and number
 * shared. When one claim names one of a set and the other names another (and neither names both),
 * they are different claims on one topic. Pure.
 */
const CONTRASTS: readonly (readonly string[])[] = [
  ["violent", "property", "nonviolent"],
  ["federal", "state", "county", "city", "local", "municipal"],
  ["student", "students", "teacher", "teachers", "staff", "parent", "parents", "principal", "principals"],
  ["psychiatric", "maternity", "surgical", "pediatric", "icu", "emergency"],
  ["public", "private", "charter"],
  ["men", "women", "male", "female", "boys", "girls"],
  ["adult", "adults", "child", "children", "teen", "teens", "teenagers", "senior", "seniors"],
  ["urban", "rural", "suburban"],
  ["residential", "commercial", "industrial"],
  ["republican", "republicans", "democrat", "democrats", "democratic", "independent", "independents"],
  ["full-time", "part-time"],
  ["domestic", "international", "foreign"],
  ["imports", "exports"],
  ["income", "sales", "property", "payroll", "gas", "corporate"],
  ["primary", "runoff"],
  ["misdemeanor", "misdemeanors", "felony", "felonies"],
  ["nurses", "doctors", "physicians"],
  ["buses", "trains", "bus", "train", "rail", "subway", "ferry"],
];

const SINGULAR = (w: string) => (w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);

/** Which words of each contrast set a claim uses (set index → its words, singular): read once per text. */
export type ContrastWords = ReadonlyMap<number, readonly string[]>;

/** A claim's words as contrasts read them ("full-time" kept whole). */
export function contrastWords(text: string): ContrastWords {
  const present = new Set(words(text.replace(/(full|part)-time/gi, "$1_time")).map((w) => w.replace("_", "-")));
  const out = new Map<number, string[]>();
  CONTRASTS.forEach((set, i) => {
    const used = set.filter((w) => present.has(w)).map(SINGULAR);
    if (used.length > 0) out.set(i, [...new Set(used)]);
  });
  return out;
}

/** The first pair of contrasting words the two claims use, as a reason, or null. */
export function contrastOf(a: string | ContrastWords, b: string | ContrastWords): string | null {
  const wa = typeof a === "string" ? contrastWords(a) : a;
  const wb = typeof b === "string" ? contrastWords(b) : b;
  for (const [set, inA] of wa) {
    const inB = wb.get(set);
    if (!inB || inA.some((w) => inB.includes(w))) continue;
    return `different subject: ${inA[0]} vs ${inB[0]}`;
  }
  return null;
}
