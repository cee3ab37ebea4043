/**
 * Fixture tests for every stage: each case in tests/fixtures/claims/<case>/ has an input.md and an
 * output.json holding what each stage makes of it. `UPDATE=1 npx vitest run tests/unit/claims`
 * regenerates the expected files; review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims, plainText } from "@/lib/claims";
import { parseArticle } from "@/lib/claims/parse";
import { splitUnit } from "@/lib/claims/split";
import { typeClaim } from "@/lib/claims/type";
import { collectUnits, unitText } from "@/lib/claims/units";

const root = join(process.cwd(), "tests/fixtures/claims");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "input.md")))
  .map((d) => d.name);

/** What each stage produces for one input: small, readable, diffable. */
function stages(input: string) {
  const tree = parseArticle(input);
  const { units } = collectUnits(tree, input);
  const split = units.flatMap(splitUnit);
  const result = extractClaims(input);
  return {
    parse: tree.children.map((n) => n.type),
    units: units.map((u) => ({ block: u.block, text: unitText(u), context: u.context })),
    split: split.map(unitText),
    type: split.map((u) => ({ text: unitText(u), ...typeClaim(unitText(u), u.context, { heading: u.block === "heading" }) })),
    filter: result.dropped.map((d) => ({ text: d.text, why: d.why })),
    claims: result.claims.map((c) => ({ kind: c.kind, text: c.text, sourceStart: c.sourceStart, sourceEnd: c.sourceEnd, context: c.context, quote: c.quote, position: c.position })),
    plainText: plainText(input),
  };
}

describe("claim pipeline fixtures", () => {
  it("has fixture cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(`${name}: every stage matches output.json`, () => {
      const input = readFileSync(join(root, name, "input.md"), "utf8");
      const actual = stages(input);
      const file = join(root, name, "output.json");
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
    });
    it(`${name}: each claim's source slice holds its words`, () => {
      const input = readFileSync(join(root, name, "input.md"), "utf8");
      for (const c of extractClaims(input).claims) {
        const slice = input.slice(c.sourceStart, c.sourceEnd);
        expect(words(slice)).toContain(words(c.text).slice(0, 40));
      }
    });
  }
});

/** Letters and digits only: Markdown syntax and white space removed. */
function words(s: string): string {
  return s.replace(/\[\^[^\]]*\]/g, "").replace(/\]\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
}
