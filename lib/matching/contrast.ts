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

/** A claim's words as contrasts read them ("full-time" kept whole). */
export function contrastWords(text: string): ReadonlySet<string> {
  return new Set(words(text.replace(/(full|part)-time/gi, "$1_time")).map((w) => w.replace("_", "-")));
}

/** The first pair of contrasting words the two claims use, as a reason, or null. */
export function contrastOf(a: string | ReadonlySet<string>, b: string | ReadonlySet<string>): string | null {
  const wa = typeof a === "string" ? contrastWords(a) : a;
  const wb = typeof b === "string" ? contrastWords(b) : b;
  for (const set of CONTRASTS) {
    const inA = set.filter((w) => wa.has(w)).map(SINGULAR);
    const inB = set.filter((w) => wb.has(w)).map(SINGULAR);
    if (inA.length === 0 || inB.length === 0) continue;
    const onlyA = inA.filter((w) => !inB.includes(w));
    const onlyB = inB.filter((w) => !inA.includes(w));
    if (onlyA.length > 0 && onlyB.length > 0 && !inA.some((w) => inB.includes(w))) return `different subject: ${onlyA[0]} vs ${onlyB[0]}`;
  }
  return null;
}
