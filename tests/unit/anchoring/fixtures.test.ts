/**
 * Fixture tests of re-anchoring: each case in tests/fixtures/anchoring/<case>/ holds an original and
 * an edited article, the claims (quotes in the original, with what must become of them), and the
 * recorded outcome. `want` is checked always; expected.json is the full outcome, compared here and
 * regenerated with UPDATE=1 to be reviewed in the diff (as remark-toc's fixtures are).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { buildClaimSelector, reanchorClaims, type ReanchorStatus } from "@/lib/anchoring";

const root = fileURLToPath(new URL("../../fixtures/anchoring/", import.meta.url));
const update = process.env.UPDATE === "1";

interface FixtureClaim {
  id: string;
  /** The claim's text in original.md. */
  quote: string;
  /** Which occurrence of `quote` in original.md, when it occurs more than once (0-based). */
  occurrence?: number;
  want: {
    status: ReanchorStatus;
    /** The claim's new text, when it is not the quote itself. */
    text?: string;
    /** Text that must come right before the claim in edited.md (which occurrence it landed on). */
    context?: string;
  };
}

function locate(text: string, quote: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture quote not in original.md: ${quote}`);
  }
  return at;
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("re-anchoring fixtures", () => {
  it("has the cases issue 7 asks for", () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        "unchanged",
        "text-inserted-before",
        "typo-fixed",
        "number-changed",
        "paragraph-moved",
        "claim-deleted",
        "claim-duplicated",
        "short-claims",
      ]),
    );
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const original = readFileSync(join(dir, "original.md"), "utf8");
      const edited = readFileSync(join(dir, "edited.md"), "utf8");
      const { claims } = JSON.parse(readFileSync(join(dir, "claims.json"), "utf8")) as { claims: FixtureClaim[] };

      const selectors = claims.map((c) => {
        const start = locate(original, c.quote, c.occurrence);
        return { id: c.id, ...buildClaimSelector(original, start, start + c.quote.length) };
      });
      const { results, stats } = reanchorClaims(original, edited, selectors);

      // What must hold, whatever expected.json says.
      results.forEach((r, i) => {
        const claim = claims[i]!;
        expect({ id: r.id, status: r.status }).toEqual({ id: claim.id, status: claim.want.status });
        if (r.match) {
          expect(edited.slice(r.match.start, r.match.end)).toBe(claim.want.text ?? claim.quote);
          if (claim.want.context) {
            expect(edited.slice(r.match.start - claim.want.context.length, r.match.start)).toBe(claim.want.context);
          }
        }
      });

      const actual = {
        stats,
        results: results.map((r) => ({
          id: r.id,
          status: r.status,
          ...(r.match && {
            method: r.match.method,
            score: r.match.score,
            start: r.match.start,
            end: r.match.end,
            text: edited.slice(r.match.start, r.match.end),
          }),
        })),
      };
      const file = join(dir, "expected.json");
      if (update || !existsSync(file)) {
        writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      } else {
        expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
      }
    });
  }
});
