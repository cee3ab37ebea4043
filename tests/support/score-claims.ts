/**
 * Scores predicted claims against labelled quotes: the same four figures, with the same matching rules,
 * as the outside check `../shared/eval/score-claims.mjs`, but as a pure function the test suite can call
 * without running a command or reading anything outside this repository.
 *
 * - recall: required claims that some prediction matches;
 * - precision: among predictions that land on labelled text, those on a claim rather than on a `none` span;
 * - kind: found required claims for which a matching prediction has one of the accepted kinds;
 * - boundaries: found required claims that a matching prediction covers cleanly (IoU ≥ 0.8).
 *
 * A prediction matches a labelled span when their overlap covers at least half of the shorter span and 40%
 * of the longer one. Per document a ratio with nothing to count is 1; pooled over documents it is 0, as in
 * the outside check.
 */

/** A gold file maps a document path (relative to the gold file) to its labels. */
export type GoldFile = Record<string, GoldDocument>;

export interface GoldDocument {
  claims: GoldClaim[];
  /** Quotes of text that is not a claim (bylines, captions, boilerplate, questions, opinion). */
  none: string[];
}

export interface GoldClaim {
  quote: string;
  /** Every kind a careful fact-checker would accept. */
  kinds: string[];
  /** Optional claims count for precision when predicted but are not needed for recall. */
  required: boolean;
}

/** The part of an extracted claim the scorer looks at. */
export interface PredictedClaim {
  kind: string;
  sourceStart: number;
  sourceEnd: number;
  text?: string;
}

/** [start, end) in UTF-16 code units. */
export type Span = readonly [number, number];

export interface ScoreCounts {
  required: number;
  found: number;
  kindOk: number;
  clean: number;
  onClaim: number;
  onNone: number;
  predicted: number;
}

export interface ScoreFigures {
  recall: number;
  precision: number;
  kind: number;
  boundaries: number;
}

/** What went wrong, for a test failure message. */
export interface ScoreMisses {
  /** Required claims no prediction matches. */
  missed: string[];
  /** Found required claims that no matching prediction covers cleanly, with the best IoU reached. */
  ragged: { quote: string; predicted: string[]; iou: number }[];
  /** Found required claims whose matching predictions all have a kind outside the accepted ones. */
  wrongKind: { quote: string; predicted: string[]; accepted: string[] }[];
  /** Predictions landing on a `none` span. */
  onNone: string[];
  /** Gold quotes that cannot be located in the document (a labelling error, not an extractor one). */
  notFound: string[];
  /** Predictions without a valid integer span (the outside check fails the run on these). */
  invalid: PredictedClaim[];
}

export interface DocumentScore extends ScoreFigures {
  counts: ScoreCounts;
  misses: ScoreMisses;
}

