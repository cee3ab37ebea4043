/**
 * Old offsets → new offsets through the diff of two revisions (text-diff.ts), so most claims are
 * checked at one expected place in O(quote) instead of searched for.
 *
 * The map also knows which new text is an unchanged copy of which old text. That is what keeps a
 * claim off look-alike text: a sentence the diff explains as some OTHER old sentence kept in place
 * is that sentence, not this claim's new home, however similar it reads.
 */
import type { Span } from "./types";
import { diffTexts, type DiffOp } from "./text-diff";

/** One run of the diff with its place in both texts (an insert has no old length, a delete no new). */
interface Segment {
  op: DiffOp;
  oldStart: number;
  newStart: number;
  length: number;
}

/** A mapped span; `intact` when the diff kept the whole old span unchanged in one piece. */
export interface MappedSpan extends Span {
  intact: boolean;
}

/** Position mapping from an old revision to a new one. Build it with {@link createPositionMap}. */
export class PositionMap {
  /** Equal and deleted runs, by old offset: they tile the old text. */
  private readonly oldSide: Segment[];
  /** Equal and inserted runs, by new offset: they tile the new text. */
  private readonly newSide: Segment[];

  constructor(
    segments: Segment[],
    /** The old revision, kept to read what an unchanged stretch of new text used to be. */
    readonly oldText: string,
    readonly newLength: number,
  ) {
    this.oldSide = segments.filter((s) => s.op !== 1);
    this.newSide = segments.filter((s) => s.op !== -1);
  }

  /** Where old offset `offset` is now; an offset inside deleted text maps to where the deletion was. */
  mapOffset(offset: number): number {
    const seg = findSegment(this.oldSide, offset, (s) => s.oldStart);
    if (!seg) return offset >= this.oldText.length ? this.newLength : 0;
    return seg.op === 0 ? seg.newStart + (offset - seg.oldStart) : seg.newStart;
  }

  /** Where old span `[start, end)` is now expected. */
  mapSpan(start: number, end: number): MappedSpan {
    const seg = findSegment(this.oldSide, start, (s) => s.oldStart);
    if (seg && seg.op === 0 && end <= seg.oldStart + seg.length) {
      const newStart = seg.newStart + (start - seg.oldStart);
      return { start: newStart, end: newStart + (end - start), intact: true };
    }
    const newStart = this.mapOffset(start);
    // Map the last character, not `end`, so an insertion right after the span is not counted in.
    const endSeg = end > start ? findSegment(this.oldSide, end - 1, (s) => s.oldStart) : undefined;
    const newEnd =
      endSeg && endSeg.op === 0 ? endSeg.newStart + (end - 1 - endSeg.oldStart) + 1 : this.mapOffset(end);
    return { start: newStart, end: Math.max(newStart, newEnd), intact: false };
  }

  /** True when the diff kept old `[start, end)` unchanged in one piece. */
  isIntact(start: number, end: number): boolean {
    return this.mapSpan(start, end).intact;
  }

  /** The old span new `[start, end)` is an unchanged copy of, or null when it is not one in whole. */
  oldSpanOf(start: number, end: number): Span | null {
    const seg = findSegment(this.newSide, start, (s) => s.newStart);
    if (!seg || seg.op !== 0 || end > seg.newStart + seg.length) return null;
    const oldStart = seg.oldStart + (start - seg.newStart);
    return { start: oldStart, end: oldStart + (end - start) };
  }

  /**
   * How many characters of new `[start, end)` are unchanged copies of old text outside `own` (the
   * claim's old span): text that is demonstrably something else.
   */
  foreignLength(start: number, end: number, own: Span): number {
    let foreign = 0;
    this.eachNewSegment(start, end, (seg, a, b) => {
      if (seg.op !== 0) return;
      const oa = seg.oldStart + (a - seg.newStart);
      const ob = seg.oldStart + (b - seg.newStart);
      foreign += b - a - overlap(oa, ob, own.start, own.end);
    });
    return foreign;
  }

  /**
   * The parts of new `[start, end)` where a claim whose old span is `own` may have gone: inserted
   * text and the claim's own surviving text, never another old sentence kept in place.
   */
  searchableRanges(start: number, end: number, own: Span): Span[] {
    const ranges: Span[] = [];
    const add = (a: number, b: number) => {
      if (b <= a) return;
      const last = ranges[ranges.length - 1];
      if (last && last.end >= a) last.end = Math.max(last.end, b);
      else ranges.push({ start: a, end: b });
    };
    this.eachNewSegment(start, end, (seg, a, b) => {
      if (seg.op === 1) return add(a, b);
      const oa = seg.oldStart + (a - seg.newStart);
      const ob = seg.oldStart + (b - seg.newStart);
      const from = Math.max(oa, own.start);
      const to = Math.min(ob, own.end);
      if (to > from) add(seg.newStart + (from - seg.oldStart), seg.newStart + (to - seg.oldStart));
    });
    return ranges;
  }

  /** Calls `visit` with each new-side run overlapping `[start, end)`, clipped to it. */
  private eachNewSegment(start: number, end: number, visit: (seg: Segment, a: number, b: number) => void) {
    let i = findIndex(this.newSide, start, (s) => s.newStart);
    for (; i < this.newSide.length; i++) {
      const seg = this.newSide[i]!;
      if (seg.newStart >= end) break;
      const a = Math.max(start, seg.newStart);
      const b = Math.min(end, seg.newStart + seg.length);
      if (b > a) visit(seg, a, b);
    }
  }
}

/** Diffs the two revisions once and returns the map every claim of the import is resolved with. */
export function createPositionMap(oldText: string, newText: string): PositionMap {
  const segments: Segment[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const [op, text] of diffTexts(oldText, newText)) {
    if (!text) continue;
    const last = segments[segments.length - 1];
    // Runs assembled from several diff passes can repeat an operation; one segment keeps lookups simple.
    if (last && last.op === op) last.length += text.length;
    else segments.push({ op, oldStart: oldPos, newStart: newPos, length: text.length });
    if (op !== 1) oldPos += text.length;
    if (op !== -1) newPos += text.length;
  }
  return new PositionMap(segments, oldText, newText.length);
}

function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** Index of the last segment starting at or before `offset` (0 when none). */
function findIndex(segments: Segment[], offset: number, startOf: (s: Segment) => number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(segments[mid]!) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The segment covering `offset`, if any. */
function findSegment(segments: Segment[], offset: number, startOf: (s: Segment) => number): Segment | undefined {
  const seg = segments[findIndex(segments, offset, startOf)];
  return seg && startOf(seg) <= offset && offset < startOf(seg) + seg.length ? seg : undefined;
}
