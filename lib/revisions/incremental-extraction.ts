/**
 * Claims of an edited article from the claims of its previous text, re-reading only the sections
 * that changed (issue 13: a full extraction was 1.0–1.6 s of re-importing a 50,000-word article
 * with 1% of its sentences edited). The answer is exactly what extractClaims would give for the
 * new text: every claim, its offsets into the Markdown and into the plain text, and its quote
 * selector with context across section edges. Wherever that cannot be shown cheaply (a transcript,
 * a footnote, a section with no words to anchor on), it answers null and the caller extracts
 * in full. tests/unit/revisions/incremental-extraction.test.ts holds it equal to extractClaims over
 * the fixture articles under random edits.
 */
import { buildSelectors } from "@/lib/anchoring/quote-selector";
import { extractClaimsWithPlainText, plainTextMap, type ExtractedClaim, type PlainTextMap } from "@/lib/claims";
import { isTranscript } from "@/lib/claims/transcript";
import { articleSections, matchSections, type MatchedSection, type Section } from "./article-sections";
import { isWordless, sectionWords, SEPARATOR, type PlainLayout } from "./plain-layout";
/** Context each side of a pipeline quote (lib/anchoring/quote-selector.ts). */
const CONTEXT = 32;
/** A section's plain text read alone, how far it moves the plain text on, and the way into it from the section's Markdown. */
type Probe = { text: string; advance: number; toPlain: (start: number, end: number) => [number, number] | null };

/** The claims of the new text, and its plain layout when the old one was known (for the next re-import). */
export type IncrementalExtraction = { claims: ExtractedClaim[]; layout: PlainLayout | null };

/**
 * The claims extractClaims(newText) would find, computed from `previous` (extractClaims of
 * `oldText`, claims only) by re-extracting the sections of newText that are not in oldText; null
 * when that cannot be done exactly. With `oldLayout` (plain-layout.ts), unchanged sections are
 * never read: their words and where they sit come from it.
 */
