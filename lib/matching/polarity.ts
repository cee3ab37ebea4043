/**
 * Which way a claim points: "did not rise" is not "rose", "fell" is not "rose", "lost 48,000 jobs"
 * is not "created 48,000 jobs", "the lowest since 2005" is not "the highest", and "never", "no
 * longer", "failed to" turn a claim round. Each pair of opposites is an axis; a claim's reading is
 * the axes it names (+1 or -1) and whether it is negated. Pure: text in, a plain reading out.
 */

export interface Polarity {
  /** The claim is negated ("not", "never", "no longer", "failed to") an odd number of times. */
  negated: boolean;
  /** The axes the claim names, before negation: change +1 rose / -1 fell, and the others below. */
  axes: Record<string, 1 | -1>;
  /** The words that decided it, for reasons ("did not", "rose"). */
  cues: string[];
}

const NEGATION =
  /\b(?:not|never|no longer|no|none|nor|neither|without|failed to|fails to|fail to|refused to|refuses to|declined to|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|won't|wouldn't|can't|cannot|couldn't|shouldn't)\b/gi;

/** A word (or phrase) is on an axis at +1 or -1; a word may be on two ("cut": a fall, and a loss). */
type Cue = { axis: string; sign: 1 | -1; pattern: RegExp };

const NUMBER_AFTER = String.raw`(?=\s+(?:\$|€|£)?\d)`;
const NO_NUMBER_AFTER = String.raw`(?!\s+(?:\$|€|£)?\d)`;
/** "declined by 5%", "declined 5 percent" is a fall; "declined 212 detainers" a refusal. */
const NOT_A_FALL = String.raw`(?!\s+(?:by|to|from|sharply|slightly|steadily|\d[\d.,]*\s*(?:%|percent|per cent|percentage)))`;

const CUES: readonly Cue[] = [
  { axis: "change", sign: 1, pattern: /\b(?:rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grows|grown|growing|climbed?|climbs|climbing|jumped?|jumps|soared?|soars|doubled|tripled|higher|recovered|recover|recovers|rebounded|improved|up)\b/gi },
  { axis: "change", sign: 1, pattern: new RegExp(String.raw`\babove\b${NO_NUMBER_AFTER}`, "gi") },
  { axis: "change", sign: -1, pattern: /\b(?:fell|fall|falls|fallen|falling|dropped|drops?|dropping|decreased?|decreases|decreasing|declines|declining|shrank|shrunk|shrinks|slid|slides|plunged|plummeted|cut|cuts|reduced|lower|halved|down)\b/gi },
  { axis: "change", sign: -1, pattern: new RegExp(String.raw`\b(?:below\b${NO_NUMBER_AFTER}|declined\b(?!${NOT_A_FALL}))`, "gi") },
  { axis: "gain", sign: 1, pattern: /\b(?:created|creates|create|added|adds|add|gained|gains|gain|won|wins|brought|hired)\b/gi },
  { axis: "gain", sign: -1, pattern: /\b(?:lost|loses|lose|shed|sheds|cut|cuts|eliminated|eliminates|laid off)\b/gi },
  { axis: "assent", sign: 1, pattern: /\b(?:approved|approves|approve|passed|passes|pass|accepted|accepts|honored|honoured|honors|complied|complies|granted|upheld|signed)\b/gi },
  { axis: "assent", sign: -1, pattern: new RegExp(String.raw`\b(?:rejected|rejects|denied|denies|(?:refused|refuses|failed|fails)(?!\s+to\b)|vetoed|vetoes|turned down|struck down|declined\b${NOT_A_FALL})`, "gi") },
  { axis: "extreme", sign: 1, pattern: /\b(?:highest|most|largest|biggest|best|greatest|record high)\b/gi },
  { axis: "extreme", sign: -1, pattern: /\b(?:lowest|least|fewest|smallest|worst|record low)\b/gi },
  { axis: "balance", sign: 1, pattern: /\bsurplus(?:es)?\b/gi },
  { axis: "balance", sign: -1, pattern: /\bdeficits?\b/gi },
  { axis: "threshold", sign: 1, pattern: new RegExp(String.raw`\b(?:more than|greater than|at least|exceed(?:s|ed)?|(?:over|above)${NUMBER_AFTER})\b`, "gi") },
  { axis: "threshold", sign: -1, pattern: new RegExp(String.raw`\b(?:fewer than|less than|at most|(?:under|below)${NUMBER_AFTER})\b`, "gi") },
];

/** The polarity of a claim's text. */
export function polarityOf(text: string): Polarity {
  const cues: string[] = [];
  let negations = 0;
  for (const m of text.matchAll(NEGATION)) {
    negations += 1;
    cues.push(m[0].toLowerCase());
  }
  const votes: Record<string, number> = {};
  for (const cue of CUES) {
    for (const m of text.matchAll(cue.pattern)) {
      // "deficit" names the thing in "cut the deficit", not a balance claim, when a change is named too.
      votes[cue.axis] = (votes[cue.axis] ?? 0) + cue.sign;
      cues.push(m[0].toLowerCase());
    }
  }
  const axes: Record<string, 1 | -1> = {};
  for (const [axis, vote] of Object.entries(votes)) if (vote !== 0) axes[axis] = vote > 0 ? 1 : -1;
  return { negated: negations % 2 === 1, axes, cues: [...new Set(cues)] };
}

/** Whether two claims point opposite ways, with the reason in words when they do. */
export function oppositePolarity(a: Polarity, b: Polarity): string | null {
  const said = (p: Polarity) => (p.cues.length > 0 ? `"${p.cues.join(" ")}"` : "no negation");
  const reason = `opposite: ${said(a)} vs ${said(b)}`;
  const effective = (p: Polarity, axis: string) => (p.negated ? -p.axes[axis]! : p.axes[axis]!);
  const shared = Object.keys(a.axes).filter((axis) => axis in b.axes);
  if (shared.length > 0) return shared.some((axis) => effective(a, axis) !== effective(b, axis)) ? reason : null;
  // No axis named by both: then a negation on one side only turns the claim round ("never signed" vs
  // "entered into"), while a direction word on one side only is a paraphrase ("went from 71 to 84" vs "climbed").
  return a.negated !== b.negated ? reason : null;
}
