import { words } from "./normalise";

/**
 * Words of one kind that name different things: a claim about violent crime is not one about
 * property crime, nor one about students one about teachers, even with every other word and number
 * shared. When each claim names one of a set that the other does not, they are different claims
 * on one topic. Pure.
 */
const CONTRASTS: readonly (readonly string[])[] = [
  ["violent", "property", "nonviolent"],
  ["federal", "state", "county", "city|municipal", "local"],
  ["student", "students", "teacher", "teachers", "staff", "parent", "parents", "principal", "principals", "driver|drivers"],
  ["psychiatric", "maternity", "surgical", "pediatric", "icu", "emergency"],
  ["public", "private", "charter"],
  ["men", "women", "male", "female", "boys", "girls"],
  ["adult", "adults", "child", "children", "teen", "teens", "teenagers", "senior", "seniors"],
  ["urban", "rural", "suburban"],
  ["residential|home|homes|household|households", "commercial|business|businesses", "industrial"],
  // Who is counted: the people who live in a place, or those who work there.
  ["resident|residents|population", "worker|workers|workforce|employee|employees"],
  ["republican", "republicans", "democrat", "democrats", "democratic", "independent", "independents"],
  ["fulltime", "parttime"],
  ["domestic", "international", "foreign"],
  ["imports", "exports"],
  ["income", "sales", "property", "payroll", "gas", "corporate"],
  ["primary", "runoff"],
  ["misdemeanor", "misdemeanors", "felony", "felonies"],
  // Words of one meaning are one member, written "a|b": doctors are not nurses, but they are physicians.
  ["nurse|nurses", "doctor|doctors|physician|physicians"],
  ["buses", "trains", "bus", "train", "rail", "subway", "ferry"],
  ["coal", "nuclear", "wind", "solar", "hydro", "hydroelectric", "oil"],
  ["elementary", "middleschool", "highschool", "college", "kindergarten", "preschool"],
  // Which grade is counted: kindergartners are not seventh-graders (grades are read as "grade7").
  ["kindergarten|kindergartner|kindergartners|kindergartener|kindergarteners", ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)],
  // Which crop, and which age of child in care.
  ["corn", "soybean|soybeans", "wheat", "cotton", "rice", "barley", "oats", "sorghum", "alfalfa", "hay", "potato|potatoes"],
  ["infant|infants|baby|babies", "toddler|toddlers", "preschooler|preschoolers"],
  // What is counted: 62 homes lost is not 62 structures, nor 3,812 households 3,812 people.
  ["structure|structures|building|buildings", "home|homes|house|houses|residence|residences"],
  ["household|households", "people|person|persons|individual|individuals|resident|residents|worker|workers"],
  ["home|homes|house|houses", "people|person|persons|resident|residents"],
  ["renter|renters|renting|renterhousehold", "homeowner|homeowners|owner|owners|ownerhousehold"],
  // "42 percent of renter households" are not "42 percent of renters".
  ["renterhousehold", "renter|renters"],
  ["ownerhousehold", "homeowner|homeowners|owner|owners"],
  ["registered", "eligible"],
  ["fiscal", "calendar"],
  ["oneway", "roundtrip"],
  // Which crime, which measure of money, which utility, which season.
  ["shoplifting|retailtheft", "burglary|burglaries", "robbery|robberies", "larceny", "carjacking|carjackings", "arson", "homicide|homicides|murder|murders", "assault|assaults", "vandalism"],
  ["income|incomes|earnings", "value|values|price|prices", "rent|rents"],
  ["gas", "electricity"],
  ["generalfund", "totalspending"],
  ["winter|winters", "summer|summers", "spring"],
];

const GRADE_NUMBER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };
/** "seventh-graders", "7th grade", "grade 7" as one word, "grade7". */
const GRADE = /\b(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(\d{1,2})(?:st|nd|rd|th))[- ]grade(?:rs?)?|grade (\d{1,2}))\b/gi;

