/**
 * The promise of issue 7 as properties: edits that leave a claim's own text alone (insertions,
 * deletions and replacements anywhere outside its span, right up to its edges) never orphan it and
 * never move it — it lands exactly on its original characters, wherever the edits before it shifted
 * them.
 *
 * With word-for-word twins (the same sentence twice) and the context of both rewritten, which twin
 * is the claim can be undecidable from the texts alone; there the promise is the safe half: never
 * placed on different text, and on the right twin whenever its 32 characters of context survive.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildClaimSelector, QUOTE_CONTEXT_LENGTH, reanchorClaims } from "@/lib/anchoring";

/** Sentences of a short article; drawn with repetition, so some claims have word-for-word twins. */
const SENTENCES = [
  "Between 2017 and 2021, participating departments increased from 36 to 149.",
  "Agencies may detain people for up to 48 hours until federal agents arrive.",
  "The county spent $4.2 million on jail operations in 2020.",
  "Critics note that 12 percent of those held had no criminal record.",
  "Officials did not respond to a request for comment.",
  "ICE reported 1,261 arrests for dangerous drugs in FY 2020.",
  "Deputies spend about 6 hours a week on immigration work.",
  "Fares rose 6% in May, the transit agency said.",
];

/** Inserted text: lower-case words, spaces and line breaks that cannot spell a claim sentence. */
const insertion = fc
  .array(fc.constantFrom("update", "note", "said", "and", "the", "later", "in", "a", " ", ", ", "\n\n", ". "), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(" "));

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** A short article of 3–8 sentences; `distinct` draws each sentence at most once. */
function articleOf(distinct: boolean) {
  const picks = distinct
    ? fc.uniqueArray(fc.nat(SENTENCES.length - 1), { minLength: 3, maxLength: SENTENCES.length })
    : fc.array(fc.nat(SENTENCES.length - 1), { minLength: 3, maxLength: 12 });
  return fc
    .record({
      picks,
      breaks: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      claimMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    })
    .map(({ picks, breaks, claimMask }) => {
      let text = "";
      const claims: Array<{ start: number; end: number }> = [];
      picks.forEach((p, i) => {
        if (i > 0) text += breaks[i] ? "\n\n" : " ";
        const s = SENTENCES[p]!;
        if (claimMask[i] || i === 0) claims.push({ start: text.length, end: text.length + s.length });
        text += s;
      });
      return { text, claims };
    });
}

/** Edits at random places, kept only where they leave every claim's span alone; non-overlapping. */
function editsFor(text: string, claims: Array<{ start: number; end: number }>) {
  return fc
    .array(
      fc.record({ at: fc.nat(text.length), remove: fc.nat(40), insert: fc.oneof(fc.constant(""), insertion) }),
      { minLength: 1, maxLength: 8 },
    )
    .map((raw) => {
      const edits: Edit[] = [];
      for (const e of raw) {
        const edit = { at: e.at, remove: Math.min(e.remove, text.length - e.at), insert: e.insert };
        if (edit.remove === 0 && edit.insert === "") continue;
        const end = edit.at + edit.remove;
        const touchesClaim = claims.some((c) =>
          edit.remove === 0 ? c.start < edit.at && edit.at < c.end : edit.at < c.end && c.start < end,
        );
        const overlapsEdit = edits.some((o) => edit.at <= o.at + o.remove && o.at <= end);
        if (!touchesClaim && !overlapsEdit) edits.push(edit);
      }
      return edits;
    });
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) {
    out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  }
  return out;
}

/** Where old offset `start` of an untouched claim is after the edits: shifted by every edit before it. */
function shifted(start: number, edits: Edit[]): number {
  return edits.reduce((pos, e) => (e.at + e.remove <= start ? pos + e.insert.length - e.remove : pos), start);
}

/** Re-anchors every claim of `text` after `edits`; with, for each, where it should now start. */
function run(text: string, claims: Array<{ start: number; end: number }>, edits: Edit[]) {
  const edited = applyEdits(text, edits);
  const selectors = claims.map((c, i) => ({ id: i, ...buildClaimSelector(text, c.start, c.end) }));
  const { results } = reanchorClaims(text, edited, selectors);
  return results.map((r, i) => ({ ...r, claim: claims[i]!, quote: selectors[i]!.quote.exact, edited, start: shifted(claims[i]!.start, edits) }));
}

const withEdits = (distinct: boolean) =>
  articleOf(distinct).chain((a) => editsFor(a.text, a.claims).map((edits) => ({ ...a, edits })));

describe("re-anchoring, as a property", () => {
  it("edits outside a claim never orphan it and never move it (distinct sentences)", () => {
    fc.assert(
      fc.property(withEdits(true), ({ text, claims, edits }) => {
        for (const r of run(text, claims, edits)) {
          expect(r.status).toBe("exact");
          expect(r.match).toMatchObject({ start: r.start, end: r.start + r.quote.length, exact: true });
        }
      }),
      { numRuns: 400 },
    );
  });

  it("with word-for-word twins, never places a claim on other text, and keeps it when its context survives", () => {
    fc.assert(
      fc.property(withEdits(false), ({ text, claims, edits }) => {
        for (const r of run(text, claims, edits)) {
          expect(r.status).not.toBe("changed");
          if (r.match) expect(r.edited.slice(r.match.start, r.match.end)).toBe(r.quote);
          const contextSurvives = edits.every(
            (e) => e.at + e.remove < r.claim.start - QUOTE_CONTEXT_LENGTH || e.at > r.claim.end + QUOTE_CONTEXT_LENGTH,
          );
          if (contextSurvives) expect(r.match).toMatchObject({ start: r.start, exact: true });
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("re-anchoring, a counterexample fast-check found (session 13)", () => {
  it("keeps a claim in a run of five identical sentences on its own copy, though the diff pairs it with a twin of the same context", () => {
    const twin = "Critics note that 12 percent of those held had no criminal record.";
    const text = `ICE reported 1,261 arrests for dangerous drugs in FY 2020. Fares rose 6% in May, the transit agency said.\n\nThe county spent $4.2 million on jail operations in 2020. ${Array.from({ length: 5 }, () => twin).join(" ")}`;
    const claims = [{ start: 0, end: 58 }, { start: 107, end: 164 }, { start: 165, end: 231 }, { start: 299, end: 365 }];
    const results = run(text, claims, [{ at: 231, remove: 0, insert: "update" }, { at: 398, remove: 0, insert: "\n\n update" }]);
    // The fourth claim's context (the copies either side) survives both edits: it stays on its copy.
    expect(results[3]!.match).toMatchObject({ start: results[3]!.start, exact: true });
    for (const r of results) if (r.match) expect(r.edited.slice(r.match.start, r.match.end)).toBe(r.quote);
  });
});