export function extractIncrementally(
  oldText: string,
  previous: readonly ExtractedClaim[],
  newText: string,
  oldLayout: PlainLayout | null = null,
): IncrementalExtraction | null {
  // A transcript's speakers and hosts are read over the whole document (lib/claims/transcript.ts).
  if (isTranscript(oldText) || isTranscript(newText)) return null;
  const oldSections = articleSections(oldText);
  const newSections = articleSections(newText);
  if (!oldSections || !newSections) return null;
  const matched = matchSections(oldText, oldSections, newText, newSections);
  if (!matched) return null;
  const byNew: MatchedSection[] = matched;
  const byOld: Section[] = oldSections;
  const layout = oldLayout?.starts.length === oldSections.length + 1 ? oldLayout : null;

  // The previous claims, by the old section they sit in (a claim never spans a block, so never a cut).
  const oldClaims: ExtractedClaim[][] = oldSections.map(() => []);
  for (const claim of previous) oldClaims[sectionOf(oldSections, claim.sourceStart)]!.push(claim);

  const probes = new Map<number, Probe | null>();
  const probe = (k: number): Probe | null => {
    if (!probes.has(k)) probes.set(k, fromLayout(k) ?? probeSection(newText.slice(matched[k]!.start, matched[k]!.end), k === 0));
    return probes.get(k)!;
  };
  /** An unchanged section's probe as the old layout has it; null to read it (the first section reads front matter). */
  function fromLayout(k: number): Probe | null {
    const old = byNew[k]!.old;
    if (!layout || old === null || (k === 0) !== (old === 0)) return null;
    return { text: sectionWords(layout, old), advance: layout.starts[old + 1]! - layout.starts[old]!, toPlain: () => null };
  }
  /** A changed section's claims, read with its probe from one parse of the section. */
  const readSection = (k: number): { claims: ExtractedClaim[]; probe: Probe | null } => {
    const text = newText.slice(matched[k]!.start, matched[k]!.end);
    const { claims, plain } = extractClaimsWithPlainText(text);
    if (!probes.has(k)) probes.set(k, probeSection(text, k === 0, plain));
    return { claims, probe: probes.get(k)! };
  };
  // starts[k]: where section k's words begin in the new plain text (the running sum of advances).
  const starts = new Map<number, number>([[0, 0]]);
  const out: ExtractedClaim[] = [];
  /** Claims whose quote may reach past their run of unchanged sections: rebuilt at the end. */
  const requote = new Set<ExtractedClaim>();

  let k = 0;
  while (k < matched.length) {
    const section = matched[k]!;
    if (section.old === null) {
      const start = starts.get(k);
      if (start === undefined) return null;
      const { claims, probe: p } = readSection(k);
      if (!p) return null;
      for (const claim of claims) {
        const moved = shift(claim, section.start, start);
        out.push(moved);
        requote.add(moved);
      }
      starts.set(k + 1, start + p.advance);
      k++;
      continue;
    }
    // A run of unchanged sections, consecutive in both texts: one shift of plain offsets for all.
    let end = k;
    while (end + 1 < matched.length && matched[end + 1]!.old === matched[end]!.old! + 1) end++;
    const run = matched.slice(k, end + 1);
    const withClaims = run.map((r, i) => (oldClaims[r.old!]!.length > 0 ? k + i : -1)).filter((i) => i >= 0);
    if (withClaims.length === 0) {
      for (let i = k; i <= end; i++) {
        const p = probe(i);
        if (!p || starts.get(i) === undefined) return null;
        starts.set(i + 1, starts.get(i)! + p.advance);
      }
      k = end + 1;
      continue;
    }
    // Walk from the run's start to its first section with claims; that claim fixes the shift.
    const first = withClaims[0]!;
    for (let i = k; i < first; i++) {
      const p = probe(i);
      if (!p || starts.get(i) === undefined) return null;
      starts.set(i + 1, starts.get(i)! + p.advance);
    }
    const firstOld = oldStart(first);
    if (firstOld === null || starts.get(first) === undefined) return null;
    const plainShift = starts.get(first)! - firstOld;
    for (let i = k; i <= end; i++) {
      const sourceShift = matched[i]!.start - oldSections[matched[i]!.old!]!.start;
      for (const claim of oldClaims[matched[i]!.old!]!) out.push(shift(claim, sourceShift, plainShift));
    }
    // Walk from the last section with claims to the run's end, for the next section's start.
    const last = withClaims[withClaims.length - 1]!;
    const lastOld = oldStart(last);
    if (lastOld === null) return null;
    starts.set(last, lastOld + plainShift);
    for (let i = last; i <= end; i++) {
      const p = probe(i);
      if (!p) return null;
      starts.set(i + 1, starts.get(i)! + p.advance);
    }
    // Claims near either edge of the run may have context outside it.
    const runStart = starts.get(k)!;
    const runEnd = starts.get(end + 1)!;
    for (const claim of out.slice(out.length - run.reduce((n, r) => n + oldClaims[r.old!]!.length, 0))) {
      // At an edge of both texts the context is cut short in both alike; elsewhere it may differ.
      const nearStart = (k > 0 || matched[k]!.old !== 0) && claim.position.start - CONTEXT <= runStart;
      const atEnd = end === matched.length - 1 && matched[end]!.old === oldSections.length - 1;
      const nearEnd = !atEnd && claim.position.end + CONTEXT >= runEnd - SEPARATOR.length;
      if (nearStart || nearEnd) requote.add(claim);
    }
    k = end + 1;
  }

  if (requote.size > 0 && !rebuildQuotes([...requote], matched.length, starts, probe)) return null;
  if (!layout) return { claims: out, layout: null };
  const next = newLayout();
  return next === false ? null : { claims: out, layout: next };

  /**
   * The new text's layout: every section's probe, unchanged ones from the old layout; null when a
   * section cannot be read. False when it disagrees with a start found on the way: then neither the
   * layout nor the claims placed by those starts are trusted.
   */
  function newLayout(): PlainLayout | null | false {
    const layoutStarts = [0];
    const words: string[] = [];
    for (let i = 0; i < byNew.length; i++) {
      const p = probe(i);
      if (!p) return null;
      const known = starts.get(i);
      if (known !== undefined && known !== layoutStarts[i]) return false;
      layoutStarts.push(layoutStarts[i]! + p.advance);
      if (p.advance > 0) words.push(p.text);
    }
    return { plain: words.join(SEPARATOR), starts: layoutStarts };
  }

  /** Where old section `i`'s words began in the old plain text, from the layout or its first claim; null if unsure. */
  function oldStart(i: number): number | null {
    if (layout) return layout.starts[byNew[i]!.old!]!;
    const p = probe(i);
    const claim = oldClaims[byNew[i]!.old!]![0]!;
    const oldBase = byOld[byNew[i]!.old!]!.start;
    if (!p) return null;
    const span = p.toPlain(claim.sourceStart - oldBase, claim.sourceEnd - oldBase);
    if (!span) return null;
    const local = span[0];
    const { exact, prefix, suffix } = claim.quote;
    // The claim's own words, and the part of its context inside the section, must sit there.
    if (p.text.slice(local, local + exact.length) !== exact) return null;
    const before = p.text.slice(Math.max(0, local - CONTEXT), local);
    const after = p.text.slice(local + exact.length, local + exact.length + CONTEXT);
    if (!prefix.endsWith(before) || !suffix.startsWith(after)) return null;
    return claim.position.start - local;
  }
}

