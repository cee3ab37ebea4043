/** anchorClaim's resolution order on small hand-made texts, with and without a diff. */
import { describe, expect, it } from "vitest";

import { anchorClaim, buildClaimSelector, createPositionMap } from "@/lib/anchoring";

/** The selector of the `occurrence`-th `quote` in `text`. */
function select(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at === -1) throw new Error(`test quote not in text: ${quote}`);
  return buildClaimSelector(text, at, at + quote.length);
}

const old =
  "Fares rose 6% in May, the transit agency said. Ridership fell to 1.2 million trips in June. " +
  "The county bought the park in 1979 for $2 million. Officials did not respond to a request for comment.";

describe("anchorClaim", () => {
  it("keeps the stored position when the text there is still the quote", () => {
    const s = select(old, "Ridership fell to 1.2 million trips in June.");
    expect(anchorClaim(old, s)).toEqual({ start: s.position.start, end: s.position.end, score: 1, method: "position", exact: true });
  });

  it("finds the quote with its context after text was inserted before it", () => {
    const s = select(old, "The county bought the park in 1979 for $2 million.");
    const edited = `Updated: a correction was added. ${old}`;
    const m = anchorClaim(edited, s);
    expect(m).toMatchObject({ method: "quote-context", exact: true });
    expect(edited.slice(m!.start, m!.end)).toBe(s.quote.exact);
  });

  it("lets context decide between two occurrences, and gives up on a tie", () => {
    const quote = "Fares rose 6% in May.";
    const text = `Buses: ${quote} Trains were flat. Ferries: ${quote} Docks were closed.`;
    const s = select(text, quote, 1);
    // The text moved, so the stored position no longer holds; the prefix "Ferries: " decides.
    const edited = `Summary first. ${text}`;
    expect(anchorClaim(edited, s)?.start).toBe(edited.lastIndexOf(quote));
    // Both contexts rewritten alike and the expected place far from both: no guess.
    const tied = `X. ${quote} Y. ${"filler ".repeat(40)}X. ${quote} Y.`;
    expect(anchorClaim(tied, { ...s, position: { start: 150, end: 150 + quote.length } })).toBeNull();
  });

  it("places a claim whose number changed on the new text, as fuzzy and not exact", () => {
    const s = select(old, "Ridership fell to 1.2 million trips in June.");
    const edited = old.replace("1.2 million", "1.3 million");
    const m = anchorClaim(edited, s);
    expect(m).toMatchObject({ method: "fuzzy", exact: false });
    expect(edited.slice(m!.start, m!.end)).toBe("Ridership fell to 1.3 million trips in June.");
    expect(m!.score).toBeGreaterThan(0.9);
  });

  it("never lands a short quote on look-alike text (Hypothesis h#2634: Linus → chines)", () => {
    const text = "Was it Linus who wrote it? Yes. Nobody disputes that.";
    const yes = select(text, "Yes.");
    const linus = select(text, "Linus");
    const edited = "Machines wrote it, some say. Yes, and others disagree.";
    expect(anchorClaim(edited, yes)).toBeNull();
    expect(anchorClaim(edited, linus)).toBeNull();
    // A short quote still in its own context is found.
    expect(anchorClaim(`Intro. ${text}`, yes)).toMatchObject({ method: "quote-context", exact: true });
  });

  it("orphans a sentence rewritten beyond a few edits rather than matching the nearest one", () => {
    const s = select(old, "The county bought the park in 1979 for $2 million.");
    const edited = old.replace("The county bought the park in 1979 for $2 million.", "The park has belonged to the county for decades.");
    expect(anchorClaim(edited, s)).toBeNull();
  });

  it("with a diff, does not put a deleted claim on its word-for-word twin elsewhere", () => {
    const quote = "Fares rose 6% in May.";
    const before = `Lede. ${quote} More lede text follows here.\n\nBody. Later on: ${quote} End of the body text.`;
    const s = select(before, quote, 0);
    const after = before.replace(`${quote} `, "");
    const positionMap = createPositionMap(before, after);
    expect(anchorClaim(after, s, { positionMap })).toBeNull();
    // Without the diff, the twin is the only occurrence and is taken (Hypothesis would do the same).
    expect(anchorClaim(after, s)).toMatchObject({ method: "quote" });
  });

  it("returns null for an empty quote", () => {
    expect(anchorClaim(old, buildClaimSelector(old, 5, 5))).toBeNull();
  });
});
