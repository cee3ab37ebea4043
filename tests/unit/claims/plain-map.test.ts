/**
 * plainTextMap: a span of a revision's Markdown to the same words in the article's plain text, the
 * text the W3C export's selectors count in.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims, plainText, plainTextMap, prepareArticle } from "@/lib/claims";

const root = join(process.cwd(), "tests/fixtures/claims");
function articleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return articleFiles(path);
    return /\.(md|txt|html)$/.test(name) ? [path] : [];
  });
}

describe("plainTextMap", () => {
  it("maps inline Markdown to the words a person reads", () => {
    const md = "# Budget\n\nThe **city** spent [$4.2 million](https://x.example/a) on `roads` &amp; bridges.\n";
    const map = plainTextMap(md);
    expect(map.text).toBe("Budget\n\nThe city spent $4.2 million on roads & bridges.");
    const sentence = md.indexOf("The **");
    const span = map.toPlain(sentence, md.indexOf("bridges.") + "bridges.".length)!;
    expect(map.text.slice(...span)).toBe("The city spent $4.2 million on roads & bridges.");
    // A span starting or ending inside the syntax keeps only the words it holds.
    expect(map.text.slice(...map.toPlain(md.indexOf("**city"), md.indexOf("city**") + 6)!)).toBe("city");
    expect(map.text.slice(...map.toPlain(md.indexOf("[$4.2"), md.indexOf(") on") + 1)!)).toBe("$4.2 million");
  });

  it("is null for a span holding no prose, an empty span or one outside the text", () => {
    const md = "Intro words here.\n\n```\ncode only\n```\n\n<div>raw html</div>\n\nLast words.\n";
    const map = plainTextMap(md);
    expect(map.toPlain(md.indexOf("```"), md.indexOf("</div>") + 6)).toBeNull();
    expect(map.toPlain(3, 3)).toBeNull();
    expect(map.toPlain(md.length + 5, md.length + 9)).toBeNull();
    expect(map.toPlain(-1, 2)).toBeNull();
    expect(plainTextMap("").text).toBe("");
    expect(plainTextMap("").toPlain(0, 1)).toBeNull();
  });

  it("a span over two paragraphs takes the blank line between them; astral characters stay whole", () => {
    const md = "First 🎉 paragraph.\n\n> Second paragraph.\n";
    const map = plainTextMap(md);
    expect(map.text.slice(...map.toPlain(md.indexOf("paragraph."), md.indexOf("Second") + 6)!)).toBe("paragraph.\n\nSecond");
    // Half an emoji in the Markdown span is the whole emoji in the plain text.
    const emoji = md.indexOf("🎉");
    expect(map.text.slice(...map.toPlain(emoji + 1, emoji + 2)!)).toBe("🎉");
  });

  it("on every fixture article: the text is plainText, and each claim's span is the pipeline's own plain-text position", () => {
    const files = articleFiles(root);
    expect(files.length).toBeGreaterThan(20);
    let claims = 0;
    for (const file of files) {
      const { markdown } = prepareArticle(readFileSync(file, "utf8"), { fileName: file });
      const map = plainTextMap(markdown);
      const name = relative(root, file);
      expect(map.text, name).toBe(plainText(markdown));
      for (const claim of extractClaims(markdown).claims) {
        claims++;
        expect(map.toPlain(claim.sourceStart, claim.sourceEnd), `${name}: ${claim.text}`).toEqual([claim.position.start, claim.position.end]);
      }
    }
    expect(claims).toBeGreaterThan(200);
  });
});