/** A claim of a section moved into the whole text: source offsets by `source`, plain ones by `plain`. */
function shift(claim: ExtractedClaim, source: number, plain: number): ExtractedClaim {
  return {
    ...claim,
    sourceStart: claim.sourceStart + source,
    sourceEnd: claim.sourceEnd + source,
    position: { ...claim.position, start: claim.position.start + plain, end: claim.position.end + plain },
  };
}

/**
 * A section's plain text and how far it moves the plain text on (its blocks' words, each followed by
 * the separator). Null when that is unknown: a section with words but no plain text may hold an
 * empty block (an image alone) that still takes a separator.
 */
function probeSection(text: string, first: boolean, map: PlainTextMap = plainTextMap(text)): Probe | null {
  const { text: plain, toPlain } = map;
  if (plain !== "") return { text: plain, advance: plain.length + SEPARATOR.length, toPlain };
  return isWordless(text, first) ? { text: "", advance: 0, toPlain } : null;
}

/** The index of the section holding offset `at`. */
function sectionOf(sections: readonly Section[], at: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rebuilds the quote selectors of `claims` over the new plain text, read from the sections around
 * each claim (probed outwards until CONTEXT characters either side are covered, or the text's edge).
 * False when a section on the way cannot be read.
 */
function rebuildQuotes(claims: ExtractedClaim[], count: number, starts: Map<number, number>, probe: (k: number) => Probe | null): boolean {
  const known = [...starts.keys()].filter((k) => k < count).sort((a, b) => a - b);
  const sectionAt = (offset: number): number => {
    // The last known section starting at or before `offset`.
    let lo = 0;
    let hi = known.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts.get(known[mid]!)! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return known[lo]!;
  };
  for (const claim of claims) {
    let a = sectionAt(claim.position.start);
    let b = a;
    // Words of sections a..b, with the start of section a; grown until the context fits.
    const startOf = (k: number) => starts.get(k);
    for (;;) {
      if (startOf(a) === undefined) return false;
      let end = startOf(a)!;
      for (let k = a; k <= b; k++) {
        const p = probe(k);
        if (!p) return false;
        if (startOf(k + 1) === undefined) starts.set(k + 1, startOf(k)! + p.advance);
        end = startOf(k + 1)!;
      }
      const from = claim.position.start - CONTEXT - 1;
      const to = claim.position.end + CONTEXT + 1 + SEPARATOR.length;
      if (a > 0 && from < startOf(a)!) {
        const previous = a - 1;
        if (startOf(previous) === undefined) {
          const p = probe(previous);
          if (!p) return false;
          starts.set(previous, startOf(a)! - p.advance);
        }
        a = previous;
        continue;
      }
      if (b < count - 1 && to > end) {
        b++;
        continue;
      }
      break;
    }
    let plain = "";
    for (let k = a; k <= b; k++) {
      const p = probe(k)!;
      if (p.advance > 0) plain += p.text + SEPARATOR;
    }
    // The text's last words take no separator after them; elsewhere the next section's would follow.
    if (b === count - 1 && plain.endsWith(SEPARATOR)) plain = plain.slice(0, -SEPARATOR.length);
    const base = startOf(a)!;
    claim.quote = buildSelectors(plain, claim.position.start - base, claim.position.end - base).quote;
  }
  return true;
}