export interface PooledScore extends ScoreFigures {
  counts: ScoreCounts;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Finds a quote in the text, tolerant of reflowed white space and of straight vs curly quotes: the exact
 * string first, then the words joined by any white space.
 */
export function locateQuote(text: string, quote: string): Span | null {
  const exact = text.indexOf(quote);
  if (exact !== -1) return [exact, exact + quote.length];
  const pattern = quote
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’‘]/g, "['’‘]").replace(/["“”]/g, '["“”]'))
    .join("\\s+");
  const m = new RegExp(pattern).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** Length of the intersection of two spans (0 when disjoint). */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Overlap covers at least half of the shorter span and 40% of the longer one. */
export function spansMatch(a: Span, b: Span): boolean {
  const ov = overlap(a, b);
  const la = a[1] - a[0];
  const lb = b[1] - b[0];
  return ov >= 0.5 * Math.min(la, lb) && ov >= 0.4 * Math.max(la, lb);
}

/** Intersection over union of two spans. */
export function intersectionOverUnion(a: Span, b: Span): number {
  return overlap(a, b) / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
}

const emptyCounts = (): ScoreCounts => ({
  required: 0,
  found: 0,
  kindOk: 0,
  clean: 0,
  onClaim: 0,
  onNone: 0,
  predicted: 0,
});

function figures(c: ScoreCounts, whenEmpty: number): ScoreFigures {
  const ratio = (a: number, b: number) => (b === 0 ? whenEmpty : a / b);
  return {
    recall: ratio(c.found, c.required),
    precision: ratio(c.onClaim, c.onClaim + c.onNone),
    kind: ratio(c.kindOk, c.found),
    boundaries: ratio(c.clean, c.found),
  };
}

/** Scores one document's predicted claims against its labels. */
export function scoreDocument(labels: GoldDocument, text: string, predictedClaims: PredictedClaim[]): DocumentScore {
  const predicted = predictedClaims.map((p) => ({ claim: p, span: [p.sourceStart, p.sourceEnd] as Span }));
  const slice = (span: Span) => text.slice(span[0], span[1]);
  const claims = labels.claims.map((c) => ({ ...c, span: locateQuote(text, c.quote) }));
  const nones = labels.none.map((quote) => ({ quote, span: locateQuote(text, quote) }));

  const counts = emptyCounts();
  counts.predicted = predicted.length;
  const misses: ScoreMisses = {
    missed: [],
    ragged: [],
    wrongKind: [],
    onNone: [],
    notFound: [...claims, ...nones].filter((x) => !x.span).map((x) => x.quote),
    invalid: predictedClaims.filter(
      (p) => !Number.isInteger(p.sourceStart) || !Number.isInteger(p.sourceEnd) || p.sourceEnd <= p.sourceStart,
    ),
  };

  for (const c of claims) {
    if (!c.required || !c.span) continue;
    const span = c.span;
    counts.required++;
    const hits = predicted.filter((p) => spansMatch(p.span, span));
    if (hits.length === 0) {
      misses.missed.push(c.quote);
      continue;
    }
    counts.found++;
    const bestIou = Math.max(...hits.map((p) => intersectionOverUnion(p.span, span)));
    if (bestIou >= 0.8) counts.clean++;
    else misses.ragged.push({ quote: c.quote, predicted: hits.map((p) => slice(p.span)), iou: bestIou });
    if (hits.some((p) => c.kinds.includes(p.claim.kind))) counts.kindOk++;
    else misses.wrongKind.push({ quote: c.quote, predicted: hits.map((p) => p.claim.kind), accepted: c.kinds });
  }

  for (const p of predicted) {
    if (claims.some((c) => c.span && spansMatch(p.span, c.span))) counts.onClaim++;
    else if (nones.some((n) => n.span && overlap(p.span, n.span) >= 0.5 * (p.span[1] - p.span[0]))) {
      counts.onNone++;
      misses.onNone.push(slice(p.span));
    }
  }

  return { ...figures(counts, 1), counts, misses };
}

/** Pools the counts of several documents into one set of figures. */
export function poolScores(scores: DocumentScore[]): PooledScore {
  const counts = emptyCounts();
  for (const s of scores) for (const k of Object.keys(counts) as (keyof ScoreCounts)[]) counts[k] += s.counts[k];
  return { ...figures(counts, 0), counts };
}

/** One line of figures, worded like the outside check's. */
export function formatScore(name: string, s: DocumentScore): string {
  const c = s.counts;
  return (
    `${name}: recall ${s.recall.toFixed(2)} (${c.found}/${c.required}), ` +
    `precision ${s.precision.toFixed(2)} (${c.onNone} on non-claims), ` +
    `kind ${s.kind.toFixed(2)}, boundaries ${s.boundaries.toFixed(2)}, ${c.predicted} claims predicted`
  );
}

/** The misses as indented lines, for a failing test's message. */
export function formatMisses(s: DocumentScore): string {
  const m = s.misses;
  return [
    ...m.notFound.map((q) => `  gold quote not found in the document: ${q}`),
    ...m.invalid.map((p) => `  no valid sourceStart/sourceEnd: ${JSON.stringify(p).slice(0, 160)}`),
    ...m.missed.map((q) => `  missed: ${q}`),
    ...m.ragged.map((r) => `  ragged boundaries (IoU ${r.iou.toFixed(2)}): ${r.quote}\n    predicted: ${r.predicted.join(" | ")}`),
    ...m.wrongKind.map((w) => `  kind ${w.predicted.join("/")} not in ${w.accepted.join(",")}: ${w.quote}`),
    ...m.onNone.map((t) => `  not a claim: ${t}`),
  ].join("\n");
}
