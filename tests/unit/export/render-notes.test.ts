import fc from "fast-check";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { renderNotes } from "@/lib/export/render-notes";
import { renderNote } from "@/lib/render/note-html";

const one = (note: string) => toHtml(renderNote(note));
const many = (notes: string[]) => renderNotes(notes).map((tree) => toHtml(tree));

describe("renderNotes", () => {
  it("renders each note exactly as renderNote does, including notes that could leak into the next", () => {
    const notes = [
      "plain",
      "**bold**, _em_ and `code`",
      "- a\n- b",
      "> quote\n> more",
      "| a | b |\n| - | - |\n| 1 | 2 |",
      "    indented code",
      "",
      "Heading\n===",
      "see https://x.example",
      "```js\nunclosed fence",
      "after the fence",
      "[x]: https://z.example",
      "uses [x]",
      "<div>raw html block",
      "<img src=x onerror=alert(1)>",
      "[^1] a footnote\n\n[^1]: its text",
      "claimdesknoteseparator",
    ];
    expect(many(notes)).toEqual(notes.map(one));
  });

  it("agrees with renderNote on random Markdown-ish notes", () => {
    const piece = fc.constantFrom("word", " ", "\n", "\n\n", "*", "_", "`", "#", "-", "1.", ">", "|", "[", "]", "(", ")", ":", "=", "    ", "\\", "http://a.example", "~", "!");
    const note = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(fc.array(note, { maxLength: 6 }), (notes) => {
      expect(many(notes)).toEqual(notes.map(one));
    }), { numRuns: 300 });
  });
});
