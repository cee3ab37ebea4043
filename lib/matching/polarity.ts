/**
 * Which way a claim points: "did not rise" is not "rose", "fell" is not "rose", and "never",
 * "no longer", "failed to" turn a claim round. Pure: text in, a plain reading out.
 */

export interface Polarity {
  /** The claim is negated ("not", "never", "no longer", "failed to", "declined to", a refusal). */
  negated: boolean;
  /** The direction of the change it states, before negation: +1 up, -1 down, 0 none. */
  direction: -1 | 0 | 1;
  /** The words that decided it, for reasons ("did not", "rose"). */
  cues: string[];
}

const NEGATION =
  /\b(?:not|never|no longer|no|none|nor|neither|without|failed to|fails to|fail to|refused to|refuses to|declined to|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|won't|wouldn't|can't|cannot|couldn't|shouldn't)\b/gi;
/** A refusal verb reads as negation ("declined 212 detainers") unless it is a fall ("declined by 5%", "declined 5 percent"). */
const REFUSAL = /\b(?:declined|refused|rejected|denied|turned down|ignored)\b(?!\s+(?:by|to|from|sharply|slightly|steadily|\d[\d.,]*\s*(?:%|percent|per cent|percentage)))/gi;
// "above 100 degrees", "below 5%" set a threshold, not a direction: only "above"/"below" without a number count.
const UP = /\b(?:rose|rise|rises|risen|rising|increased?|increases|increasing|grew|grow|grows|grown|growing|climbed?|climbs|climbing|jumped?|jumps|gained?|gains|soared?|soars|doubled|tripled|higher|recovered|recover|recovers|rebounded|improved|up|above(?!\s+\$?\d))\b/gi;
const DOWN = /\b(?:fell|fall|falls|fallen|falling|dropped|drops?|dropping|decreased?|decreases|decreasing|declined|declines|declining|shrank|shrunk|shrinks|slid|slides|plunged|plummeted|cut|cuts|reduced|lower|halved|down|lost|loses|below(?!\s+\$?\d))\b/gi;

/** The polarity of a claim's text. */
export function polarityOf(text: string): Polarity {
  const cues: string[] = [];
  let negations = 0;
  for (const m of text.matchAll(NEGATION)) {
    negations += 1;
    cues.push(m[0].toLowerCase());
  }
  const refusals = [...text.matchAll(REFUSAL)].map((m) => m[0].toLowerCase());
  let up = 0;
  let down = 0;
  const cueOf: string[] = [];
  for (const m of text.matchAll(UP)) {
    up += 1;
    cueOf.push(m[0].toLowerCase());
  }
  for (const m of text.matchAll(DOWN)) {
    const word = m[0].toLowerCase();
    // A refusal already counted ("declined 212 detainers") is not also a fall.
    if (refusals.includes(word)) continue;
    down += 1;
    cueOf.push(word);
  }
  negations += refusals.length;
  cues.push(...refusals, ...cueOf);
  const direction = up > down ? 1 : down > up ? -1 : 0;
  return { negated: negations % 2 === 1, direction, cues };
}

/** Whether two claims point opposite ways, with the reason in words when they do. */
export function oppositePolarity(a: Polarity, b: Polarity): string | null {
  const sign = (p: Polarity) => (p.direction === 0 ? 0 : p.negated ? -p.direction : p.direction);
  const said = (p: Polarity) => (p.cues.length > 0 ? `"${p.cues.join(" ")}"` : "no negation");
  if (a.direction !== 0 && b.direction !== 0) {
    return sign(a) !== sign(b) ? `opposite: ${said(a)} vs ${said(b)}` : null;
  }
  // Without a direction on both sides, a negation on one side only turns the claim round.
  if (a.direction === 0 && b.direction === 0) return a.negated !== b.negated ? `opposite: ${said(a)} vs ${said(b)}` : null;
  const [withDirection, without] = a.direction !== 0 ? [a, b] : [b, a];
  // "did not recover" (negated, no net direction word left) vs "is below": compare the net sign with negation alone.
  if (without.negated && sign(withDirection) > 0) return `opposite: ${said(a)} vs ${said(b)}`;
  return null;
}
