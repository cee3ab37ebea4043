/**
 * Property: adding, removing or editing paragraphs that hold no claim never orphans, moves or
 * duplicates a claim, and every review stays on its claim. Over real importArticle calls on a temp
 * SQLite file, starting from an article whose claims hold inline Markdown.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import-article";
import type { SignedInViewer } from "@/lib/review/claim-rules";
import { saveReview } from "@/lib/review/save-review";
import { INLINE_ARTICLE } from "../../support/inline-markdown-article";
import { tempDatabase } from "../../support/temp-database";

const SEPARATOR = "\n\n";
const BLOCKS = INLINE_ARTICLE.trimEnd().split(SEPARATOR);

/** New paragraphs: some with a claim of their own, some with none, several with inline Markdown. */
const NEW_PARAGRAPHS = [
  "The mayor said 250 new housing units opened in 2024.",
  "Thanks to everyone who wrote in.",
  "More on this **next week**.",
  "A [related story](https://example.org/related) ran on Monday.",
  "Officials said 7 `parks` reopened in March 2025.",
  "We asked the county for comment &mdash; it did not reply.",
];
const EDITS = [(text: string) => `${text} It was a busy year.`, (text: string) => text.replace(/\.$/, ", below."), () => "See the notes at the end."];

type Op =
  | { kind: "insert"; at: number; paragraph: number }
  | { kind: "remove"; which: number }
  | { kind: "edit"; which: number; how: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), paragraph: fc.nat(NEW_PARAGRAPHS.length - 1) }),
  fc.record({ kind: fc.constant("remove" as const), which: fc.nat() }),
  fc.record({ kind: fc.constant("edit" as const), which: fc.nat(), how: fc.nat(EDITS.length - 1) }),
);

/** A block of the article, with an id that follows it through the edits. */
type Block = { id: number; text: string };

let t: ReturnType<typeof tempDatabase>;
let viewer: SignedInViewer;
beforeAll(async () => {
  t = tempDatabase();
  const user = await t.db.user.create({ data: { email: "rita@example.org", name: "Rita", role: "reviewer" } });
  viewer = { id: user.id, email: user.email, name: user.name, role: "reviewer" };
});
afterAll(async () => {
  await t.dispose();
});

const claimsOf = (slug: string) =>
  t.db.claim.findMany({
    where: { article: { slug } },
    orderBy: { position: "asc" },
    select: { id: true, text: true, state: true, anchorStatus: true, sourceStart: true, sourceEnd: true, quoteExact: true, revision: { select: { number: true, text: true } }, reviews: { select: { id: true } } },
  });

/** Start offset of each block in `blocks.join(SEPARATOR)`. */
function startsOf(blocks: readonly { text: string }[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const b of blocks) {
    starts.push(at);
    at += b.text.length + SEPARATOR.length;
  }
  return starts;
}

let run = 0;

describe("re-importing with paragraphs that hold no claim added, removed or edited", () => {
  it("never orphans, moves or duplicates a claim, and keeps every review on its claim", async () => {
    await fc.assert(
      // Two rounds of edits, two re-imports: claims the first one added must survive the second.
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), fc.array(op, { minLength: 1, maxLength: 3 }), async (...rounds) => {
        const slug = `property-${run++}`;
        let blocks: Block[] = BLOCKS.map((text, id) => ({ id, text }));
        let nextId = blocks.length;
        const textOf = (bs: readonly Block[]) => `${bs.map((b) => b.text).join(SEPARATOR)}\n`;
        await importArticle(t.db, { text: textOf(blocks), fileName: `${slug}.md`, slug });
        const inserted = new Set<number>();

        for (const [round, ops] of rounds.entries()) {
          for (const c of await claimsOf(slug)) {
            if (c.reviews.length === 0) await saveReview(t.db, { viewer, claimId: c.id, verdict: "accurate", confidence: "high", note: "", expectedVersion: null });
          }
          const before = await claimsOf(slug);
          expect(before[0]!.revision.text).toBe(textOf(blocks)); // offsets below are computed on the file
          const oldStarts = startsOf(blocks);
          const blockAt = (offset: number) => blocks[oldStarts.findLastIndex((s) => s <= offset)]!;
          const claimBlocks = new Set(before.flatMap((c) => [blockAt(c.sourceStart).id, blockAt(c.sourceEnd - 1).id]));
          const oldBlock = new Map(before.map((c) => [c.id, { id: blockAt(c.sourceStart).id, offset: c.sourceStart - oldStarts[blocks.indexOf(blockAt(c.sourceStart))]! }]));
          // Free: holds no claim, and is neither the front matter nor the footnote a claim refers to.
          const isFree = (b: Block) => b.id > 0 && !claimBlocks.has(b.id) && !b.text.startsWith("[^");

          const edited = blocks.map((b) => ({ ...b }));
          for (const o of ops) {
            const free = edited.filter(isFree);
            if (o.kind === "insert" && !inserted.has(o.paragraph)) {
              inserted.add(o.paragraph); // each new paragraph once: no new twin sentences
              edited.splice(1 + (o.at % edited.length), 0, { id: nextId++, text: NEW_PARAGRAPHS[o.paragraph]! });
            } else if (o.kind === "remove" && free.length > 0) {
              edited.splice(edited.indexOf(free[o.which % free.length]!), 1);
            } else if (o.kind === "edit" && free.length > 0) {
              const b = free[o.which % free.length]!;
              b.text = EDITS[o.how]!(b.text);
            }
          }
          if (textOf(edited) === textOf(blocks)) continue;
          blocks = edited;

          const outcome = await importArticle(t.db, { text: textOf(blocks), fileName: `${slug}.md`, slug });
          expect(outcome.reanchored).toMatchObject({ exact: before.length, changed: 0, orphaned: 0 });
          const after = await claimsOf(slug);
          expect(after.every((c) => c.state !== "orphaned" && c.revision.number === before[0]!.revision.number + 1), `round ${round}`).toBe(true);
          expect(after).toHaveLength(before.length + outcome.reanchored!.added);

          // Not moved: the same words at the same place in the same block, wherever that block went.
          const newStarts = startsOf(blocks);
          for (const old of before) {
            const { id, offset } = oldBlock.get(old.id)!;
            const now = after.find((c) => c.id === old.id)!;
            const expected = newStarts[blocks.findIndex((b) => b.id === id)]! + offset;
            expect({ start: now.sourceStart, end: now.sourceEnd, text: now.text, quote: now.quoteExact, status: now.anchorStatus }).toEqual({
              start: expected,
              end: expected + old.sourceEnd - old.sourceStart,
              text: old.text,
              quote: old.quoteExact,
              status: "exact",
            });
            expect(now.reviews).toEqual(old.reviews);
          }
          // Not duplicated: no two claims of the new revision overlap.
          const spans = after.map((c) => [c.sourceStart, c.sourceEnd] as const).sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
