/**
 * Restated with its digits swapped: "lost $3.2 million in the first quarter" and later "the
 * district's first-quarter loss of $2.3 million"; "1,450 feet long" and later "the 1,540-foot span";
 * "costs $450 million" and later "a $540 million plan". A slip of the keys, the commonest way one
 * figure is printed two ways, and one restated.ts's noun matching misses when the later mention names
 * its thing in other words (span for bridge, loss for lost).
 *
 * Same digits in another order, same unit, in a later sentence, and something else tying the two:
 * a measure's unit (feet, miles), a word of four letters or more both sentences use (both within 2×),
 * or money pointed back to as a spending ("the $41 million project", within 5×). Nothing
 * earlier may give the later value itself, and nothing around the later figure may make it another
 * time or another thing ("another", "last year's", "planned").
 */
import type { Figure, ReadClaim } from "../figures";
import { finding } from "../finding";
import { formatAmount } from "../interval";
import type { NumberFinding } from "../types";

const UNIT_OF: Record<string, string> = { foot: "feet", feet: "feet", mile: "miles", miles: "miles", meter: "metres", meters: "metres", metre: "metres", metres: "metres", kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km", acre: "acres", acres: "acres" };
const unitOf = (f: Figure) => (f.unit ? (UNIT_OF[f.unit.toLowerCase()] ?? f.unit) : null);
const digitsOf = (f: Figure) => f.raw.replace(/\D/g, "").replace(/^0+/, "");
const sorted = (s: string) => [...s].sort().join("");
const OTHER = /\b(?:another|other|additional|extra|more than|up to|last year['’]s|previous|next|planned|proposed|projected|target|goal|than|from|by)\s+(?:the\s+|a\s+|an\s+)?(?:about\s+|roughly\s+|nearly\s+)?$/i;
const yearsOf = (text: string): string[] => text.match(/\b(?:19|20)\d\d\b/g) ?? [];
const MONEY_THING = /^\s+(?:[a-z-]+\s+)?(?:project|plan|deal|contract|budget|package|bond|grant|program|programme|renovation|expansion|upgrade|purchase|settlement|loan|levy|price tag)\b/i;
const ANOTHER_THING = /\b(?:separate|another|other|second|different|rival|neighbou?ring|compared)\b/i;
const STOP = new Set(["that", "this", "with", "from", "have", "were", "will", "would", "said", "says", "about", "their", "there", "which", "million", "billion", "thousand", "percent", "than", "they", "been", "more", "also", "into", "over", "after", "before", "since", "year", "years"]);
const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/(?:es|s)$/, "").slice(0, 5)));

/** Figures restated later with the same digits in another order. */
export function checkSwappedDigits(claims: readonly ReadClaim[]): NumberFinding[] {
  const out: NumberFinding[] = [];
  const seen: { read: ReadClaim; f: Figure }[] = [];
  for (const later of claims) {
    const { text } = later.claim;
    for (const g of later.figures) {
      const d = digitsOf(g);
      if (d.length < 2 || new Set(d).size < 2 || g.hedge || OTHER.test(text.slice(Math.max(0, g.at - 30), g.at))) continue;
      // "A separate parks fund raised $6.4 million": the sentence says it is another thing.
      // "… the 530 positions at the company's other plant": the figure's own words may say so too.
      if (ANOTHER_THING.test(text.slice(0, g.at)) || ANOTHER_THING.test(/^[^,;.]{0,40}/.exec(text.slice(g.end))![0])) continue;
      const unit = unitOf(g);
      const sameValue = seen.some((e) => unitOf(e.f) === unit && e.f.value === g.value);
      if (sameValue) continue;
      const earlier = seen.find((e) => {
        const ed = digitsOf(e.f);
        if (e.read === later || unitOf(e.f) !== unit || ed === d || ed.length !== d.length || sorted(ed) !== sorted(d)) return false;
        const ratio = Math.max(e.f.value, g.value) / Math.min(e.f.value, g.value);
        if (ratio > 5) return false;
        // "210 families in 2023. In 2024 it served 120 families": another year is another figure.
        const years = yearsOf(e.read.claim.text);
        if (yearsOf(text).some((y) => !years.includes(y))) return false;
        const measured = unit !== null && unit !== "USD" && unit !== "percent" && unit !== "points" && /^[a-z]/.test(unit);
        // "The $41 million project" after "a $14 million renovation": money pointed back to by a word for any spending.
        const pointed = unit === "USD" && /\b(?:the|its|their|this|that)\s+$/i.test(text.slice(Math.max(0, g.at - 6), g.at)) && MONEY_THING.test(text.slice(g.end, g.end + 30));
        // Two digits swapped may move a figure far ("14" and "41"): that far only with money pointed back to.
        if (pointed) return true;
        if (ratio > 2) return false;
        if (measured) return true;
        const mine = wordsOf(text);
        return [...wordsOf(e.read.claim.text)].some((w) => mine.has(w));
      });
      if (!earlier) continue;
      out.push(
        finding("restated", {
          claims: [later, earlier.read],
          message: `${earlier.f.raw} is given later as ${g.raw}: the same digits in another order`,
          computation: `${formatAmount(earlier.f.value, earlier.f.unit)} ≠ ${formatAmount(g.value, g.unit)}`,
          expected: earlier.f.raw,
          stated: g.raw,
          tolerance: `${g.tolerance}; ${earlier.f.raw}: ${earlier.f.tolerance}`,
        }),
      );
    }
    for (const f of later.figures) seen.push({ read: later, f });
  }
  return out;
}
