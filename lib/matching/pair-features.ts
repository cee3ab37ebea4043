import { contrastOf } from "./contrast";
import { compareFigures, type FigureComparison } from "./figures";
import { oppositePolarity, weakerPolarity } from "./polarity";
import type { ClaimFeatures } from "./score";
import { compareWrittenNumbers, sameNumber, writtenNumbers } from "./written-numbers";

/**
 * What the learned same-claim decision (same-claim.ts) reads of one candidate: a few measures that
 * mean the same on any pair of claims (shares of words, names and numbers in common, the
 * candidate's place among the others the index found), not rules about particular words. The
 * guards stay rules: a changed number or a flipped polarity is never "the same claim", whatever
 * the words say (issue 16). Pure.
 */

/**
 * The names of the features, in the order of the vector (the model's weights follow it). Words,
 * names and the candidate's place only: figures and polarity are the guards' to judge, so the
 * model is trained on what tells one assertion from another on the same topic, and cannot lean
 * on what the guards already decided.
 */
export const PAIR_FEATURES = [
  "overlap",
  "coverQuery",
  "coverCandidate",
  "bm25Share",
  "topByBm25",
  "overlapMargin",
  "figuresSame",
  "namesCover",
  "namesMissing",
  "lengthRatio",
  "unsharedQuery",
  "unsharedCandidate",
  "bigramDice",
  "headShared",
  "swapInCopy",
] as const;
export type PairFeatureName = (typeof PAIR_FEATURES)[number];

/** Where the candidate stands among the index's candidates for the same claim. */
export interface CandidateContext {
  /** Its BM25 over the best BM25 of the claim's candidates (0..1). */
  bm25Share: number;
  /** Its place by BM25, 0 for the best. */
  rank: number;
  /** The best word overlap among the claim's other candidates that no guard rules out (0 when there is none). */
  bestOtherOverlap: number;
}

/** One candidate as the decision sees it, before its place among the others is known. */
export interface PairReading {
  overlap: number;
  shared: string[];
  figures: FigureComparison;
  /** Why it can never be "the same claim", in words (a changed number, a flipped polarity, another subject), or null. */
  guard: string | null;
  /** The features that do not depend on the other candidates. */
  features: Omit<Record<PairFeatureName, number>, "bm25Share" | "topByBm25" | "overlapMargin">;
}

/** How much of the two claims' content words they share: the mean of Dice and of the smaller claim's cover. */
export function wordOverlap(a: readonly string[], b: readonly string[]): { overlap: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { overlap: 0, shared: [] };
  const set = new Set(b);
  const shared = a.filter((w) => set.has(w));
  const dice = (2 * shared.length) / (a.length + b.length);
  const cover = shared.length / Math.min(a.length, b.length);
  return { overlap: (dice + cover) / 2, shared };
}

/**
 * The written numbers the figures did not read: when the figures agree, those they read are
 * theirs to compare (they know "36 months" is "three years"), and only the rest is checked plainly.
 */
function unread(f: ClaimFeatures, agreement: FigureComparison["agreement"]): number[] {
  if (agreement !== "same") return f.numbers;
  const { figures, ...rest } = f.figures;
  const read = [...figures.map((g) => g.raw), ...Object.values(rest).flat()].flatMap((raw) => writtenNumbers(raw));
  return f.numbers.filter((x) => !read.some((y) => sameNumber(x, y)));
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size + b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n += 1;
  return (2 * n) / (a.size + b.size);
}

/** What `candidate` shares with `claim`, and the guard that forbids "same", if any. */
export function readPair(claim: ClaimFeatures, candidate: ClaimFeatures, overlapOf = wordOverlap(claim.words, candidate.words)): PairReading {
  const { overlap, shared } = overlapOf;
  const figures = compareFigures(claim.figures, candidate.figures);
  let guard: string | null = null;
  if (figures.agreement === "different") guard = "different figures";
  else if (figures.agreement === "one-sided") guard = "figures in one claim only";
  else if (compareWrittenNumbers(unread(claim, figures.agreement), unread(candidate, figures.agreement)) === "conflict") guard = `different number written: ${claim.numbers.join(", ")} vs ${candidate.numbers.join(", ")}`;
  else guard = oppositePolarity(claim.polarity, candidate.polarity) ?? weakerPolarity(claim.polarity, candidate.polarity) ?? contrastOf(claim.contrastWords, candidate.contrastWords);
  const candidateWords = new Set(candidate.words);
  const claimWords = new Set(claim.words);
  const missing = (f: ClaimFeatures, other: ReadonlySet<string>) => f.names.filter((n) => !other.has(n)).length;
  return {
    overlap,
    shared,
    figures,
    guard,
    features: {
      overlap,
      coverQuery: share(shared.length, claim.words.length),
      coverCandidate: share(shared.length, candidate.words.length),
      figuresSame: figures.agreement === "same" ? 1 : 0,
      namesCover: claim.names.length === 0 ? 1 : share(claim.names.length - missing(claim, candidateWords), claim.names.length),
      namesMissing: Math.log1p(missing(claim, candidateWords) + missing(candidate, claimWords)),
      lengthRatio: share(Math.min(claim.words.length, candidate.words.length), Math.max(claim.words.length, candidate.words.length)),
      unsharedQuery: Math.log1p(claim.words.length - shared.length),
      unsharedCandidate: Math.log1p(candidate.words.length - shared.length),
      bigramDice: dice(claim.bigrams, candidate.bigrams),
      // A sentence copied with a word swapped ("85 new teachers" / "85 new bus drivers") is how hard
      // negatives are written, while a restatement rewords the sentence: word pairs in common when each side has a word of its own.
      swapInCopy: claim.words.length > shared.length && candidate.words.length > shared.length ? dice(claim.bigrams, candidate.bigrams) : 0,
      headShared: (claim.words.slice(0, 2).filter((w) => candidateWords.has(w)).length + candidate.words.slice(0, 2).filter((w) => claimWords.has(w)).length) / 4,
    },
  };
}

/** The feature vector of a reading, given the candidate's place among the others. */
export function pairVector(reading: PairReading, context: CandidateContext): number[] {
  const all: Record<PairFeatureName, number> = { ...reading.features, bm25Share: context.bm25Share, topByBm25: context.rank === 0 ? 1 : 0, overlapMargin: reading.overlap - context.bestOtherOverlap };
  return PAIR_FEATURES.map((name) => all[name]);
}