/** Sets whose members are counted together: naming one more of them counts more. */
const WHOLE_COUNT = new Set(CONTRASTS.flatMap((set, i) => (set[0] === "residential|home|homes|household|households" || set[0] === "household|households" ? [i] : [])));

/** A contrast word as the reason shows it: "highschool" as "high school", "fulltime" as "full-time". */
const shown = (w: string) => w.replace(/^grade(\d+)$/, "grade $1").replace(/^(middle|high)school$/, "$1 school").replace(/^(full|part)time$/, "$1-time");

/**
 * A set's members as the words a claim may use: each word of a member ("doctor|physician") stands
 * for the member's first word, singular, so two claims naming one member by different words agree.
 */
const MEMBER_OF: ReadonlyArray<ReadonlyMap<string, string>> = CONTRASTS.map(
  (set) => new Map(set.flatMap((member) => member.split("|").map((w) => [w, singular(member.split("|")[0]!)] as const))),
);

/** "buses" is "bus" and "bus" stays "bus" (cutting a bare final s made them "buse" and "bu": a contrast). */
function singular(w: string): string {
  if (/(?:ss|sh|ch|x|z|us)es$/.test(w)) return w.slice(0, -2);
  return w.endsWith("s") && !/(?:ss|us|is)$/.test(w) ? w.slice(0, -1) : w;
}

/** Which members of each contrast set a claim names (set index → members, by their first word singular): read once per text. */
export type ContrastWords = ReadonlyMap<number, readonly string[]>;

/** A claim's words as contrasts read them ("full-time", "high school" kept whole, as "fulltime", "highschool"). */
export function contrastWords(text: string): ContrastWords {
  const joined = text
    .replace(GRADE, (_, word: string | undefined, digits: string | undefined, after: string | undefined) => `grade${digits ?? after ?? GRADE_NUMBER[word!.toLowerCase()]}`)
    .replace(/\bretail\s+theft\b/gi, "retailtheft")
    .replace(/\brenter[\s-]households?\b/gi, "renterhousehold")
    .replace(/\b(?:home)?owner[\s-]households?\b/gi, "ownerhousehold")
    .replace(/\bone[\s-]way\b/gi, "oneway")
    .replace(/\bround[\s-]trip\b/gi, "roundtrip")
    .replace(/\bgeneral[\s-]fund\b/gi, "generalfund")
    .replace(/\b(?:total|overall)\s+(?:spending|budget|expenditures?)\b|\ball\s+funds\b/gi, "totalspending")
    .replace(/\b(full|part)-time\b/gi, "$1time").replace(/\b(middle|high)[ -]schools?\b/gi, "$1school");
  const present = new Set(words(joined));
  const out = new Map<number, string[]>();
  MEMBER_OF.forEach((members, i) => {
    const used = [...present].flatMap((w) => members.get(w) ?? []);
    if (used.length > 0) out.set(i, [...new Set(used)]);
  });
  return out;
}

/** The first pair of contrasting words the two claims use (each naming one the other does not), as a reason, or null. */
export function contrastOf(a: string | ContrastWords, b: string | ContrastWords): string | null {
  const wa = typeof a === "string" ? contrastWords(a) : a;
  const wb = typeof b === "string" ? contrastWords(b) : b;
  for (const [set, inA] of wa) {
    const inB = wb.get(set);
    if (!inB) continue;
    // Each side names one the other does not: "federal" vs "state" stays a contrast though both say "county".
    const onlyA = inA.filter((w) => !inB.includes(w));
    const onlyB = inB.filter((w) => !inA.includes(w));
    // What is counted: "homes and businesses" are more than "homes", though nothing else differs.
    if (WHOLE_COUNT.has(set) && (onlyA.length > 0 || onlyB.length > 0) && (onlyA.length === 0 || onlyB.length === 0)) {
      return `different count: ${inA.map(shown).join(" and ")} vs ${inB.map(shown).join(" and ")}`;
    }
    if (onlyA.length === 0 || onlyB.length === 0) continue;
    return `different subject: ${shown(onlyA[0]!)} vs ${shown(onlyB[0]!)}`;
  }
  return null;
}
