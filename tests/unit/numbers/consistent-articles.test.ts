/**
 * No finding on a consistent article (issue 17): the seed article and every labelled article of the
 * claim corpus, none of which had an inconsistency planted in it. A finding here is a false one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArticleText } from "@/lib/numbers";
import { readArticles } from "@/scripts/claims-data";

const seed = readdirSync(join(process.cwd(), "content"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => ({ name: `content/${f}`, text: readFileSync(join(process.cwd(), "content", f), "utf8"), format: "markdown" as const }));
const labelled = readArticles().map((a) => ({ name: a.name, text: a.text, format: a.format }));

describe("consistent articles", () => {
  it("has the seed and the labelled articles to read", () => {
    expect(seed.length).toBeGreaterThan(0);
    expect(labelled.length).toBeGreaterThan(20);
  });
  for (const a of [...seed, ...labelled]) {
    it(`finds nothing in ${a.name}`, () => {
      const { claims, findings } = checkArticleText(a.text, a.format);
      expect(claims.length).toBeGreaterThan(0);
      expect(findings.map((f) => `${f.type}: ${f.message}`)).toEqual([]);
    });
  }
});
